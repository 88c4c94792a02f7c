import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TAG_TYPES } from '../../tags/tag.types.ts';
import type { FilterPlan } from '../plan.ts';
import { countByLists } from './facet-count.ts';
import { countFacets } from './facets.ts';
import { applyFilters } from './filter.ts';
import { pageByKey } from './paging.ts';
import { TagLists } from './tag-lists.ts';
import { TagPostings } from './tag-postings.ts';
import { NUMERIC_KEYS, RANGE_KEYS, WorkIndex, type OrderKey, type WorkRow } from './work-index.ts';

/**
 * The engine against a plain oracle over a Map of rows: random upserts and removals (with sort
 * orders and facet orders built midway, so their incremental paths are exercised), then random
 * filters, sorts and facet counts, each through every strategy (walk vs sort, slice vs scan,
 * tag lists vs bitmaps).
 */
const TAGS = Array.from({ length: 12 }, (_, i) => i + 1);
const typeOf = (t: number) => TAG_TYPES[t % TAG_TYPES.length]!;

const row = fc.record({
  id: fc.integer({ min: 1, max: 40 }),
  titleKey: fc.constantFrom('', 'a', 'ab', 'b', 'zz'),
  creatorKey: fc.constantFrom('', 'ann', 'ann\u0001bo', 'bo'),
  language: fc.constantFrom('en', 'zh', 'fr'),
  status: fc.constantFrom('posted', 'posted', 'draft'),
  restricted: fc.boolean(),
  hidden: fc.boolean(),
  complete: fc.boolean(),
  crossover: fc.boolean(),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 6 }),
  words: fc.integer({ min: 0, max: 5 }).map((n) => n * 100),
  posted: fc.constantFrom(20200101, 20200102, 20211231, 20230615),
  updated: fc.constantFrom(20200101, 20220101, 20240229),
  hits: fc.integer({ min: 0, max: 3 }),
  kudos: fc.integer({ min: 0, max: 3 }),
  comments: fc.integer({ min: 0, max: 2 }),
  bookmarks: fc.integer({ min: 0, max: 2 }),
});
const op = fc.oneof({ weight: 4, arbitrary: row.map((r) => ({ upsert: r as WorkRow })) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((id) => ({ remove: id })) });
const HEADS = { from: 0, min: 2, walk: 64 };
const ORDER_KEYS: OrderKey[] = [...NUMERIC_KEYS, 'title', 'creator'];

const often = <T>(value: T, other: fc.Arbitrary<T>) => fc.oneof({ weight: 7, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: other });
const filterPlan = fc.record({
  impossible: fc.constant(false),
  include: often([], fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 2 })),
  anyOf: often([], fc.array(fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 1 })),
  exclude: often([], fc.uniqueArray(fc.constantFrom(...TAGS, 99), { minLength: 1, maxLength: 2 })),
  languages: often([], fc.uniqueArray(fc.constantFrom('en', 'zh', 'de'), { minLength: 1, maxLength: 2 })),
  complete: often('all', fc.constantFrom('complete', 'wip')),
  crossover: often('include', fc.constantFrom('exclude', 'only')),
  words: often(null, fc.record({ lo: fc.constantFrom(0, 100, 250), hi: fc.constantFrom(100, 300, 0xffffffff) })),
  posted: often(null, fc.record({ lo: fc.constantFrom(0, 20200102), hi: fc.constantFrom(20211231, 0xffffffff) })),
  updated: often(null, fc.record({ lo: fc.constantFrom(0, 20220101), hi: fc.constantFrom(20220101, 0xffffffff) })),
}) as fc.Arbitrary<FilterPlan>;

function oracleFilter(rows: Map<number, WorkRow>, visible: (r: WorkRow) => boolean, f: FilterPlan): WorkRow[] {
  return [...rows.values()].filter((r) =>
    visible(r) &&
    f.include.every((t) => r.tags.includes(t)) &&
    f.anyOf.every((g) => g.some((t) => r.tags.includes(t))) &&
    !f.exclude.some((t) => r.tags.includes(t)) &&
    (f.languages.length === 0 || f.languages.includes(r.language)) &&
    (f.complete === 'all' || r.complete === (f.complete === 'complete')) &&
    (f.crossover === 'include' || r.crossover === (f.crossover === 'only')) &&
    (!f.words || (r.words >= f.words.lo && r.words <= f.words.hi)) &&
    (!f.posted || (r.posted >= f.posted.lo && r.posted <= f.posted.hi)) &&
    (!f.updated || (r.updated >= f.updated.lo && r.updated <= f.updated.hi)));
}

/** The same engine with its tags in the flat form a bulk load builds (tags on `bigFrom`+ works get bitmaps at once). */
function flattened(index: WorkIndex, bigFrom: number): WorkIndex {
  const { p } = index;
  const ids = p.alive.toUint32Array();
  const maxId = ids.length > 0 ? ids[ids.length - 1]! : 0;
  const offsets = new Uint32Array(maxId + 2);
  const data: number[] = [];
  for (let w = 0; w <= maxId; w++) {
    const tags = p.alive.has(w) ? [...p.tagLists.get(w)].sort((a, b) => a - b) : [];
    data.push(...tags);
    offsets[w + 1] = data.length;
  }
  const codes = Uint32Array.from(data);
  const maxTag = Math.max(0, ...data);
  p.tags = TagPostings.fromWorkRows(offsets, codes, maxTag, bigFrom);
  // Small thresholds, so that dense codes (counted on bitmaps) and counts past the head lists occur here.
  p.tagLists = TagLists.fromIds(offsets, codes, maxTag, (t) => p.tags.count(t), { denseFrom: bigFrom, headCodes: 1 + (bigFrom % 4) });
  return new WorkIndex(p);
}

function oracleSort(rows: WorkRow[], key: OrderKey, dir: 'asc' | 'desc'): number[] {
  const sign = dir === 'asc' ? 1 : -1;
  const k = (r: WorkRow) => (key === 'title' ? r.titleKey : key === 'creator' ? r.creatorKey : r[key]);
  return [...rows].sort((a, b) => (k(a) < k(b) ? -sign : k(a) > k(b) ? sign : b.id - a.id)).map((r) => r.id);
}

test('engine property: filters, sorts, pages and facets agree with an oracle under live updates', () => {
  const coverage = { queries: 0, pages: 0 };
  fc.assert(
    fc.property(fc.array(op, { maxLength: 60 }), fc.array(op, { maxLength: 30 }), fc.option(fc.integer({ min: 1, max: 4 })), fc.array(fc.tuple(filterPlan, fc.constantFrom(...ORDER_KEYS), fc.constantFrom('asc' as const, 'desc' as const), often(0, fc.nat(8)), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('alive', 'alive', 'guest', 'member')), { minLength: 1, maxLength: 6 }), (before, after, flatFrom, queries) => {
      let index = new WorkIndex();
      for (const t of TAGS) index.setTagType(t, typeOf(t));
      const rows = new Map<number, WorkRow>();
      const apply = (o: { upsert: WorkRow } | { remove: number }) => {
        if ('upsert' in o) { index.upsert(o.upsert); rows.set(o.upsert.id, o.upsert); } else { index.remove(o.remove); rows.delete(o.remove); }
      };
      before.forEach(apply);
      if (flatFrom !== null) index = flattened(index, flatFrom);
      index.facetOrders.orderLength = 1 + (before.length % 4); // global orders cut short: the walk must see the rest's bound
      for (const k of ORDER_KEYS) { index.order(k, 'asc'); index.order(k, 'desc'); }
      for (const k of RANGE_KEYS) index.rangeBuckets(k); // built before the later updates, which must move works between buckets
      countFacets(index, index.p.alive, 3, 0);
      countFacets(index, index.p.alive, 3, 1e9, HEADS); // head marks made midway: later growth must mark tags
      after.forEach(apply);
      for (const [f, key, dir, offset, limit, facetLimit, vis] of queries) {
        const visible = vis === 'alive' ? index.p.alive : vis === 'guest' ? index.p.guest : index.p.member;
        const visibleRow = (r: WorkRow) => vis === 'alive' || (r.status === 'posted' && !r.hidden && (vis === 'member' || !r.restricted));
        const want = oracleFilter(rows, visibleRow, f);
        const wantIds = want.map((r) => r.id).sort((a, b) => a - b);
        coverage.queries++;
        if (want.length > offset) coverage.pages++;
        for (const scanBelow of [0, 4096]) {
          const got = applyFilters(index, visible, f, scanBelow);
          assert.deepEqual(Array.from(got.toUint32Array()), wantIds, `filters (scanBelow ${scanBelow})`);
        }
        const result = applyFilters(index, visible, f);
        const sorted = oracleSort(want, key, dir).slice(offset, offset + limit);
        assert.deepEqual(pageByKey(index, result, key, dir, offset, limit, 0), sorted, `walk ${key} ${dir}`);
        assert.deepEqual(pageByKey(index, result, key, dir, offset, limit, 1e9), sorted, `sort ${key} ${dir}`);
        assert.deepEqual(pageByKey(index, result, key, dir, offset, limit, 1), sorted, `walk or sort (a walk that gives up) ${key} ${dir}`);
        const counts = new Map<number, number>();
        for (const r of want) for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
        const facets = Object.fromEntries(TAG_TYPES.map((type) => [type, [...counts].filter(([t]) => typeOf(t) === type).map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id - b.id).slice(0, facetLimit)]));
        assert.deepEqual(countFacets(index, result, facetLimit, 0), facets, 'facets by bitmaps');
        assert.deepEqual(countFacets(index, result, facetLimit, 1e9), facets, 'facets by tag lists');
        assert.deepEqual(countFacets(index, result, facetLimit, 1e9, HEADS), facets, 'facets by head tags first');
        assert.deepEqual(countFacets(index, result, facetLimit, 0, { ...HEADS, walk: 1 }), facets, 'facets by a short walk, then head tags');
        for (const min of [1, 2, 3]) {
          assert.deepEqual(countByLists(index, result, facetLimit, index.facetOrders.heads(min), true), facets, `complement counts, heads of ${min}`);
          assert.deepEqual(countByLists(index, result, facetLimit, index.facetOrders.heads(min), false), facets, `head counts, then the sorted tail, heads of ${min}`);
        }
      }
    }),
    { numRuns: 300 },
  );
  assert.ok(coverage.pages > coverage.queries / 4, `only ${coverage.pages} of ${coverage.queries} queries had a non-empty page`);
});

test('facets: when tags do not prune, the bitmap walk falls back to counting and agrees with it', () => {
  const index = new WorkIndex();
  const tags = Array.from({ length: 600 }, (_, i) => i + 1);
  for (const t of tags) index.setTagType(t, 'additional');
  const base = { titleKey: '', creatorKey: '', language: 'en', status: 'posted', restricted: false, hidden: false, complete: true, crossover: false, words: 0, posted: 0, updated: 0, hits: 0, kudos: 0, comments: 0, bookmarks: 0 };
  // Every tag on about the same number of works: global counts bound nothing, so 600 intersections would be needed.
  for (let id = 1; id <= 900; id++) index.upsert({ ...base, id, tags: [1 + (id % 600), 1 + ((id * 7) % 600), 1 + ((id * 13) % 600)] });
  const counted = countFacets(index, index.p.alive, 5, 1e9);
  assert.deepEqual(countFacets(index, index.p.alive, 5, 0), counted);
  assert.equal(counted.additional.length, 5);
});

/** A posted work with only tags set. */
function plain(id: number, tags: number[]): WorkRow {
  return { id, titleKey: '', creatorKey: '', language: 'en', status: 'posted', restricted: false, hidden: false, complete: false, crossover: false, tags, words: 0, posted: 0, updated: 0, hits: 0, kudos: 0, comments: 0, bookmarks: 0 };
}

test('the facet walk checks the tags past its kept order when a changed tag in it falls below them', () => {
  // At load: tag 1 on 4 works, 2 on 3, 3 on 2 (all of one type); the kept order holds 1 and 2, so 3 is "the rest".
  let index = new WorkIndex();
  for (const t of [1, 2, 3, 4]) index.setTagType(t, 'additional');
  const tags: Record<number, number[]> = { 1: [1, 2, 3], 2: [1, 3], 3: [1, 2], 4: [1, 2] };
  for (let w = 1; w <= 4; w++) index.upsert(plain(w, tags[w]!));
  index = flattened(index, 1e9);
  index.facetOrders.orderLength = 2;
  // Live edits: tag 2 drops to one work, a new tag 4 appears. Tag 3 (2 works) must now be second.
  index.upsert(plain(3, [1]));
  index.upsert(plain(4, [1]));
  index.upsert(plain(5, [4]));
  const want = [{ id: 1, count: 4 }, { id: 3, count: 2 }];
  assert.deepEqual(countFacets(index, index.p.alive, 2, 0, { from: 1e9, min: 64, walk: 64 }).additional, want, 'bitmap walk');
  assert.deepEqual(countFacets(index, index.p.alive, 2, 1e9, { from: 1e9, min: 64, walk: 64 }).additional, want, 'tag lists');
});

test('an update that keeps a work\'s tags leaves them in the flat arrays (no bitmap of their own)', () => {
  let index = new WorkIndex();
  for (const t of [1, 2, 3]) index.setTagType(t, 'additional');
  index.upsert(plain(1, [1, 2]));
  index.upsert(plain(2, [2, 3]));
  index = flattened(index, 1e9);
  assert.deepEqual([...index.p.tags.ownTags()], []);
  index.upsert({ ...plain(1, [2, 1]), kudos: 5 });
  assert.deepEqual([...index.p.tags.ownTags()], [], 'same tags: none touched');
  index.upsert(plain(2, [2]));
  assert.deepEqual([...index.p.tags.ownTags()], [3], 'only the tag the work lost');
  assert.deepEqual(Array.from(index.tagBitmap(2)!.toUint32Array()), [1, 2]);
  assert.equal(index.tagBitmap(3), undefined);
});
