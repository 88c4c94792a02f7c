import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { QuireError } from '../errors.ts';
import { CATEGORIES, RATINGS, WARNINGS } from '../tags/tag.types.ts';
import { parseSearchParams, searchQueryString, toSearchParams } from './params.ts';
import { SORT_KEYS, searchQuery, type SearchQuery } from './query.ts';

test('a full query string becomes a SearchQuery', () => {
  const q = parseSearchParams({
    q: '  dragon   "blue sky" ', 'include[]': ['Angst', 'Fluff, Hurt/Comfort'], exclude: 'Major Character Death',
    rating: ['teen', 'Mature'], exclude_rating: 'explicit', warning: 'no-warnings', category: ['f/f', 'gen'],
    crossover: 'exclude', complete: 'in-progress', words_min: '1000', words_max: '50000',
    posted_from: '2020-01-01', updated_to: '2024-12-31', language: ['English', 'zh'], sort: 'kudos', page: '3', per_page: '50', facets: '5',
  });
  assert.equal(q.q, 'dragon "blue sky"');
  assert.deepEqual(q.include, ['Angst', 'Fluff', 'Hurt/Comfort']);
  assert.deepEqual(q.exclude, ['Major Character Death']);
  assert.deepEqual(q.ratings, ['Teen And Up Audiences', 'Mature']);
  assert.deepEqual(q.excludeRatings, ['Explicit']);
  assert.deepEqual(q.warnings, ['No Archive Warnings Apply']);
  assert.deepEqual(q.categories, ['F/F', 'Gen']);
  assert.equal(q.crossover, 'exclude');
  assert.equal(q.complete, 'wip');
  assert.deepEqual([q.wordsMin, q.wordsMax, q.postedFrom, q.postedTo, q.updatedTo], [1000, 50000, '2020-01-01', undefined, '2024-12-31']);
  assert.deepEqual(q.languages, ['en', 'zh']);
  assert.deepEqual([q.sort, q.order, q.page, q.perPage, q.facetLimit], ['kudos', 'desc', 3, 50, 5]);
});

test('defaults: best match with text, newest update without; title sorts A to Z; empty values are absent', () => {
  assert.deepEqual([parseSearchParams({ q: 'sea' }).sort, parseSearchParams({ q: 'sea' }).order], ['relevance', 'desc']);
  assert.equal(parseSearchParams({}).sort, 'updated');
  assert.equal(parseSearchParams({ q: '***' }).sort, 'updated', 'punctuation only is no text');
  assert.equal(parseSearchParams({ sort: 'title' }).order, 'asc');
  const q = parseSearchParams({ words_min: '', rating: '', page: '' });
  assert.deepEqual([q.wordsMin, q.ratings, q.page], [undefined, [], 1]);
});

test('bounds: a page size of a million is capped at 100; facets at 50', () => {
  assert.equal(parseSearchParams({ per_page: '1000000' }).perPage, 100);
  assert.equal(parseSearchParams({ facets: '999' }).facetLimit, 50);
});

test('bad parameters are one bad_request naming each', () => {
  assert.throws(
    () => parseSearchParams({ rating: 'R', page: '0', per_page: 'lots', sort: 'random', words_min: '-5', posted_from: '2020-13-45', crossover: 'maybe' }),
    (err: unknown) => {
      assert.ok(err instanceof QuireError);
      assert.equal(err.code, 'bad_request');
      assert.deepEqual(err.issues.map((i) => i.field).sort(), ['crossover', 'page', 'per_page', 'posted_from', 'rating', 'sort', 'words_min']);
      assert.match(err.message, /rating: "R" is not a rating/);
      return true;
    },
  );
  assert.throws(() => parseSearchParams({ words_min: '500', words_max: '100' }), /words_min: is more than words_max/);
  assert.throws(() => parseSearchParams({ q: '"open' }), /never closed/);
  assert.throws(() => parseSearchParams({ q: 'x'.repeat(1001) }), /q: is longer than 1000 characters/);
});

const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const name = fc.stringMatching(/^[A-Za-z][A-Za-z /&'-]{0,20}[A-Za-z]$/).filter((s) => !/ {2}/.test(s));
const anyQuery: fc.Arbitrary<SearchQuery> = fc
  .record({
    q: fc.constantFrom('', 'sea', 'dragon "blue sky" -storm', 'title:x OR y'),
    include: fc.uniqueArray(name, { maxLength: 3 }),
    exclude: fc.uniqueArray(name, { maxLength: 2 }),
    ratings: fc.uniqueArray(fc.constantFrom(...RATINGS), { maxLength: 2 }),
    excludeRatings: fc.uniqueArray(fc.constantFrom(...RATINGS), { maxLength: 2 }),
    warnings: fc.uniqueArray(fc.constantFrom(...WARNINGS), { maxLength: 2 }),
    excludeWarnings: fc.uniqueArray(fc.constantFrom(...WARNINGS), { maxLength: 2 }),
    categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 2 }),
    excludeCategories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 2 }),
    crossover: fc.constantFrom('include', 'exclude', 'only'),
    complete: fc.constantFrom('all', 'complete', 'wip'),
    wordsMin: fc.option(fc.nat(1000), { nil: undefined }),
    postedFrom: fc.option(day, { nil: undefined }),
    updatedTo: fc.option(day, { nil: undefined }),
    languages: fc.uniqueArray(fc.constantFrom('en', 'zh', 'pt-BR'), { maxLength: 2 }),
    sort: fc.constantFrom(...SORT_KEYS),
    order: fc.constantFrom('asc', 'desc'),
    page: fc.integer({ min: 1, max: 500 }),
    perPage: fc.integer({ min: 1, max: 100 }),
    facetLimit: fc.integer({ min: 0, max: 50 }),
  }, { requiredKeys: ['q', 'include', 'exclude', 'ratings', 'excludeRatings', 'warnings', 'excludeWarnings', 'categories', 'excludeCategories', 'crossover', 'complete', 'languages', 'sort', 'order', 'page', 'perPage', 'facetLimit'] })
  .map((r) => searchQuery(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Partial<SearchQuery>));

test('property: parseSearchParams(toSearchParams(q)) round-trips, also through a URL query string', () => {
  fc.assert(
    fc.property(anyQuery, (query) => {
      assert.deepEqual(parseSearchParams(toSearchParams(query)), query);
      const url = new URLSearchParams(searchQueryString(query));
      const record: Record<string, string[]> = {};
      for (const [k, v] of url) (record[k] ??= []).push(v);
      assert.deepEqual(parseSearchParams(record), query);
    }),
    { numRuns: 300 },
  );
});

test('toSearchParams leaves defaults out, and searchQueryString changes one thing', () => {
  assert.deepEqual(toSearchParams(searchQuery({ q: 'sea' })), { q: 'sea' });
  assert.equal(searchQueryString(searchQuery({ q: 'sea', ratings: ['Explicit'] }), { page: 2 }), 'q=sea&rating=explicit&page=2');
});

test('property: arbitrary parameter records never fail with anything but bad_request', () => {
  const key = fc.constantFrom('q', 'include', 'exclude', 'rating', 'warning', 'category', 'crossover', 'complete', 'words_min', 'posted_from', 'language', 'sort', 'order', 'page', 'per_page', 'facets', 'x');
  fc.assert(
    fc.property(fc.dictionary(key, fc.oneof(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }))), (record) => {
      try {
        parseSearchParams(record);
      } catch (err) {
        assert.ok(err instanceof QuireError && err.code === 'bad_request', String(err));
      }
    }),
    { numRuns: 1000 },
  );
});
