import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWork, testArchive } from '../../test/factories.ts';
import { filterTagClosure, type TagGraph } from './filter-tags.ts';
import { findTagByName } from './tag.repository.ts';
import { addMetatag, makeCanonical, makeSynonym, removeMetatag } from './wrangle.ts';

async function filterNames(a: Awaited<ReturnType<typeof testArchive>>, workId: number): Promise<string[]> {
  const rows = await a.store.db
    .selectFrom('filter_taggings')
    .innerJoin('tags', 'tags.id', 'filter_taggings.tag_id')
    .select('tags.name')
    .where('filter_taggings.work_id', '=', workId)
    .where('tags.type', 'in', ['fandom', 'relationship', 'character', 'additional'])
    .orderBy('tags.name')
    .execute();
  return rows.map((r) => r.name);
}

test('closure: synonyms resolve to canonical, metatags are added transitively, cycles end', () => {
  const graph: TagGraph = {
    synonymOf: new Map([[2, 1]]),
    unwrangleable: new Set([9]),
    metas: new Map([[1, [3]], [3, [4]], [4, [3]]]),
  };
  assert.deepEqual([...filterTagClosure([2, 9, 7], graph)].sort(), [1, 3, 4, 7]);
});

test('closure property: every input tag (unless unwrangleable) maps into the closure', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(20))), fc.array(fc.nat(20)), (edges, tags) => {
      const metas = new Map<number, number[]>();
      for (const [a, b] of edges) metas.set(a, [...(metas.get(a) ?? []), b]);
      const closure = filterTagClosure(tags, { synonymOf: new Map(), unwrangleable: new Set(), metas });
      for (const t of tags) assert.ok(closure.has(t));
      for (const t of closure) for (const m of metas.get(t) ?? []) assert.ok(closure.has(m));
    }),
  );
});

test('wrangling keeps every affected work\'s filter tags correct', async () => {
  const a = await testArchive();
  const w1 = await a.works.create(buildWork({ tags: ['found family'] }));
  const w2 = await a.works.create(buildWork({ tags: ['Found Family Feels'] }));
  const w3 = await a.works.create(buildWork({ tags: ['Chosen Family'] }));
  const seen: number[][] = [];
  a.events.subscribe({ worksChanged: (ids) => void seen.push([...ids]), worksDeleted: () => undefined });
  const tag = async (name: string) => (await findTagByName(a.store.db, name))!.id;

  await makeCanonical(a.store, a.events, await tag('Chosen Family'));
  await makeSynonym(a.store, a.events, await tag('found family'), await tag('Chosen Family'));
  assert.deepEqual(await filterNames(a, w1.id), ['Chosen Family', 'Test Fandom']);
  assert.deepEqual(seen.at(-1), [w1.id], "only works whose filter tags change are re-derived");
  assert.deepEqual(await filterNames(a, w3.id), ["Chosen Family", "Test Fandom"]);

  // "Found Family Feels" becomes a subtag of the canonical: a filter on the metatag finds it.
  await addMetatag(a.store, a.events, await tag('Found Family Feels'), await tag('Chosen Family'));
  assert.deepEqual(await filterNames(a, w2.id), ['Chosen Family', 'Found Family Feels', 'Test Fandom']);
  await removeMetatag(a.store, a.events, await tag('Found Family Feels'), await tag('Chosen Family'));
  assert.deepEqual(await filterNames(a, w2.id), ['Found Family Feels', 'Test Fandom']);

  // Editing a work re-derives its filter tags; a new work tagged with the synonym is found too.
  const w4 = await a.works.create(buildWork({ tags: ['Found Family'] }));
  assert.deepEqual(await filterNames(a, w4.id), ['Chosen Family', 'Test Fandom']);
  await assert.rejects(makeSynonym(a.store, a.events, await tag('Chosen Family'), await tag('Test Fandom')), /is a additional tag|fandom tag/);
});
