import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import roaring from 'roaring';
import { RangeBuckets } from './range-buckets.ts';

const { RoaringBitmap32 } = roaring;

test('property: a range cut with value buckets matches a scan, through moves and removals', () => {
  fc.assert(
    fc.property(
      // Many works (several buckets of 8,192), few distinct values (repeated values), or both.
      fc.integer({ min: 1, max: 40_000 }),
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(fc.tuple(fc.nat(40_000), fc.option(fc.nat(1_000_000))), { maxLength: 50 }),
      fc.array(fc.tuple(fc.nat(1_000_000), fc.nat(1_000_000), fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 1000 }),
      (n, spread, changes, ranges, seed) => {
        let x = seed;
        const next = () => (x = (x * 16807 + 11) % 2147483647);
        const values = new Uint32Array(40_001);
        const live = new Set<number>();
        for (let id = 0; id < n; id++) {
          values[id] = next() % spread;
          live.add(id);
        }
        const buckets = new RangeBuckets(() => values, Uint32Array.from(live));
        for (const [id, v] of changes) {
          const before = live.has(id) ? values[id]! : undefined;
          if (v === null) live.delete(id);
          else {
            values[id] = v % spread;
            live.add(id);
          }
          buckets.move(id, before, v === null ? undefined : values[id]);
        }
        for (const [a, b, every] of ranges) {
          const [lo, hi] = [Math.min(a, b) % (spread + 1), Math.max(a, b) % (spread + 1)];
          const from = RoaringBitmap32.from([...live].filter((id) => id % every === 0));
          const want = [...from].filter((id) => values[id]! >= lo && values[id]! <= hi);
          assert.deepEqual(Array.from(buckets.filter(from, lo, hi).toUint32Array()), want, `[${lo}, ${hi}] over every ${every}th work`);
        }
        const all = RoaringBitmap32.from(live);
        assert.deepEqual(Array.from(buckets.filter(all, 0, 0xffffffff).toUint32Array()), [...all], 'an open range keeps every work');
        assert.equal(buckets.filter(all, 5, 4).size, 0, 'an empty range keeps none');
      },
    ),
    { numRuns: 60 },
  );
});
