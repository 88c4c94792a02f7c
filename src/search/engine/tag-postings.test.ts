import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TagPostings } from './tag-postings.ts';

/** Work-ordered CSR of per-work tag lists, as the bulk loaders build it. */
function workRows(lists: number[][]): { offsets: Uint32Array; tags: Uint32Array } {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, w) => { offsets[w + 1] = offsets[w]! + l.length; });
  return { offsets, tags: Uint32Array.from(lists.flat()) };
}

const lists = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 5 }), { maxLength: 30 });
const edits = fc.array(fc.record({ add: fc.boolean(), tag: fc.integer({ min: 0, max: 12 }), work: fc.integer({ min: 0, max: 40 }) }), { maxLength: 30 });

test('property: the CSR by tag, its bitmaps (big, small, cached) and live edits agree with plain sets', () => {
  fc.assert(fc.property(lists, edits, fc.integer({ min: 1, max: 6 }), (perWork, changes, bigFrom) => {
    const { offsets, tags } = workRows(perWork);
    const maxTag = Math.max(0, ...tags);
    const postings = TagPostings.fromWorkRows(offsets, tags, maxTag, bigFrom);
    const expected = new Map<number, Set<number>>();
    perWork.forEach((l, w) => l.forEach((t) => (expected.get(t) ?? expected.set(t, new Set()).get(t)!).add(w)));
    const check = () => {
      for (let t = 0; t <= 13; t++) {
        const want = [...(expected.get(t) ?? [])].sort((a, b) => a - b);
        assert.equal(postings.count(t), want.length);
        assert.deepEqual(postings.bitmap(t)?.toArray() ?? [], want);
      }
      const seen = new Map<number, number>();
      postings.forEach((t, n) => seen.set(t, n));
      assert.deepEqual(new Map([...seen].sort((a, b) => a[0] - b[0])),
        new Map([...expected].filter(([, s]) => s.size > 0).map(([t, s]) => [t, s.size] as [number, number]).sort((a, b) => a[0] - b[0])));
    };
    check();
    for (const e of changes) {
      if (e.add) {
        postings.add(e.tag, e.work);
        (expected.get(e.tag) ?? expected.set(e.tag, new Set()).get(e.tag)!).add(e.work);
      } else {
        postings.remove(e.tag, e.work);
        expected.get(e.tag)?.delete(e.work);
      }
    }
    check();
  }));
});

test('a tag past the loaded range or never used has no works', () => {
  const postings = new TagPostings();
  assert.equal(postings.count(5), 0);
  assert.equal(postings.bitmap(5), undefined);
  postings.remove(5, 1);
  assert.equal(postings.count(5), 0);
});
