import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import roaring from 'roaring';
import { bitsOf } from './dense-bits.ts';

const { RoaringBitmap32 } = roaring;

/** The plain way: a bit set per id (ascending). */
function denseBits(ids: Uint32Array): Uint32Array {
  const bits = new Uint32Array(ids.length === 0 ? 0 : (ids[ids.length - 1]! >>> 5) + 1);
  for (let k = 0; k < ids.length; k++) bits[ids[k]! >>> 5]! |= 1 << (ids[k]! & 31);
  return bits;
}

/** Ids that make every kind of container: scattered (array), dense (bitmap) and runs, in several 65,536-id chunks. */
const ids = fc.array(
  fc.oneof(
    fc.uniqueArray(fc.nat(4 * 65_536 + 100), { maxLength: 200 }),
    fc.tuple(fc.nat(3), fc.integer({ min: 4097, max: 30_000 }), fc.nat(7)).map(([chunk, n, step]) => Array.from({ length: n }, (_, k) => chunk * 65_536 + ((k * (2 + step)) % 65_536))),
    fc.tuple(fc.nat(5 * 65_536), fc.nat(70_000)).map(([from, len]) => Array.from({ length: len }, (_, k) => from + k)),
  ),
  { maxLength: 4 },
).map((parts) => [...new Set(parts.flat())].sort((a, b) => a - b));

test('property: bitsOf reads the same bits as setting one per id, for array, bitmap and run containers', () => {
  fc.assert(
    fc.property(ids, fc.boolean(), (list, optimize) => {
      const bitmap = new RoaringBitmap32(list);
      if (optimize) bitmap.runOptimize();
      assert.deepEqual(Array.from(bitsOf(bitmap)), Array.from(denseBits(Uint32Array.from(list))));
    }),
    { numRuns: 200 },
  );
});

test('bitsOf: empty, one id, a full chunk as one run', () => {
  assert.equal(bitsOf(new RoaringBitmap32()).length, 0);
  assert.deepEqual(Array.from(bitsOf(new RoaringBitmap32([70]))), [0, 0, 1 << 6]);
  const full = new RoaringBitmap32();
  full.addRange(65_536, 2 * 65_536);
  full.runOptimize();
  const bits = bitsOf(full);
  assert.equal(bits.length, 4096);
  assert.ok(bits.subarray(0, 2048).every((w) => w === 0) && bits.subarray(2048).every((w) => w === 0xffffffff));
});
