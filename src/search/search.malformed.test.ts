import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWork, testArchive } from '../../test/factories.ts';
import { QuireError } from '../errors.ts';
import { GUEST } from '../works/visibility.ts';
import { parseSearchParams } from './params.ts';
import { searchQuery } from './query.ts';

const isBadRequest = (err: unknown) => err instanceof QuireError && err.code === 'bad_request';

async function smallArchive() {
  const a = await testArchive();
  for (const html of ['<p>near the sea a storm</p>', '<p>NEAR(sea storm) title:x ^2</p>', '<p>东京 "quoted" words</p>']) {
    await a.works.create(buildWork({ chapters: [{ html }], tags: ['Angst'] }));
  }
  return a;
}

test('FTS5 syntax typed by a reader is searched as words, never run as syntax', async () => {
  const a = await smallArchive();
  for (const q of ['NEAR(sea storm)', 'sea^2', 'title:x', '{text}:sea', 'sea + storm', 'sea AND storm', '"sea" "storm"', '* sea', 'col:sea', 'sea ; DROP TABLE works', 'nul\u0000byte', '""']) {
    const r = await a.search.search(GUEST, searchQuery({ q }));
    assert.ok(r.total >= 0, q);
  }
  assert.equal((await a.search.search(GUEST, searchQuery({ q: 'NEAR(sea storm)' }))).total, 2, 'near, sea and storm as words');
  assert.equal((await a.search.search(GUEST, searchQuery({ q: '***' }))).total, 3, 'nothing to search for: filters only');
});

test('limits: long queries, many terms, deep nesting and one-letter prefixes are bad_request', async () => {
  const a = await smallArchive();
  for (const q of ['x'.repeat(10_000), Array.from({ length: 300 }, (_, i) => `t${i}`).join(' '), '('.repeat(50) + 'a' + ')'.repeat(50), 'a*', '"open']) {
    await assert.rejects(a.search.search(GUEST, searchQuery({ q })), isBadRequest, q.slice(0, 20));
  }
});

test('a page past the end is empty with the right total; a huge page size is capped', async () => {
  const a = await smallArchive();
  const far = await a.search.search(GUEST, searchQuery({ page: 1_000_000, perPage: 2 }));
  assert.deepEqual([far.total, far.items.length, far.pages], [3, 0, 2]);
  const big = await a.search.search(GUEST, parseSearchParams({ per_page: '1000000' }));
  assert.deepEqual([big.pageSize, big.items.length], [100, 3]);
});

test('an unknown included tag gives nothing; an unknown excluded tag is ignored', async () => {
  const a = await smallArchive();
  assert.equal((await a.search.search(GUEST, searchQuery({ include: ['No Such Tag'] }))).total, 0);
  assert.equal((await a.search.search(GUEST, searchQuery({ exclude: ['No Such Tag'] }))).total, 3);
  assert.equal((await a.search.search(GUEST, searchQuery({ ratings: ['Explicit'] }))).total, 0, 'a rating nobody used');
});

test('property: any text query either answers or fails with bad_request', async () => {
  const a = await smallArchive();
  const piece = fc.oneof(fc.constantFrom('"', '(', ')', '-', '*', ':', 'OR', 'NOT', 'NEAR(', '^', 'title:', 'tag:', ' ', '東', 'é', '{', '}', "'", ';', '\\', '\u0000'), fc.string({ maxLength: 6 }));
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ maxLength: 120 }), fc.array(piece, { maxLength: 40 }).map((p) => p.join(''))), async (q) => {
      try {
        const r = await a.search.search(GUEST, searchQuery({ q }));
        assert.ok(r.total <= 3);
      } catch (err) {
        assert.ok(isBadRequest(err), `${JSON.stringify(q)}: ${String(err)}`);
      }
    }),
    { numRuns: 400 },
  );
});
