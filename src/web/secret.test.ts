import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCookieSecret } from './secret.ts';

test('the cookie secret is made once, 32 random bytes, mode 0600, and kept across restarts', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-secret-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const first = loadCookieSecret(dir);
  const file = path.join(dir, 'secret.key');
  assert.equal(first.length, 32);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(loadCookieSecret(dir), first);
  fs.chmodSync(file, 0o644);
  assert.deepEqual(loadCookieSecret(dir), first);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'a readable key is tightened');
  fs.writeFileSync(file, 'short');
  assert.throws(() => loadCookieSecret(dir), /secret\.key holds 5 bytes/);
});

test('an in-memory archive gets a fresh secret per process', () => {
  const a = loadCookieSecret(':memory:');
  assert.equal(a.length, 32);
  assert.notDeepEqual(loadCookieSecret(':memory:'), a);
});
