import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run.ts';

test('invalid configuration stops start-up with the list of what is wrong, exit 1', () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-cfg-'));
  const r = runCli(['--data', data, 'serve'], { QUIRE_PORT: 'abc', QUIRE_ADULT_GATE: 'maybe', QUIRE_BASE_URL: 'nope' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /invalid configuration/);
  for (const name of ['QUIRE_PORT', 'QUIRE_ADULT_GATE', 'QUIRE_BASE_URL']) assert.match(r.stderr, new RegExp(name));
  assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/, 'no stack trace');
});

test('an unknown command or option is one clear line and exit 1', () => {
  const r = runCli(['frobnicate']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /unknown command 'frobnicate'/);
});

test('--help lists the commands', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /serve/);
});
