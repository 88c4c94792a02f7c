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
  const status = await migrationStatus(store.db);
  assert.ok(status.length >= 1 && status.every((m) => m.applied));
  const reverted: string[] = [];
  for (let i = 0; i < status.length; i++) reverted.push(...(await migrateDown(store.db)));
  assert.deepEqual(reverted, status.map((m) => `reverted ${m.name}`).reverse());
  assert.deepEqual(await tables(), []);
  assert.deepEqual(await migrateUp(store.db), status.map((m) => `applied ${m.name}`));
  assert.ok((await tables()).includes('chapters'));
  await store.close();
});
