import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CTL } from './count-range.ts';
import { ParallelCounter } from './parallel-count.ts';
import { TagLists } from './tag-lists.ts';

/** A copy of `arr` in shared memory, as TagLists builds its head lists for the worker. */
function shared<T extends Uint16Array | Uint32Array>(arr: T): T {
  const out = new (arr.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(arr.byteLength));
  out.set(arr);
  return out;
}

const lists = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 6 }), { maxLength: 30 });

function build(perWork: number[][], headCodes?: number, denseFrom?: number): TagLists {
  const offsets = new Uint32Array(perWork.length + 1);
  perWork.forEach((l, w) => { offsets[w + 1] = offsets[w]! + l.length; });
  const ids = Uint32Array.from(perWork.flat());
  const count = new Map<number, number>();
  for (const t of ids) count.set(t, (count.get(t) ?? 0) + 1);
  return TagLists.fromIds(offsets, ids, Math.max(0, ...ids), (t) => count.get(t) ?? 0, { headCodes, denseFrom });
}

test('property: codes rank tags by use (ties by id); lists read back as ids; counts below a code match a direct count (from the head lists or past them, dense codes given by the caller)', () => {
  fc.assert(fc.property(lists, fc.array(fc.tuple(fc.nat(35), fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 4 })), { maxLength: 5 }), fc.nat(25), fc.nat(20), fc.integer({ min: 1, max: 12 }), fc.boolean(), (perWork, edits, below, headCodes, denseFrom, giveDense) => {
    const tl = build(perWork, headCodes, denseFrom);
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
    // The caller's count of a dense code: its tag in the works as they stand (as a bitmap would give).
    const dense = (c: number) => current.filter((l) => (l ?? []).includes(tl.tagOf(c))).length;
    const n = tl.countInto(works, counts, touched, below, giveDense ? dense : undefined);
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
  const maxTag = ids.reduce((a, b) => Math.max(a, b), 0);
  const tl = TagLists.fromIds(offsets, ids.slice(), maxTag, (t) => count.get(t) ?? 0, { parallelFrom: 1000 });
  await tl.counter.ready();
  // Head lists of 300 codes: counts below more are read from the full lists, on this thread;
  // and the codes of tags on 2,000 works or more are dense (counted by the caller).
  const short = TagLists.fromIds(offsets, ids.slice(), maxTag, (t) => count.get(t) ?? 0, { parallelFrom: 1000, headCodes: 300, denseFrom: 2000 });
  assert.ok((short as unknown as { denseBelow: number }).denseBelow > 3, 'some codes are dense');
  const current = perWork.map((l) => [...l]);
  for (let w = 0; w < 40_000; w += 97) {
    current[w] = [w % 2 === 0 ? 5000 + (w % 7) : 3, 1]; // new tags (codes past the loaded ones) and old ones
    tl.set(w, current[w]!);
    short.set(w, current[w]!);
  }
  const counts = new Uint32Array(tl.size);
  const touched = new Uint32Array(tl.size);
  for (const [lists, step, below] of [[tl, 1, 50], [tl, 2, 400], [tl, 3, tl.size], [tl, 2, 2], [short, 2, 299], [short, 1, 301], [short, 3, 2000]] as const) {
    const works = Uint32Array.from({ length: Math.ceil(40_000 / step) }, (_, i) => i * step);
    const inSet = new Set(works);
    const dense = (c: number) => current.filter((l, w) => inSet.has(w) && l.includes(lists.tagOf(c))).length;
    const n = lists.countInto(works, counts, touched, below, dense);
    const want = new Map<number, number>();
    for (const w of works) for (const t of current[w]!) if (lists.codeOf(t) < below) want.set(lists.codeOf(t), (want.get(lists.codeOf(t)) ?? 0) + 1);
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
  const counter = new ParallelCounter(shared(offsets), shared(Uint16Array.from(codes)), 23, {}, 100, 50);
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
