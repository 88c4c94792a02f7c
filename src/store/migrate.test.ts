import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openStore } from './store.ts';
import { migrateDown, migrateUp, migrationStatus } from './migrate.ts';

test('migrations go up on open, down to nothing, and up again', async () => {
  const store = await openStore({ dataDir: ':memory:' });
  const tables = async () =>
    (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%'`.execute(store.db)).rows.map((r) => r.name);
  assert.ok((await tables()).includes('works'));
  assert.deepEqual((await migrationStatus(store.db)).map((m) => m.applied), [true]);
  const down = await migrateDown(store.db);
  assert.deepEqual(down, ['reverted 0001_initial']);
  assert.deepEqual(await tables(), []);
  assert.deepEqual(await migrateUp(store.db), ['applied 0001_initial']);
  assert.ok((await tables()).includes('chapters'));
  await store.close();
});
