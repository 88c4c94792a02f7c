import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConverterCommand } from '../../src/downloads/calibre.ts';

/**
 * Stand-ins for calibre's `ebook-convert INPUT OUTPUT`, as real programs run by the job queue:
 * one copies the EPUB to the output with a marker in front, one fails like a broken conversion.
 */
export function fakeConverters(): { copy: ConverterCommand; fail: ConverterCommand; dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-fake-convert-'));
  const copy = path.join(dir, 'copy.mjs');
  fs.writeFileSync(copy, `import fs from 'node:fs';
const [input, output] = process.argv.slice(2);
fs.writeFileSync(output, Buffer.concat([Buffer.from('CONVERTED:' + output.split('.').pop() + ':'), fs.readFileSync(input)]));
`);
  const fail = path.join(dir, 'fail.mjs');
  fs.writeFileSync(fail, `process.stderr.write('Traceback: conversion exploded at /secret/path\\n'); process.exit(3);\n`);
  return {
    copy: { command: process.execPath, args: [copy] },
    fail: { command: process.execPath, args: [fail] },
    dir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
