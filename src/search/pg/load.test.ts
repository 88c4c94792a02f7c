import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../../test/factories.ts';
import { loadIndex } from '../engine/bulk-load.ts';
import { loadRows } from '../engine/load.ts';
import { refreshMemberships } from '../engine/memberships.ts';
import { NUMERIC_KEYS, type WorkIndex } from '../engine/work-index.ts';
import { TAG_TYPES } from '../../tags/tag.types.ts';
import { addMetatag } from '../../tags/wrangle.ts';
import { loadIndexFrom, loadRowsFrom } from './load.ts';

/** Everything observable about an engine, as plain data. */
function snapshot(index: WorkIndex) {
  const { p } = index;
  const ids = Array.from(p.alive.toUint32Array());
  index.comparator('title', 'asc');
  index.comparator('creator', 'asc'); // runs the lazy key loaders of the SQLite bulk load
  const bitmaps = (m: Map<number | string, { toArray(): number[]; isEmpty: boolean }>) =>
    Object.fromEntries([...m].filter(([, b]) => !b.isEmpty).map(([k, b]) => [String(k), b.toArray()]));
  const tagIds: number[] = [];
  p.tags.forEach((t) => tagIds.push(t));
  tagIds.sort((a, b) => a - b);
  return {
    classes: [p.alive, p.posted, p.guest, p.member, p.complete, p.crossover].map((b) => b.toArray()),
    languages: bitmaps(p.languages as Map<string, never>),
    tags: Object.fromEntries(tagIds.map((t) => [String(t), p.tags.bitmap(t)!.toArray()])),
    perWork: ids.map((id) => ({
      id,
      tags: [...p.tagLists.get(id)].sort((a, b) => a - b),
      num: NUMERIC_KEYS.map((k) => p.num[k][id]),
      title: p.titleKey[id],
      creator: p.creatorKey[id],
      language: p.languageOf[id],
      pseuds: index.members.of('pseud', id).sort(),
      series: index.members.of('series', id).sort(),
    })),
    tagTypes: tagIds.map((t) => index.tagType(t) ?? null),
  };
}

async function archive() {
  const a = await testArchive();
  await a.works.create(buildWork({ title: 'The Ferry', creators: ['wren', 'moss'], fandoms: ['Harbour Tales', 'Night Ferry'], tags: ['Angst'], series: [{ title: 'Tides' }] }));
  await a.works.create(buildWork({ title: 'Ébène', creators: ['Élodie'], language: 'fr', complete: true, fandoms: ['Harbour Tales'], relationships: ['A/B'] }));
  await a.works.create(buildWork({ title: 'Draft', status: 'draft', creators: ['wren'], series: [{ title: 'Tides' }] }));
  await a.works.create(buildWork({ title: '东京', language: 'zh', restricted: true, creators: ['夜猫'], fandoms: ['Night Ferry', 'Lighthouse'] }));
  const tag = async (name: string) => (await a.store.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  await addMetatag(a.store, a.events, await tag('Lighthouse'), await tag('Night Ferry'));
  return a;
}

test('the Kysely loader builds the same engine as the SQLite bulk loader, and reads the same live rows', async (t) => {
  const a = await archive();
  try {
    const viaKysely = await loadIndexFrom(a.store.db, (fn) => a.store.db.transaction().execute(fn));
    assert.equal(viaKysely.index.size, 4);
    if (!a.store.sqlite) {
      t.diagnostic('PostgreSQL store: compared with a second load only');
      const again = await loadIndexFrom(a.store.db, (fn) => a.store.db.transaction().execute(fn));
      assert.deepEqual(snapshot(viaKysely.index), snapshot(again.index));
      return;
    }
    const bulk = loadIndex(a.store.sqlite);
    const want = snapshot(bulk.index);
    assert.deepEqual(snapshot(viaKysely.index), want);
    assert.ok(want.classes[5]!.length >= 1, 'the archive has a crossover');
    assert.ok(want.tagTypes.every((x) => x === null || TAG_TYPES.includes(x)));
    const ids = [1, 2, 3, 4, 99];
    const raw = loadRows(a.store.sqlite, bulk.index, bulk.graph, ids);
    refreshMemberships(a.store.sqlite, bulk.index.members, raw.map((r) => r.id));
    const portable = await loadRowsFrom(a.store.db, viaKysely.index, viaKysely.graph, ids);
    assert.deepEqual(portable.map((r) => ({ ...r, tags: [...r.tags].sort() })), raw.map((r) => ({ ...r, tags: [...r.tags].sort() })));
    assert.deepEqual(snapshot(viaKysely.index), snapshot(bulk.index));
  } finally {
    await a.close();
  }
});
