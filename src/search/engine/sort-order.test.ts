import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import roaring from 'roaring';
import { radixSort } from './arrays.ts';
import { SortOrder } from './sort-order.ts';

const { RoaringBitmap32 } = roaring;

test('radixSort is stable and sorts by unsigned 32-bit keys', () => {
  const ids = Uint32Array.from([5, 4, 3, 2, 1]);
  const keys = Uint32Array.from([0xffffffff, 7, 0x10000, 7, 0]);
  assert.deepEqual(Array.from(radixSort(ids, keys)), [1, 4, 2, 3, 5]);
});

test('property: pages match a full sort through touches, drops and compactions', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 5 }))), { maxLength: 40 }),
      fc.nat(10),
      fc.integer({ min: 1, max: 8 }),
      fc.nat(12),
      (initial, changes, skip, take, budget) => {
        const key = new Map<number, number>(initial.map((k, i) => [i, k]));
        const cmp = (x: number, y: number) => key.get(x)! - key.get(y)! || y - x;
        const order = new SortOrder(cmp, 2, 1 + (take % 3)); // jumps (and bit tests) after 1–3 misses
        order.reset(Uint32Array.from([...key.keys()].sort(cmp)));
        for (const [id, k] of changes) {
          if (k === null) {
            key.delete(id);
            order.drop(id);
          } else {
            key.set(id, k);
            order.touch(id);
          }
        }
        const live = [...key.keys()].sort(cmp);
        const all = RoaringBitmap32.from(live);
        const odd = RoaringBitmap32.from(live.filter((id) => id % 2 === 1));
        assert.deepEqual(order.page(all, skip, take), live.slice(skip, skip + take));
        const oddPage = live.filter((id) => id % 2 === 1).slice(skip, skip + take);
        assert.deepEqual(order.page(odd, skip, take), oddPage);
        // With a budget of non-members, the page or null (given up), never a wrong page.
        const limited = order.page(odd, skip, take, budget);
        if (limited !== null) assert.deepEqual(limited, oddPage);
        // The permutation holds at most every id ever placed (stale ones too): a budget that covers it always finishes.
        if (initial.length + changes.length <= budget) assert.notEqual(limited, null, 'a walk within its budget finishes');
      },
    ),
    { numRuns: 500 },
  );
});

test('a result clustered late in the order is paged right after the walk jumps ahead (stale and side entries too)', () => {
  const n = 20_000;
  const key = new Map<number, number>(Array.from({ length: n }, (_, i) => [i, (i * 7919) % n]));
  const cmp = (x: number, y: number) => key.get(x)! - key.get(y)! || y - x;
  const order = new SortOrder(cmp, 64);
  order.reset(Uint32Array.from([...key.keys()].sort(cmp)));
  // Members: the works with the 300 largest keys, one of them moved to the very front (stale in
  // the permutation, now in the side list), and one non-member moved into the cluster.
  const late = [...key.keys()].filter((id) => key.get(id)! >= n - 300);
  key.set(late[0]!, 0);
  order.touch(late[0]!);
  key.set(5, n - 150);
  order.touch(5);
  const cand = RoaringBitmap32.from(late);
  const want = [...late].sort(cmp);
  for (const [skip, take] of [[0, 20], [40, 20], [290, 20], [0, 300]] as const) {
    assert.deepEqual(order.page(cand, skip, take), want.slice(skip, skip + take), `skip ${skip}`);
  }
  assert.deepEqual(order.page(RoaringBitmap32.from([5]), 0, 5), [5]);
  // Members spread thin past the jump: a walk allowed fewer non-members than it needs gives up.
  const thin = RoaringBitmap32.from(Array.from({ length: 50 }, (_, i) => 400 * i + 7));
  assert.equal(order.page(thin, 0, 20, 5000), null);
  assert.equal(order.page(thin, 0, 20, n)?.length, 20);
});

test('property: radixSort agrees with a stable comparison sort and leaves its inputs alone', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat(50), fc.oneof(fc.nat(5), fc.constantFrom(0xffffffff, 0x7ff, 0x800, 0x3fffff, 0x400000))), { maxLength: 60 }), (pairs) => {
    const ids = Uint32Array.from(pairs, ([id]) => id);
    const keys = Uint32Array.from(pairs, ([, k]) => k);
    const want = pairs.map((p, i) => ({ p, i })).sort((a, b) => a.p[1] - b.p[1] || a.i - b.i).map((e) => e.p[0]);
    assert.deepEqual(Array.from(radixSort(ids, keys)), want);
    assert.deepEqual(Array.from(ids), pairs.map(([id]) => id));
    assert.deepEqual(Array.from(keys), pairs.map(([, k]) => k));
  }));
});
