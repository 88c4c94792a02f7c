import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memoryStore } from '../store/store.ts';
import { checkSharedKeys, ensureKeyFiles } from './shared-keys.ts';

function dataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'quire-keys-'));
}

test('hosts with the same key files start; a host with its own keys is refused, naming the file', async () => {
  const store = await memoryStore();
  // The check runs where hosts have data directories of their own: on PostgreSQL.
  const asPostgres = { db: store.db, dialect: 'postgres' as const };
  const [first, copy, stranger] = [dataDir(), dataDir(), dataDir()];
  try {
    ensureKeyFiles(first);
    for (const f of ['secret.key', 'visitor.key']) fs.copyFileSync(path.join(first, f), path.join(copy, f));
    await checkSharedKeys(asPostgres, first);
    await checkSharedKeys(asPostgres, copy);
    await assert.rejects(checkSharedKeys(asPostgres, stranger), (err: Error) => err.message.includes(`${path.join(stranger, 'secret.key')} is not the key the other processes of this archive use`));
    fs.copyFileSync(path.join(first, 'secret.key'), path.join(stranger, 'secret.key'));
    await assert.rejects(checkSharedKeys(asPostgres, stranger), /visitor\.key is not the key/);
    const rows = await store.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'key_fingerprint:%').orderBy('key').execute();
    assert.deepEqual(rows.map((r) => r.key), ['key_fingerprint:secret.key', 'key_fingerprint:visitor.key']);
    const secret = fs.readFileSync(path.join(first, 'secret.key')).toString('hex');
    assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.value) && r.value !== secret), 'a fingerprint, not the key');
    // On SQLite every process shares the data directory: nothing to check (a new key is allowed).
    fs.rmSync(path.join(stranger, 'secret.key'));
    await checkSharedKeys({ db: store.db, dialect: 'sqlite' }, stranger);
  } finally {
    for (const d of [first, copy, stranger]) fs.rmSync(d, { recursive: true, force: true });
    await store.close();
  }
});
