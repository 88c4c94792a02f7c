import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { LoginThrottle } from '../accounts/login-throttle.ts';
import { archiveOn } from '../archive.ts';
import { ensureTag } from '../tags/tag.repository.ts';
import { suggestTags } from '../works/posting-tags.ts';
import { OPERATOR } from '../works/visibility.ts';
import { buildWork, testConfig } from '../../test/factories.ts';
import { listTables } from './dump/tables.ts';
import { migrateDown, migrateUp, migrationStatus } from './migrate.ts';
import { openStore, scratchPostgresStore, type Store } from './store.ts';

/**
 * The store seam, the same tests on every database: SQLite always, PostgreSQL when
 * QUIRE_TEST_PG_URL is set (a scratch schema each).
 */
const PG = process.env.QUIRE_TEST_PG_URL;
const DIALECTS: [string, () => Promise<Store>, string | false][] = [
  ['sqlite', () => openStore({ dataDir: ':memory:' }), false],
  ['postgres', () => scratchPostgresStore(PG!), PG ? false : 'QUIRE_TEST_PG_URL is not set'],
];

for (const [name, open, skip] of DIALECTS) {
  test(`${name}: migrations go up on open, down to nothing, and up again`, { skip }, async () => {
    const store = await open();
    try {
      assert.equal(store.dialect, name);
      const tables = async () => (await listTables(store)).filter((t) => !/^(kysely_|sqlite_)/.test(t));
      assert.ok((await tables()).includes('works'));
      const status = await migrationStatus(store.db);
      assert.ok(status.length >= 9 && status.every((m) => m.applied));
      const reverted: string[] = [];
      for (let i = 0; i < status.length; i++) reverted.push(...(await migrateDown(store.db)));
      assert.deepEqual(reverted, status.map((m) => `reverted ${m.name}`).reverse());
      assert.deepEqual(await tables(), []);
      assert.deepEqual(await migrateUp(store.db), status.map((m) => `applied ${m.name}`));
      assert.ok((await tables()).includes('chapters'));
    } finally {
      await store.close();
    }
  });

  test(`${name}: repositories read back what they wrote; counts are numbers; text orders by code point`, { skip }, async () => {
    const store = await open();
    try {
      const a = archiveOn(testConfig(), store);
      const w = await a.works.create(buildWork({ title: 'Élan of the Lamps', tags: ['Lamplight', 'lantern festival'], creators: ['Mirren'] }));
      const read = await a.works.read(OPERATOR, w.id);
      assert.equal(read.title, 'Élan of the Lamps');
      assert.deepEqual([...read.tags].sort(), ['Lamplight', 'lantern festival']);
      assert.equal(read.complete, true);
      const n = await store.db.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(typeof n.n, 'number');
      const sum = await store.db.selectFrom('works').select(sql<number>`sum(word_count)`.as('s')).executeTakeFirstOrThrow();
      assert.equal(sum.s, read.words);
      // Tag suggestions match case-insensitively on both (the keys are folded), prefix first.
      assert.deepEqual((await suggestTags(store.db, 'additional', 'LAMP', OPERATOR)).map((s) => s.name), ['Lamplight']);
      // U+0000 (which PostgreSQL text cannot hold) is stored as U+FFFD on both, never dropped.
      const nul = await a.works.create(buildWork({ title: 'Null\u0000Island', tags: ['java\u0000script'] }));
      assert.equal((await a.works.read(OPERATOR, nul.id)).title, 'Null\uFFFDIsland');
      // Tag names are cleaned first: control characters, NUL among them, become spaces (cleanTagName).
      assert.deepEqual((await a.works.read(OPERATOR, nul.id)).tags, ['java script']);
      // Millisecond clocks fit (bigint on PostgreSQL).
      await store.db.insertInto('login_attempts').values({ bucket: 'ip:x', at: Date.parse('2030-01-01T00:00:00Z') }).execute();
      const at = await store.db.selectFrom('login_attempts').select('at').executeTakeFirstOrThrow();
      assert.equal(at.at, Date.parse('2030-01-01T00:00:00Z'));
      await a.works.create(buildWork({ tags: ['apple', 'Zebra', 'éclair'] }));
      const byName = await store.db.selectFrom('tags').select('name').where('name', 'in', ['apple', 'Zebra', 'éclair', 'Lamplight']).orderBy('name').execute();
      assert.deepEqual(byName.map((r) => r.name), ['Lamplight', 'Zebra', 'apple', 'éclair'], 'by code point, as SQLite BINARY orders, whatever the locale');
    } finally {
      await store.close();
    }
  });

  test(`${name}: concurrent writers (one tag, one login bucket, one work) do not collide`, { skip }, async () => {
    const store = await open();
    try {
      const tags = await Promise.all([1, 2, 3, 4, 5].map(() => store.db.transaction().execute((trx) => ensureTag(trx, 'additional', 'Parallel Lines'))));
      assert.equal(new Set(tags.map((t) => t.id)).size, 1);
      const clock = () => new Date('2025-05-01T10:00:00Z');
      const throttle = new LoginThrottle(store.db, clock);
      await Promise.all([1, 2, 3, 4].map(() => throttle.failed('account:7')));
      const rows = await store.db.selectFrom('login_failures').selectAll().where('bucket', '=', 'account:7').execute();
      assert.equal(rows.length, 1);
      assert.ok(rows[0]!.failures >= 1);
      // Two editors saving one work at once take turns: no duplicate chapters, one whole version wins.
      const a = archiveOn(testConfig(), store);
      const w = await a.works.create(buildWork({ title: 'Contested' }));
      const versions = [2, 3, 4].map((n) => buildWork({ title: `Version ${n}`, chapters: Array.from({ length: n }, (_, i) => ({ html: `<p>Chapter ${i + 1} of version ${n}, long enough.</p>` })) }));
      await Promise.all(versions.map((v) => a.works.update(w.id, v)));
      const final = await a.works.read(OPERATOR, w.id);
      const n = Number(final.title.replace('Version ', ''));
      assert.equal(final.chapters.length, n);
      assert.ok(final.chapters.every((c) => c.html.includes(`of version ${n},`)));
    } finally {
      await store.close();
    }
  });
}
