import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import type { Archive } from '../archive.ts';
import { searchQuery } from '../search/query.ts';
import { GUEST, OPERATOR, type Viewer } from '../works/visibility.ts';
import { importTagCsv } from './tag-import.ts';
import { findTagByName } from './tag.repository.ts';

/**
 * After any sequence of wrangling changes, what the live engine answers (totals, facet counts,
 * crossover, the full-text `tag:` field) must equal what a freshly rebuilt engine and full-text
 * index answer from the same rows.
 */

const NAMES = ['Angst', 'Hurt/Comfort', 'Sad', 'Fluff', 'Fluffy', 'Anne Elliot', 'Nan', 'Persuasion', 'Austen', 'Emma', 'Renamed Fluff', 'Comfort'];

const MEMBER: Viewer = { kind: 'member', accountId: 9999, pseudIds: [] };

async function snapshot(a: Archive, viewer: Viewer = GUEST): Promise<string> {
  const all = await a.search.search(viewer, searchQuery({ facetLimit: 100, perPage: 100 }));
  const facets = Object.entries(all.facets).map(([type, list]) => `${type}: ${list.map((f) => `${f.name}=${f.count}`).sort().join(', ')}`);
  const totals: string[] = [];
  for (const name of NAMES) {
    totals.push(`${name}: ${(await a.search.search(viewer, searchQuery({ include: [name] }))).total}`);
    totals.push(`tag:"${name}": ${(await a.search.search(viewer, searchQuery({ q: `tag:"${name}"` }))).total}`);
  }
  const crossovers = (await a.search.search(viewer, searchQuery({ crossover: 'only' }))).total;
  return [`total ${all.total}`, `crossovers ${crossovers}`, ...facets, ...totals].join('\n');
}

test('after wrangling, the live engine and full-text index agree with a fresh rebuild', async () => {
  const a = await testArchive();
  await a.search.prepare();
  await a.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Anne Elliot'], tags: ['Angst'] }));
  await a.works.create(buildWork({ fandoms: ['Persuasion', 'Emma'], characters: ['Nan'], tags: ['Hurt/Comfort'] }));
  await a.works.create(buildWork({ fandoms: ['Emma'], tags: ['Fluffy', 'Sad'] }));
  await a.works.create(buildWork({ fandoms: ['Austen'], tags: ['Fluff'] }));
  await a.works.create(buildWork({ fandoms: ['Persuasion'], tags: ['Comfort'], restricted: true }));
  const id = async (name: string) => (await findTagByName(a.store.db, name))!.id;
  assert.match(await snapshot(a), /crossovers 1/);

  await a.wrangling.addMetatag(OPERATOR, await id('Hurt/Comfort'), await id('Angst'));
  await a.wrangling.addMetatag(OPERATOR, await id('Sad'), await id('Hurt/Comfort'));
  await a.wrangling.synonym(OPERATOR, await id('Nan'), await id('Anne Elliot'));
  await a.wrangling.bulk(OPERATOR, 'synonym', [await id('Fluffy')], await id('Fluff'));
  await a.wrangling.rename(OPERATOR, await id('Fluff'), 'Renamed Fluff');
  await a.wrangling.addMetatag(OPERATOR, await id('Persuasion'), await id('Austen'));
  await a.wrangling.addMetatag(OPERATOR, await id('Emma'), await id('Austen'));
  await importTagCsv(a.wrangling, a.store.db, OPERATOR, 'type,name,synonym_of,parents\nadditional,Comfort,,Hurt/Comfort\n', 'tags.csv');
  await a.wrangling.removeMetatag(OPERATOR, await id('Hurt/Comfort'), await id('Angst'));
  await a.wrangling.unwrangleable(OPERATOR, await id('Sad'));

  const live = await snapshot(a);
  const member = await snapshot(a, MEMBER);
  assert.match(live, /Renamed Fluff: 2/, 'the synonym’s work counts under the renamed canonical tag');
  assert.match(live, /crossovers 0/, 'Persuasion and Emma under one metatag: no longer a crossover');
  assert.match(member, /Hurt\/Comfort: 2/, 'a member also sees the restricted work under the new metatag');
  await a.search.reindex();
  await a.search.rebuild();
  assert.equal(await snapshot(a), live);
  assert.equal(await snapshot(a, MEMBER), member);
});
