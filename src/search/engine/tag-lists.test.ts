import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TagLists } from './tag-lists.ts';

const lists = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 6 }), { maxLength: 30 });

function build(perWork: number[][]): TagLists {
  const offsets = new Uint32Array(perWork.length + 1);
  perWork.forEach((l, w) => { offsets[w + 1] = offsets[w]! + l.length; });
  const ids = Uint32Array.from(perWork.flat());
  const count = new Map<number, number>();
  for (const t of ids) count.set(t, (count.get(t) ?? 0) + 1);
  return TagLists.fromIds(offsets, ids, Math.max(0, ...ids), (t) => count.get(t) ?? 0);
}

test('property: codes rank tags by use (ties by id); lists read back as ids; counts below a code match a direct count', () => {
  fc.assert(fc.property(lists, fc.array(fc.tuple(fc.nat(35), fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 4 })), { maxLength: 5 }), fc.nat(25), (perWork, edits, below) => {
    const tl = build(perWork);
    const count = new Map<number, number>();
    for (const t of perWork.flat()) count.set(t, (count.get(t) ?? 0) + 1);
    const ranked = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([t]) => t);
    assert.equal(tl.size, ranked.length);
    ranked.forEach((t, c) => {
      assert.equal(tl.tagOf(c), t);
      assert.equal(tl.codeOf(t), c);
    });
    const current = perWork.map((l) => [...l]);
    for (const [w, tags] of edits) {
      tl.set(w, tags); // live edits: new tags get the next codes
      current[w] = [...tags];
    }
    current.forEach((l, w) => assert.deepEqual([...tl.get(w)].sort((a, b) => a - b), [...(l ?? [])].sort((a, b) => a - b)));
    const works = Uint32Array.from(current.keys());
    const counts = new Uint32Array(tl.size);
    const touched: number[] = [];
    tl.countInto(works, counts, touched, below);
    const want = new Map<number, number>();
    for (const l of current) for (const t of l ?? []) if (tl.codeOf(t) < below) want.set(tl.codeOf(t), (want.get(tl.codeOf(t)) ?? 0) + 1);
    assert.deepEqual(new Map(touched.map((c) => [c, counts[c]!])), want);
    const rest = { codes: new Uint32Array(0), n: 0 };
    tl.collect(works, below, rest);
    assert.deepEqual([...rest.codes.subarray(0, rest.n)].sort((a, b) => a - b),
      current.flatMap((l) => (l ?? []).map((t) => tl.codeOf(t))).filter((c) => c >= below).sort((a, b) => a - b));
  }));
});
