import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CTL } from './count-range.ts';
import { ParallelCounter, shared } from './parallel-count.ts';
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
    const touched = new Uint32Array(tl.size);
    const n = tl.countInto(works, counts, touched, below);
    const want = new Map<number, number>();
    for (const l of current) for (const t of l ?? []) if (tl.codeOf(t) < below) want.set(tl.codeOf(t), (want.get(tl.codeOf(t)) ?? 0) + 1);
    assert.deepEqual(new Map(Array.from(touched.subarray(0, n), (c) => [c, counts[c]!])), want);
    const rest = { codes: new Uint32Array(0), n: 0 };
    tl.collect(works, below, rest);
    assert.deepEqual([...rest.codes.subarray(0, rest.n)].sort((a, b) => a - b),
      current.flatMap((l) => (l ?? []).map((t) => tl.codeOf(t))).filter((c) => c >= below).sort((a, b) => a - b));
  }));
});

test('counts on two threads match a direct count, with works edited since the load and new tags', async () => {
  let x = 12345;
  const next = (n: number) => (x = (x * 48271) % 2147483647) % n;
  const perWork = Array.from({ length: 40_000 }, () => [...new Set(Array.from({ length: 1 + next(12) }, () => Math.floor(3000 * (next(1000) / 1000) ** 3)))]);
  const offsets = new Uint32Array(perWork.length + 1);
  perWork.forEach((l, w) => { offsets[w + 1] = offsets[w]! + l.length; });
  const ids = Uint32Array.from(perWork.flat());
  const count = new Map<number, number>();
  for (const t of ids) count.set(t, (count.get(t) ?? 0) + 1);
  const tl = TagLists.fromIds(offsets, ids, ids.reduce((a, b) => Math.max(a, b), 0), (t) => count.get(t) ?? 0, 1000);
  await tl.counter.ready();
  const current = perWork.map((l) => [...l]);
  for (let w = 0; w < 40_000; w += 97) {
    current[w] = [w % 2 === 0 ? 5000 + (w % 7) : 3, 1]; // new tags (codes past the loaded ones) and old ones
    tl.set(w, current[w]!);
  }
  const counts = new Uint32Array(tl.size);
  const touched = new Uint32Array(tl.size);
  for (const [step, below] of [[1, 50], [2, 400], [3, tl.size], [2, 2]] as const) {
    const works = Uint32Array.from({ length: Math.ceil(40_000 / step) }, (_, i) => i * step);
    const n = tl.countInto(works, counts, touched, below);
    const want = new Map<number, number>();
    for (const w of works) for (const t of current[w]!) if (tl.codeOf(t) < below) want.set(tl.codeOf(t), (want.get(tl.codeOf(t)) ?? 0) + 1);
    const got = new Map(Array.from(touched.subarray(0, n), (c) => [c, counts[c]!]));
    assert.equal(n, got.size, 'each code listed once');
    assert.deepEqual(got, want, `every ${step} works, codes below ${below}`);
    for (const c of touched.subarray(0, n)) counts[c] = 0;
    assert.ok(counts.every((v) => v === 0), 'every counter touched is listed');
  }
  assert.ok(tl.counter.workerChunks > 0, 'the worker counted some of the chunks');
});

test('a worker that stops answering is given up: the count fails once with the counters left at zero, then runs on one thread', async () => {
  const perWork = Array.from({ length: 5000 }, (_, w) => [w % 7, 7 + (w % 11), 20 + (w % 3)]);
  const offsets = new Uint32Array(perWork.length + 1);
  perWork.forEach((l, w) => { offsets[w + 1] = offsets[w]! + l.length; });
  const codes = Uint32Array.from(perWork.flat());
  const counter = new ParallelCounter(shared(offsets), shared(codes), 23, {}, 100, 50);
  await counter.ready();
  const stuck = (counter as unknown as { ctl: Int32Array }).ctl;
  Atomics.store(stuck, CTL.active, 1); // as if the worker had died inside a chunk
  const works = Uint32Array.from({ length: 5000 }, (_, i) => i);
  const counts = new Uint32Array(23);
  assert.throws(() => counter.count(works, counts, 23), /stopped answering/);
  counts.fill(0);
  counter.count(works, counts, 23); // no wait this time: the worker was given up
  const want = new Uint32Array(23);
  for (const l of perWork) for (const c of l) want[c]!++;
  assert.deepEqual(counts, want);

  // TagLists leaves its counters zeroed when a count fails half-way.
  const tl = build(perWork.map((l) => l.map((c) => c + 1)));
  const scratch = new Uint32Array(tl.size);
  const touched = new Uint32Array(tl.size);
  tl.set(3, [1, 99]); // an overlay work, with a new tag
  tl.counter.count = (_works, into) => { into[0]!++; into[2]!++; throw new Error('boom'); };
  assert.throws(() => tl.countInto(works, scratch, touched, 5), /boom/);
  assert.ok(scratch.every((v) => v === 0), 'counters zeroed after the failure');
});
