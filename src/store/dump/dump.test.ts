import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pseudIdsOf } from '../../accounts/account.repository.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import { archiveOn } from '../../archive.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { makeCanonical, makeSynonym } from '../../tags/wrangle.ts';
import { GUEST } from '../../works/visibility.ts';
import { buildWork, testConfig } from '../../../test/factories.ts';
import { openStore, scratchPostgresStore, type Store } from '../store.ts';
import { writeExport } from './export.ts';
import { restoreExport } from './restore.ts';
import { isExported, listTables, TABLES } from './tables.ts';
import { migrateTo, schemaVersion } from '../migrate.ts';

/** `quire backup` / `restore` / `move`: Quire's export format read back by either database, byte for byte. */
const PG = process.env.QUIRE_TEST_PG_URL;
let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-dump-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const sqliteStore = () => openStore({ dataDir: ':memory:' });
const file = (name: string) => path.join(dir, name);

/** An archive with a little of everything: tags wrangled (a synonym of a later tag), series, accounts, kudos, a comment thread, bookmarks. */
async function seeded(store: Store): Promise<Store> {
  const clock = () => new Date('2025-04-01T09:30:00.000Z');
  const a = archiveOn(testConfig(), store, { clock });
  await a.accounts.create({ username: 'Wren', email: 'wren@example.org', password: 'a quiet lantern' });
  await a.accounts.create({ username: 'Ossian', email: 'ossian@example.org', password: 'a quiet lantern' });
  const viewer = async (name: string) => {
    const acc = (await a.accounts.byUsername(name))!;
    return viewerOf(acc, await pseudIdsOf(store.db, acc.id));
  };
  const wren = await viewer('Wren');
  const ossian = await viewer('Ossian');
  const w1 = await a.works.create(buildWork({ title: 'Lanterns — “quoted” ünïcödé 灯', creators: ['Wren'], tags: ['slow burn', 'Found Family'], series: [{ title: 'Lights' }] }));
  const w2 = await a.works.create(buildWork({ title: 'Second', creators: ['Wren'], tags: ['Slow Burn Romance'], chapters: [{ html: '<p>The first of two chapters.</p>' }, { html: '<p>The second of two chapters.</p>' }] }));
  await a.works.create(buildWork({ title: 'A draft', status: 'draft', creators: ['Ossian'] }));
  const tag = async (n: string) => (await findTagByName(store.db, n))!.id;
  await makeCanonical(store, a.events, await tag('Slow Burn Romance'));
  await makeSynonym(store, a.events, await tag('slow burn'), await tag('Slow Burn Romance'));
  const actor = (v: typeof wren) => ({ viewer: v, ip: '198.51.100.7' });
  await a.interactions.kudos.give(actor(ossian), w1.id);
  await a.interactions.kudos.give({ viewer: GUEST, ip: '192.0.2.1' }, w2.id);
  const root = await a.interactions.comments.post(actor(ossian), w1.id, { text: 'The lanterns!', chapterPosition: 1 });
  await a.interactions.comments.post(actor(wren), w1.id, { text: 'Thank you.', parentId: root.id });
  await a.interactions.bookmarks.save(ossian, w2.id, { notes: 'Cosy', tags: 'comfort read', rec: true });
  await a.interactions.subscriptions.subscribe(ossian, 'work', w1.id);
  return store;
}

function gunzipLines(f: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(f)).toString('utf8').trimEnd().split('\n');
}

test('the export format: a header, tables in order, rows by key, an end line; no search tables', async () => {
  const store = await seeded(await sqliteStore());
  const counts = await writeExport(store, file('a.quire.gz'));
  const lines = gunzipLines(file('a.quire.gz'));
  const header = JSON.parse(lines[0]!);
  assert.equal(header.format, 'quire-export');
  assert.equal(header.version, 1);
  assert.match(header.schemaVersion, /^\d{4}_/);
  const tables = lines.map((l) => JSON.parse(l)).filter((l) => !Array.isArray(l) && l.table).map((l) => l.table as string);
  assert.ok(tables.indexOf('works') < tables.indexOf('chapters') && tables.indexOf('accounts') < tables.indexOf('kudos'));
  assert.ok(!tables.some((t) => t.startsWith('search_') || t.startsWith('kysely_')));
  assert.deepEqual(JSON.parse(lines.at(-1)!), { end: true, tables: counts.tables, rows: counts.rows });
  assert.ok(counts.rows > 20);
  assert.ok(!lines.some((l) => l.includes('search.fts_version')), 'the text index mark is derived, not exported');
  await store.close();
});

test('every table the migrations make is in the export order list (or deliberately left out)', async () => {
  const store = await sqliteStore();
  const missing = (await listTables(store)).filter((t) => isExported(t) && !TABLES.some((s) => s.name === t));
  assert.deepEqual(missing, [], 'add these tables to TABLES in src/store/dump/tables.ts');
  await store.close();
});

test('SQLite: export, restore into an empty database, export again: the same bytes', async () => {
  const source = await seeded(await sqliteStore());
  await writeExport(source, file('s1.gz'));
  const target = await sqliteStore();
  const counts = await restoreExport(target, file('s1.gz'));
  await writeExport(target, file('s2.gz'));
  assert.ok(fs.readFileSync(file('s1.gz')).equals(fs.readFileSync(file('s2.gz'))));
  // The restored archive works: a new tag gets a fresh id, the synonym survived.
  const a = archiveOn(testConfig(), target);
  const w = await a.works.create(buildWork({ tags: ['slow burn'] }));
  assert.ok(w.id > 3);
  const synonym = await findTagByName(target.db, 'slow burn');
  assert.equal(synonym?.synonymOf, (await findTagByName(target.db, 'Slow Burn Romance'))?.id);
  assert.ok(counts.rows > 20);
  await source.close();
  await target.close();
});

test('restore refuses a database that already holds an archive, and a broken file', async () => {
  const source = await seeded(await sqliteStore());
  await writeExport(source, file('n.gz'));
  await assert.rejects(restoreExport(source, file('n.gz')), (e: Error & { code?: string }) => e.code === 'restore_not_empty' && /not empty \(table accounts has rows\)/.test(e.message));
  const lines = gunzipLines(file('n.gz'));
  fs.writeFileSync(file('cut.gz'), zlib.gzipSync(lines.slice(0, 12).join('\n')));
  const empty = await sqliteStore();
  await assert.rejects(restoreExport(empty, file('cut.gz')), (e: Error & { code?: string }) => e.code === 'export_invalid' && /truncated/.test(e.message));
  assert.equal((await empty.db.selectFrom('works').select('id').execute()).length, 0, 'a failed restore leaves nothing behind');
  const sneaky = [lines[0], '{"table":"kysely_migration","columns":["name","timestamp"]}', '["9999_x","now"]', '{"end":true,"tables":1,"rows":1}'];
  fs.writeFileSync(file('sneaky.gz'), zlib.gzipSync(sneaky.join('\n')));
  await assert.rejects(restoreExport(empty, file('sneaky.gz')), /line 2: table "kysely_migration" is not one this database restores/);
  fs.writeFileSync(file('other.gz'), zlib.gzipSync('{"hello":1}\n'));
  await assert.rejects(restoreExport(empty, file('other.gz')), /not a Quire export/);
  await source.close();
  await empty.close();
});

test('SQLite → PostgreSQL → SQLite: the same bytes at every step', { skip: PG ? false : 'QUIRE_TEST_PG_URL is not set' }, async () => {
  const source = await seeded(await sqliteStore());
  await writeExport(source, file('x1.gz'));
  const pg = await scratchPostgresStore(PG!);
  try {
    await restoreExport(pg, file('x1.gz'));
    await writeExport(pg, file('x2.gz'));
    assert.ok(fs.readFileSync(file('x1.gz')).equals(fs.readFileSync(file('x2.gz'))), 'export from PostgreSQL differs from the SQLite export');
    const back = await sqliteStore();
    await restoreExport(back, file('x2.gz'));
    await writeExport(back, file('x3.gz'));
    assert.ok(fs.readFileSync(file('x1.gz')).equals(fs.readFileSync(file('x3.gz'))));
    await back.close();
    // Sequences moved past the restored ids: a new work gets the next id.
    const w = await archiveOn(testConfig(), pg).works.create(buildWork({ creators: ['Wren'] }));
    assert.equal(w.id, 4);
  } finally {
    await pg.close();
    await source.close();
  }
});

test('PostgreSQL → SQLite: an archive made on PostgreSQL exports the same from both', { skip: PG ? false : 'QUIRE_TEST_PG_URL is not set' }, async () => {
  const pg = await seeded(await scratchPostgresStore(PG!));
  try {
    await writeExport(pg, file('p1.gz'));
    const lite = await sqliteStore();
    await restoreExport(lite, file('p1.gz'));
    await writeExport(lite, file('p2.gz'));
    assert.ok(fs.readFileSync(file('p1.gz')).equals(fs.readFileSync(file('p2.gz'))));
    await lite.close();
  } finally {
    await pg.close();
  }
});

test('an export from an older schema restores at that version, then migrates up', async () => {
  const old = await openStore({ dataDir: ':memory:', migrate: false });
  await migrateTo(old.db, '0009_rating_hints');
  await old.db.insertInto('tags').values({ type: 'fandom', name: 'Old Fandom', name_key: 'old fandom', canonical: 1, synonym_of: null, unwrangleable: 0, created_at: '2024-01-01T00:00:00.000Z' }).execute();
  await writeExport(old, file('old.gz'));
  assert.equal(JSON.parse(gunzipLines(file('old.gz'))[0]!).schemaVersion, '0009_rating_hints');
  const target = await sqliteStore();
  const latest = await schemaVersion(target.db);
  await restoreExport(target, file('old.gz'));
  assert.equal(await schemaVersion(target.db), latest);
  assert.equal((await findTagByName(target.db, 'old fandom'))?.name, 'Old Fandom');
  await old.close();
  await target.close();
});
