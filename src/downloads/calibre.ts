import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QuireError } from '../errors.ts';

/**
 * calibre's `ebook-convert`, which turns Quire's EPUB into AZW3 and MOBI. It is looked for on
 * the PATH once; where it is missing those formats are simply not offered. Tests give a
 * stand-in command (any program called as `command ...args input output`).
 */

export interface ConverterCommand {
  command: string;
  /** Arguments before the input and output paths. */
  args?: string[];
  /** Longest a conversion may take; default 5 minutes. */
  timeoutMs?: number;
}

/** The full path of an executable on the PATH, or undefined (what `which` does). */
export function findOnPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    const full = path.join(dir, name);
    try {
      fs.accessSync(full, fs.constants.X_OK);
      if (fs.statSync(full).isFile()) return full;
    } catch {
      // not here
    }
  }
  return undefined;
}

let detected: ConverterCommand | null | undefined;

/** calibre's converter if installed (looked up once per process), else null. */
export function detectCalibre(): ConverterCommand | null {
  if (detected === undefined) {
    const found = findOnPath('ebook-convert');
    detected = found ? { command: found } : null;
  }
  return detected;
}

/** Runs a command; rejects with the end of its error output when it fails or takes too long. */
function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-2000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new QuireError('internal', `${path.basename(command)} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new QuireError('internal', `${path.basename(command)} could not be started: ${err.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new QuireError('internal', `${path.basename(command)} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

/**
 * Converts EPUB bytes to `ext` (`azw3`, `mobi`) in a temporary directory that is removed after.
 *
 * @example const mobi = await convertEpub(detectCalibre()!, epubBytes, 'mobi')
 */
export async function convertEpub(converter: ConverterCommand, epub: Uint8Array, ext: string): Promise<Buffer> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'quire-convert-'));
  try {
    const input = path.join(dir, 'book.epub');
    const output = path.join(dir, `book.${ext}`);
    await fsp.writeFile(input, epub);
    await run(converter.command, [...(converter.args ?? []), input, output], converter.timeoutMs ?? 300_000);
    try {
      return await fsp.readFile(output);
    } catch {
      throw new QuireError('internal', `${path.basename(converter.command)} made no ${ext.toUpperCase()} file`);
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
