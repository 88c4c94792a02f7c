import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWork, testArchive } from '../../test/factories.ts';
import type { Archive } from '../archive.ts';
import { addMetatag, makeSynonym, removeMetatag } from '../tags/wrangle.ts';
import { CATEGORIES, RATINGS, TAG_TYPES, WARNINGS, foldName } from '../tags/tag.types.ts';
import { GUEST, OPERATOR, canView, type Viewer } from '../works/visibility.ts';
import type { WorkInput } from '../works/work.types.ts';
import { creatorSortKey, titleSortKey } from './engine/keys.ts';
import type { HideRules } from './hide.ts';
import { SORT_KEYS, searchQuery, type SearchQuery } from './query.ts';
import { SearchService, type SearchResult } from './search.service.ts';
import { loadOracle, type OracleWork } from './oracle.fixture.ts';

/**
 * The whole search pipeline against a plain oracle over arrays read back from the database:
 * random small archives written through archive.works.create/update/delete, tag wrangling and
 * counter updates, then random queries (filters, text, sorts, pages, facets, visibility, hiding
 * rules), compared on the live engine, on a second service with the other facet strategy, and
 * again after a full rebuild.
 */
const FANDOMS = ['Alpha Saga', 'Beta Chronicles', 'Gamma Tales', 'Delta'];
const FREE = { relationships: ['Ann/Bo', 'Bo & Cy'], characters: ['Ann', 'Bo', 'Cy'], tags: ['Angst', 'Fluff', 'Hurt/Comfort', 'Slow Burn'] };
const VOCAB = ['sea', 'storm', 'lamp', 'ship', 'tea', 'night', 'river', 'stone'];
const CREATORS = ['ann', 'bo', 'cy'];
const SERIES = ['Tides', 'Reefs'];
const DAYS = ['2015-03-01', '2018-07-15', '2020-01-01', '2022-11-30'];
const sub = <T>(items: readonly T[], min = 0, max = items.length) => fc.uniqueArray(fc.constantFrom(...items), { minLength: min, maxLength: max });

const sentence = fc.array(fc.constantFrom(...VOCAB), { minLength: 3, maxLength: 8 }).map((w) => `<p>${w.join(' ')} end.</p>`);
const workInput: fc.Arbitrary<Partial<WorkInput>> = fc.record({
  rating: fc.constantFrom(...RATINGS),
  warnings: sub(WARNINGS, 1, 2),
  categories: sub(CATEGORIES, 0, 2),
  fandoms: sub(FANDOMS, 1, 2),
  relationships: sub(FREE.relationships, 0, 1),
  characters: sub(FREE.characters, 0, 2),
  tags: sub(FREE.tags, 0, 2),
  language: fc.constantFrom('en', 'zh', 'fr'),
  creators: sub(CREATORS, 1, 2),
  complete: fc.boolean(),
  status: fc.constantFrom('posted' as const, 'posted' as const, 'draft' as const),
  restricted: fc.boolean(),
  publishedOn: fc.constantFrom(...DAYS),
  chapters: fc.array(sentence.map((html) => ({ html })), { minLength: 1, maxLength: 2 }),
  title: fc.constantFrom('The Sea', 'a lamp', 'Zeta', 'ship of night', 'Éclair'),
  series: sub(SERIES, 0, 2).map((titles) => titles.map((title) => ({ title }))),
});

const operation = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update' as const), at: fc.nat(), input: workInput }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('counters' as const), at: fc.nat(), hits: fc.nat(3), kudos: fc.nat(3), hidden: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('synonym' as const), pair: fc.constantFrom(['Angst', 'Hurt/Comfort'], ['Cy', 'Bo'], ['Delta', 'Gamma Tales']) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('metatag' as const), pair: fc.constantFrom(['Alpha Saga', 'Gamma Tales'], ['Beta Chronicles', 'Gamma Tales'], ['Ann', 'Bo']) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unmeta' as const), pair: fc.constantFrom(['Alpha Saga', 'Gamma Tales'], ['Beta Chronicles', 'Gamma Tales']) }) },
);
const counters = fc.record({ hits: fc.nat(3), kudos: fc.nat(3), comments: fc.nat(2), bookmarks: fc.nat(2) });

const tagNames = [...FANDOMS, ...FREE.relationships, ...FREE.characters, ...FREE.tags, 'angst', 'Unknown Tag'];
/** Mostly `value`, sometimes something from `other`: most queries use a few filters, not all. */
const often = <T>(value: T, other: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: other });
const none: string[] = [];
const query: fc.Arbitrary<SearchQuery> = fc
  .record({
    q: often('', fc.constantFrom('sea', 'storm lamp', 'sea OR tea', '-ship', 'title:sea', '"sea storm"', 'riv*')),
    include: often(none, sub(tagNames, 1, 2)), exclude: often(none, sub(tagNames, 1, 1)),
    ratings: often(none, sub(RATINGS, 1, 3)), excludeRatings: often(none, sub(RATINGS, 1, 1)),
    warnings: often(none, sub(WARNINGS, 1, 1)), excludeWarnings: often(none, sub(WARNINGS, 1, 1)),
    categories: often(none, sub(CATEGORIES, 1, 1)), excludeCategories: often(none, sub(CATEGORIES, 1, 1)),
    crossover: often('include', fc.constantFrom('exclude', 'only')),
    complete: often('all', fc.constantFrom('complete', 'wip')),
    wordsMin: often(undefined, fc.constantFrom(5, 8)), wordsMax: often(undefined, fc.constantFrom(9, 14)),
    postedFrom: often(undefined, fc.constant('2018-01-01')), updatedTo: often(undefined, fc.constant('2020-12-31')),
    languages: often(none, sub(['en', 'zh', 'de'], 1, 1)),
    sort: fc.constantFrom(...SORT_KEYS.filter((k) => k !== 'relevance')), order: fc.constantFrom('asc', 'desc'),
    page: often(1, fc.integer({ min: 2, max: 3 })), perPage: fc.integer({ min: 1, max: 4 }), facetLimit: fc.integer({ min: 1, max: 3 }),
  })
  .map((r) => searchQuery(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Partial<SearchQuery>));

function matchesText(w: OracleWork, q: string): boolean {
  const has = (word: string, text: string) => new RegExp(`\\b${word}`, 'i').test(text);
  const all = `${w.work.title} ${w.text}`;
  switch (q) {
    case '': return true;
    case 'storm lamp': return has('storm\\b', all) && has('lamp\\b', all);
    case 'sea OR tea': return has('sea\\b', all) || has('tea\\b', all);
    case '-ship': return !has('ship\\b', all);
    case 'title:sea': return has('sea\\b', w.work.title);
    case '"sea storm"': return /\bsea storm\b/i.test(w.text);
    case 'riv*': return has('riv', all);
    default: return has(`${q}\\b`, all);
  }
}

async function expected(a: Archive, viewer: Viewer, q: SearchQuery, hide: HideRules) {
  const o = await loadOracle(a);
  const id = (name: string) => o.tagId(name);
  const inc = [...q.include, ...q.warnings, ...q.categories].map(id);
  const ratings = q.ratings.map(id).filter((x) => x !== undefined);
  const exc = [...q.exclude, ...q.excludeRatings, ...q.excludeWarnings, ...q.excludeCategories].map(id);
  const hideTags = (hide.tags ?? []).map(id);
  const matching = o.works.filter((w) =>
    canView(viewer, w.work) && matchesText(w, q.q) &&
    inc.every((t) => t !== undefined && w.filterTags.has(t)) &&
    (q.ratings.length === 0 || ratings.some((t) => w.filterTags.has(t!))) &&
    !exc.some((t) => t !== undefined && w.filterTags.has(t)) &&
    (q.languages.length === 0 || q.languages.includes(w.work.language)) &&
    (q.complete === 'all' || w.work.complete === (q.complete === 'complete')) &&
    (q.crossover === 'include' || w.crossover === (q.crossover === 'only')) &&
    (q.wordsMin === undefined || w.work.words >= q.wordsMin) && (q.wordsMax === undefined || w.work.words <= q.wordsMax) &&
    (!q.postedFrom || w.work.publishedOn >= q.postedFrom) && (!q.updatedTo || w.work.updatedOn <= q.updatedTo) &&
    (!q.pseudIds?.length || w.work.creators.some((c) => q.pseudIds!.includes(c.id))) &&
    (!q.seriesIds?.length || w.work.series.some((s) => q.seriesIds!.includes(s.id))));
  const isHidden = (w: OracleWork) => hideTags.some((t) => t !== undefined && w.filterTags.has(t)) || w.work.creators.some((c) => hide.pseudIds?.includes(c.id));
  const result = matching.filter((w) => !isHidden(w));
  const key = (w: OracleWork): string | number => {
    switch (q.sort) {
      case 'title': return titleSortKey(w.work.title);
      case 'creator': return creatorSortKey(w.work.creators.map((c) => foldName(c.name)));
      case 'posted': return Number(w.work.publishedOn.replace(/-/g, ''));
      case 'updated': case 'relevance': return Number(w.work.updatedOn.replace(/-/g, ''));
      case 'words': return w.work.words;
      default: return w.work.stats[q.sort];
    }
  };
  const sign = q.order === 'asc' ? 1 : -1;
  const sorted = [...result].sort((x, y) => (key(x) < key(y) ? -sign : key(x) > key(y) ? sign : y.work.id - x.work.id));
  const counts = new Map<number, number>();
  for (const w of result) for (const t of w.filterTags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const facets = Object.fromEntries(TAG_TYPES.map((type) => [type, [...counts]
    .filter(([t]) => o.tags.get(t)!.type === type)
    .map(([t, count]) => ({ id: t, name: o.tags.get(t)!.name, count }))
    .sort((x, y) => y.count - x.count || x.id - y.id)
    .slice(0, q.facetLimit)]));
  const offset = (q.page - 1) * q.perPage;
  return { total: result.length, hiddenByFilters: matching.length - result.length, ids: sorted.slice(offset, offset + q.perPage).map((w) => w.work.id), facets };
}

const summary = (r: SearchResult) => ({ total: r.total, hiddenByFilters: r.hiddenByFilters, ids: r.items.map((i) => i.work.id), facets: r.facets });

test('property: random archives and queries agree with the oracle, live and after a rebuild', async () => {
  let nonEmpty = 0;
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(workInput, counters), { minLength: 3, maxLength: 10 }), fc.array(operation, { maxLength: 8 }), fc.array(fc.tuple(query, fc.nat(3), often(none, sub(['Angst', 'Delta', 'Ann'], 1, 1)), often(false, fc.constant(true)), often(none, sub([...CREATORS, 'nobody'], 1, 2)), often(none, sub([...SERIES, 'Nowhere'], 1, 1))), { minLength: 3, maxLength: 8 }), async (inputs, ops, queries) => {
      runs++;
      const a = await testArchive();
      const bitmapFacets = new SearchService(a.store, a.events, { writeIndex: false, facetSmallLimit: 0 });
      const ids: number[] = [];
      for (const [input, c] of inputs) {
        const id = (await a.works.create(buildWork(input))).id;
        ids.push(id);
        await a.store.db.updateTable('works').set({ hits: c.hits, kudos_count: c.kudos, comments_count: c.comments, bookmarks_count: c.bookmarks }).where('id', '=', id).execute();
        await a.events.changed([id]);
      }
      await a.search.prepare();
      await bitmapFacets.prepare();
      for (const op of ops) await applyOp(a, ids, op);
      const ann = await a.store.db.selectFrom('pseuds').select('id').where('name_key', '=', 'ann').executeTakeFirst();
      const viewers: Viewer[] = [GUEST, OPERATOR, { kind: 'member', accountId: 1, pseudIds: ann ? [ann.id] : [] }, { kind: 'member', accountId: 2, pseudIds: [], admin: true }];
      // Pen names and series by name (one not in the archive stands for an id that matches nothing).
      const pseudId = async (name: string) => (await a.store.db.selectFrom('pseuds').select('id').where('name_key', '=', name).executeTakeFirst())?.id ?? 999_999;
      const seriesId = async (title: string) => (await a.store.db.selectFrom('series').select('id').where('title', '=', title).executeTakeFirst())?.id ?? 999_999;
      const check = async (label: string) => {
        for (const [plain, v, hideTags, hideAnn, creators, series] of queries) {
          const q: SearchQuery = { ...plain };
          if (creators.length > 0) q.pseudIds = await Promise.all(creators.map(pseudId));
          if (series.length > 0) q.seriesIds = await Promise.all(series.map(seriesId));
          const hide: HideRules = { tags: hideTags, pseudIds: hideAnn && ann ? [ann.id] : [] };
          const want = await expected(a, viewers[v]!, q, hide);
          if (want.ids.length > 0) nonEmpty++;
          assert.deepEqual(summary(await a.search.search(viewers[v]!, q, { hide })), want, `${label}: ${JSON.stringify(q)}`);
          assert.deepEqual(summary(await bitmapFacets.search(viewers[v]!, q, { hide })), want, `${label} (bitmap facets)`);
        }
      };
      await check('live');
      await a.search.rebuild();
      await check('rebuilt');
      await a.close();
    }),
    { numRuns: 25 },
  );
  assert.ok(nonEmpty > runs * 2, `only ${nonEmpty} non-empty pages in ${runs} runs`);
});

type Op = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function applyOp(a: Archive, ids: number[], op: Op): Promise<void> {
  const tagId = async (name: string) => (await a.store.db.selectFrom('tags').select('id').where('name_key', '=', foldName(name)).executeTakeFirst())?.id;
  if (op.kind === 'synonym' || op.kind === 'metatag' || op.kind === 'unmeta') {
    const [x, y] = [await tagId(op.pair[0]), await tagId(op.pair[1])];
    if (x === undefined || y === undefined) return;
    const wrangle = { synonym: makeSynonym, metatag: addMetatag, unmeta: removeMetatag }[op.kind];
    try {
      await wrangle(a.store, a.events, x, y);
    } catch {
      // e.g. the target is itself a synonym by now: a refused wrangling changes nothing
    }
    return;
  }
  if (ids.length === 0) return;
  const at = op.at % ids.length;
  const id = ids[at]!;
  if (op.kind === 'delete') {
    await a.works.delete(id);
    ids.splice(at, 1);
  } else if (op.kind === 'update') {
    await a.works.update(id, buildWork(op.input));
  } else {
    await a.store.db.updateTable('works').set({ hits: op.hits, kudos_count: op.kudos, hidden: op.hidden ? 1 : 0 }).where('id', '=', id).execute();
    await a.events.changed([id]);
  }
}
