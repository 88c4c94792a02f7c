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

test('property: pages and ranges match a full sort through touches, drops and compactions', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 5 }))), { maxLength: 40 }),
      fc.nat(10),
      fc.integer({ min: 1, max: 8 }),
      fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
      (initial, changes, skip, take, [a, b]) => {
        const key = new Map<number, number>(initial.map((k, i) => [i, k]));
        const cmp = (x: number, y: number) => key.get(x)! - key.get(y)! || y - x;
        const order = new SortOrder(cmp, (id) => key.get(id)!, 2);
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
        assert.deepEqual(order.page(odd, skip, take), live.filter((id) => id % 2 === 1).slice(skip, skip + take));
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        const inRange = live.filter((id) => key.get(id)! >= lo && key.get(id)! <= hi).sort((x, y) => x - y);
        assert.deepEqual(Array.from(RoaringBitmap32.and(order.range(lo, hi), all).toUint32Array()), inRange);
      },
    ),
    { numRuns: 500 },
  );
});
