import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../scripts/corpus/rng.ts';
import { vocabularyFor } from '../scripts/corpus/vocabulary.ts';
import { buildWork, testArchive } from '../test/factories.ts';
import type { Archive } from '../src/archive.ts';
import { RATINGS, WARNINGS, CATEGORIES } from '../src/tags/tag.types.ts';
import { GUEST } from '../src/works/visibility.ts';
import { SqlBaseline } from './baseline-sql.ts';
import { answerOf, compareAnswers } from './engine.ts';
import { readProfile } from './profile.ts';
import { QUERY_CLASSES, generateQueries, queryKey } from './queries.ts';

/** Prose made of the corpus vocabulary (common and medium words, and its phrases), so generated queries find something. */
function prose(rng: Rng, words: number): string {
  const v = vocabularyFor('en');
  const out: string[] = [];
  while (out.length < words) {
    if (rng.chance(0.1)) out.push(...v.phrase(rng.range(1, 60)));
    else out.push(v.word(rng.chance(0.7) ? rng.range(1, 100) : rng.range(300, 1200)));
  }
  return `<p>${out.join(' ')}.</p>`;
}

/** A small archive with varied metadata: fandoms (some crossovers), tags, ratings, languages, dates, drafts, restricted works. */
async function smallArchive(): Promise<Archive> {
  const a = await testArchive();
  const rng = Rng.derive('bench-test');
  const fandoms = ['Harbour Lights', 'The Glass Orchard', 'Moth Station', 'Saltmarsh Chronicles', 'Quiet Engines'];
  const tags = ['Fluff', 'Angst', 'Slow Burn', 'Found Family', 'Hurt/Comfort', 'Alternate Universe', 'Road Trips', 'Snow Days'];
  const people = ['Ada Renn', 'Bo Tallis', 'Cass Imry', 'Dov Hale', 'Esk Marrow', 'Fen Oduya'];
  for (let i = 0; i < 60; i++) {
    const fandom = fandoms[Math.floor(fandoms.length * rng.float() ** 2)]!;
    const chars = [rng.pick(people), rng.pick(people)].filter((x, j, l) => l.indexOf(x) === j);
    const day = `20${String(18 + rng.int(7))}-0${1 + rng.int(9)}-1${rng.int(10)}`;
    await a.works.create(buildWork({
      title: `Work ${i} of the ${rng.pick(['sea', 'lantern', 'orchard', 'winter'])}`,
      rating: rng.pick(RATINGS),
      warnings: rng.chance(0.6) ? [WARNINGS[1]] : [rng.pick(WARNINGS)],
      categories: [rng.pick(CATEGORIES)],
      fandoms: rng.chance(0.15) ? [fandom, rng.pick(fandoms.filter((f) => f !== fandom))] : [fandom],
      characters: chars,
      relationships: chars.length === 2 ? [chars.join('/')] : [],
      tags: tags.filter(() => rng.chance(0.3)),
      language: rng.chance(0.85) ? 'en' : rng.pick(['zh', 'ru', 'es']),
      complete: rng.chance(0.8),
      status: rng.chance(0.05) ? 'draft' : 'posted',
      restricted: rng.chance(0.08),
      publishedOn: day,
      updatedOn: day,
      creators: [rng.pick(['inkwell', 'tidepool', 'marginalia', 'ferns'])],
      chapters: Array.from({ length: rng.chance(0.3) ? 3 : 1 }, () => ({ html: prose(rng, 40 + rng.int(400)) })),
    }));
  }
  await a.search.prepare();
  return a;
}

test('the query generator is deterministic and gives ≥ 1,000 distinct queries in the five classes', async () => {
  const a = await smallArchive();
  const profile = readProfile(a.store.sqlite!);
  const perClass = Object.fromEntries(QUERY_CLASSES.map((c) => [c, 220]));
  const one = generateQueries(profile, { seed: '7', perClass });
  const two = generateQueries(profile, { seed: '7', perClass });
  assert.deepEqual(one, two);
  assert.ok(new Set(one.map((c) => queryKey(c.query))).size >= 1000, `${one.length} queries`);
  for (const cls of QUERY_CLASSES) assert.ok(one.filter((c) => c.cls === cls).length >= 200, cls);
  assert.ok(one.some((c) => c.cls === 'filters' && c.query.include.length > 0 && c.query.page > 1));
  assert.ok(one.filter((c) => c.cls === 'phrase').every((c) => c.query.q.startsWith('"')));
  assert.notDeepEqual(generateQueries(profile, { seed: '8', perClass: { filters: 50 } }), one.slice(0, 50));
  await a.close();
});

test('the SQL baseline gives the engine\'s totals, facets and pages on a small archive', async () => {
  const a = await smallArchive();
  const profile = readProfile(a.store.sqlite!);
  const cases = generateQueries(profile, { seed: '3', perClass: Object.fromEntries(QUERY_CLASSES.map((c) => [c, 40])) });
  const baseline = new SqlBaseline(a.store.sqlite!);
  assert.ok(baseline.setup().crossovers > 0, 'some works are crossovers');
  let nonEmpty = 0;
  for (const c of cases) {
    const engine = answerOf(await a.search.search(GUEST, c.query), c.query);
    const base = baseline.run(c.query);
    assert.deepEqual(compareAnswers(c.query, engine, base), [], `${c.cls} ${queryKey(c.query)}`);
    assert.equal(engine.total, base.total);
    if (base.total > 0) nonEmpty++;
  }
  assert.ok(nonEmpty > cases.length / 4, `${nonEmpty} of ${cases.length} queries found something`);
  await a.close();
});
