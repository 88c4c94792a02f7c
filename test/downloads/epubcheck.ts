import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findOnPath } from '../../src/downloads/calibre.ts';

/**
 * Runs epubcheck (Debian package `epubcheck`) on an EPUB and returns its messages. Debian installs
 * it as an executable JAR, which needs `java -jar` where binfmt_misc is not set up (containers).
 */

export interface EpubcheckMessage {
  severity: string;
  ID: string;
  message: string;
  locations: { path: string; line: number; column: number }[];
}

const run = promisify(execFile);

/** The command line for epubcheck here, or undefined when it is not installed. */
export function epubcheckCommand(): { command: string; args: string[] } | undefined {
  const found = findOnPath('epubcheck');
  if (!found) return undefined;
  const head = Buffer.alloc(2);
  const fd = fs.openSync(fs.realpathSync(found), 'r');
  fs.readSync(fd, head, 0, 2, 0);
  fs.closeSync(fd);
  return head.toString('latin1') === 'PK' ? { command: findOnPath('java') ?? 'java', args: ['-jar', fs.realpathSync(found)] } : { command: found, args: [] };
}

/** epubcheck's messages for `bytes` (errors, warnings, and the rest). */
export async function epubcheck(bytes: Uint8Array, name = 'book.epub'): Promise<EpubcheckMessage[]> {
  const cmd = epubcheckCommand();
  if (!cmd) throw new Error('epubcheck is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-epubcheck-'));
  try {
    const file = path.join(dir, name);
    const report = path.join(dir, 'report.json');
    fs.writeFileSync(file, bytes);
    await run(cmd.command, [...cmd.args, file, '--json', report], { timeout: 120_000 }).catch((err: { code?: number }) => {
      if (typeof err.code !== 'number') throw err; // exit code 1 just means "found problems"
    });
    return (JSON.parse(fs.readFileSync(report, 'utf8')) as { messages: EpubcheckMessage[] }).messages;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** "ERROR RSC-005 chapter-0002.xhtml:12: element p not allowed here" for assertion messages. */
export function describeMessages(messages: readonly EpubcheckMessage[]): string {
  return messages.map((m) => `${m.severity} ${m.ID} ${m.locations[0] ? `${m.locations[0].path}:${m.locations[0].line}` : ''}: ${m.message}`).join('\n');
}
