import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { addMetatag, makeSynonym, removeMetatag } from '../tags/wrangle.ts';
import { GUEST, OPERATOR } from '../works/visibility.ts';
import { sql } from 'kysely';
import type { Archive } from '../archive.ts';
import { FTS_VERSION, VERSION_KEY } from './fts/schema.ts';
import { PG_TEXT_VERSION } from './pg/backend.ts';
import { searchQuery } from './query.ts';
import { SearchService } from './search.service.ts';

const ids = (r: { items: { work: { id: number } }[] }) => r.items.map((i) => i.work.id);

/** The setting that records the text index's format, and the code's format, on this store's database. */
function indexVersion(a: Archive): { key: string; current: number } {
  return a.store.dialect === 'postgres' ? { key: 'search.pg_version', current: PG_TEXT_VERSION } : { key: VERSION_KEY, current: FTS_VERSION };
}

test('a work is findable as soon as create returns; edits and deletes show at once', async () => {
  const a = await testArchive();
  await a.search.prepare();
  const w = await a.works.create(buildWork({ title: 'Kettle', chapters: [{ html: '<p>The kettle sang about the marmalade.</p>' }] }));
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ q: 'marmalade' }))), [w.id]);
  await a.works.update(w.id, buildWork({ title: 'Kettle', chapters: [{ html: '<p>The kettle sang about the porridge.</p>' }] }));
  assert.equal((await a.search.search(GUEST, searchQuery({ q: 'marmalade' }))).total, 0);
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ q: 'porridge' }))), [w.id]);
  await a.works.delete(w.id);
  assert.equal((await a.search.search(OPERATOR, searchQuery({ q: 'porridge' }))).total, 0);
  assert.equal((await a.search.search(OPERATOR, searchQuery({}))).total, 0);
});

test('drafts to their creators, hidden works to admins, restricted works not to guests', async () => {
  const a = await testArchive();
  const draft = await a.works.create(buildWork({ status: 'draft', creators: ['inkpot'] }));
  const restricted = await a.works.create(buildWork({ restricted: true }));
  const open = await a.works.create(buildWork());
  const inkpot = draft.creators[0]!.id;
  const member = { kind: 'member' as const, accountId: 1, pseudIds: [inkpot] };
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({}))), [open.id]);
  assert.deepEqual(ids(await a.search.search(member, searchQuery({}))), [open.id, restricted.id, draft.id]);
  assert.deepEqual(ids(await a.search.search({ kind: 'member', accountId: 2, pseudIds: [] }, searchQuery({}))), [open.id, restricted.id]);
  await a.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', open.id).execute();
  await a.events.changed([open.id]);
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({}))), []);
  assert.deepEqual(ids(await a.search.search(OPERATOR, searchQuery({}))), [open.id, restricted.id, draft.id]);
  // An administrator sees the hidden work, and the restricted one, but never another person's draft.
  const admin = { kind: 'member' as const, accountId: 3, pseudIds: [], admin: true };
  assert.deepEqual(ids(await a.search.search(admin, searchQuery({}))), [open.id, restricted.id]);
  await a.search.rebuild();
  assert.deepEqual(ids(await a.search.search(admin, searchQuery({}))), [open.id, restricted.id], 'the same after a rebuild from the database');
});

test('wrangling: a synonym finds works under its canonical tag, by filter and by tag: text', async () => {
  const a = await testArchive();
  const w = await a.works.create(buildWork({ tags: ['Fluffy Stuff'] }));
  await a.works.create(buildWork({ tags: ['Fluff'] }));
  assert.equal((await a.search.search(GUEST, searchQuery({ include: ['Fluff'] }))).total, 1);
  const tag = async (name: string) => (await a.store.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  await makeSynonym(a.store, a.events, await tag('Fluffy Stuff'), await tag('Fluff'));
  assert.equal((await a.search.search(GUEST, searchQuery({ include: ['Fluff'] }))).total, 2);
  assert.equal((await a.search.search(GUEST, searchQuery({ include: ['fluffy stuff'] }))).total, 2, 'a synonym name filters as its canonical');
  assert.ok(ids(await a.search.search(GUEST, searchQuery({ q: 'tag:fluff' }))).includes(w.id), 'tag: text finds it through the canonical name');
  const facet = (await a.search.search(GUEST, searchQuery({}))).facets.additional;
  assert.deepEqual(facet.map((f) => [f.name, f.count]), [['Fluff', 2]]);
});

test('crossovers follow metatag changes in both directions', async () => {
  const a = await testArchive();
  const w = await a.works.create(buildWork({ fandoms: ['Iron Man (Movies)', 'Thor (Movies)'] }));
  await a.works.create(buildWork({ fandoms: ['Marvel Cinematic Universe'] }));
  const tag = async (name: string) => (await a.store.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const only = async () => ids(await a.search.search(GUEST, searchQuery({ crossover: 'only' })));
  assert.deepEqual(await only(), [w.id]);
  await addMetatag(a.store, a.events, await tag('Iron Man (Movies)'), await tag('Marvel Cinematic Universe'));
  assert.deepEqual(await only(), [w.id], 'one fandom under the metatag is not enough');
  await addMetatag(a.store, a.events, await tag('Thor (Movies)'), await tag('Marvel Cinematic Universe'));
  assert.deepEqual(await only(), [], 'both under one metatag: not a crossover');
  assert.equal((await a.search.search(GUEST, searchQuery({ include: ['Marvel Cinematic Universe'] }))).total, 2);
  await removeMetatag(a.store, a.events, await tag('Iron Man (Movies)'), await tag('Marvel Cinematic Universe'));
  assert.deepEqual(await only(), [w.id], 'the removed link is forgotten');
  await a.search.rebuild();
  assert.deepEqual(await only(), [w.id]);
});

test('counters written elsewhere are sorted on after events.changed', async () => {
  const a = await testArchive();
  const [x, y] = [await a.works.create(buildWork()), await a.works.create(buildWork())];
  await a.search.prepare();
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ sort: 'kudos' }))), [y.id, x.id], 'ties by id, newest first');
  await a.store.db.updateTable('works').set({ kudos_count: 5 }).where('id', '=', x.id).execute();
  await a.events.changed([x.id]);
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ sort: 'kudos' }))), [x.id, y.id]);
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ sort: 'kudos', order: 'asc' }))), [y.id, x.id]);
});

test('a changed index format is dropped, recreated and rebuilt from the works', async () => {
  const a = await testArchive();
  const w = await a.works.create(buildWork({ chapters: [{ html: '<p>Quinces ripened on the old wall.</p>' }] }));
  const { key, current } = indexVersion(a);
  await a.store.db.updateTable('settings').set({ value: String(current - 1) }).where('key', '=', key).execute();
  if (a.store.dialect === 'postgres') await sql`DELETE FROM search_pg_chunks`.execute(a.store.db); // rows of the "old format"
  const fresh = new SearchService(a.store, a.events, { writeIndex: false });
  if (a.store.sqlite) assert.equal(a.store.sqlite.prepare('SELECT count(*) FROM search_works').pluck().get(), 0, 'tables recreated empty');
  let progress = 0;
  await fresh.prepare((done, total) => { progress = done / total; });
  assert.equal(progress, 1);
  assert.deepEqual(ids(await fresh.search(GUEST, searchQuery({ q: 'quinces' }))), [w.id]);
  const stored = await a.store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  assert.equal(stored?.value, String(current));
  await a.works.create(buildWork({ chapters: [{ html: '<p>More quinces, and a wasp.</p>' }] }));
  assert.equal((await fresh.search(GUEST, searchQuery({ q: 'quinces' }))).total, 2);
});

test('hiding rules remove works and are counted; facets follow the visible result', async () => {
  const a = await testArchive();
  await a.works.create(buildWork({ tags: ['Angst'], language: 'fr' }));
  await a.works.create(buildWork({ tags: ['Angst', 'Fluff'] }));
  await a.works.create(buildWork({ tags: ['Fluff'], creators: ['muted'] }));
  const muted = (await a.store.db.selectFrom('pseuds').select('id').where('name', '=', 'muted').executeTakeFirstOrThrow()).id;
  const r = await a.search.search(GUEST, searchQuery({}), { hide: { tags: ['angst'], pseudIds: [muted] } });
  assert.deepEqual([r.total, r.hiddenByFilters], [0, 3]);
  const fr = await a.search.search(GUEST, searchQuery({ include: ['Fluff'] }), { hide: { languages: ['fr'], pseudIds: [muted] } });
  assert.deepEqual([fr.total, fr.hiddenByFilters], [1, 1]);
  assert.deepEqual(fr.facets.additional.map((f) => [f.name, f.count]), [['Angst', 1], ['Fluff', 1]]);
});

test('concurrent first searches share one reindex and one load', async () => {
  const a = await testArchive();
  await a.works.create(buildWork({ chapters: [{ html: '<p>Plums on the windowsill, ripening.</p>' }] }));
  await a.store.db.deleteFrom('settings').where('key', '=', indexVersion(a).key).execute();
  const fresh = new SearchService(a.store, a.events, { writeIndex: false });
  let starts = 0;
  const progress = (done: number) => { if (done === 0) starts++; };
  const results = await Promise.all([fresh.prepare(progress), fresh.prepare(progress), fresh.search(GUEST, searchQuery({ q: 'plums' }))]);
  assert.equal(starts, 1);
  assert.equal(results[2].total, 1);
});
