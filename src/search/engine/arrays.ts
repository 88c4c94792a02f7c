/** Small helpers for typed arrays indexed by work or tag id. */

type Typed = Uint8Array | Uint32Array;

/** `arr` if it already holds index `index`, else a copy with room for it (doubling). */
export function grow<T extends Typed>(arr: T, index: number): T {
  if (index < arr.length) return arr;
  const next = new (arr.constructor as new (n: number) => T)(Math.max(index + 1, arr.length * 2, 64));
  next.set(arr);
  return next;
}

/**
 * Stable sort of `ids` by unsigned 32-bit `keys` (aligned: `keys[i]` belongs to `ids[i]`),
 * ascending, in counting passes of 11 bits (few enough buckets for the scatter to stay in cache),
 * skipping a pass whose digit is the same for every key: O(n), ≈ 10 ms for a million ids. Ties
 * keep the input order, so passing ids in descending order gives "key, then id descending".
 */
export function radixSort(ids: Uint32Array, keys: Uint32Array): Uint32Array {
  return radixSortWithKeys(ids, keys).ids;
}

const DIGIT = 11;
const BUCKETS = 1 << DIGIT;

/** `radixSort`, also returning the keys in the same order (new arrays: the inputs are not changed). */
export function radixSortWithKeys(ids: Uint32Array, keys: Uint32Array): { ids: Uint32Array; keys: Uint32Array } {
  const n = ids.length;
  let srcIds: Uint32Array = ids;
  let srcKeys: Uint32Array = keys;
  let dstIds: Uint32Array = new Uint32Array(n);
  let dstKeys: Uint32Array = new Uint32Array(n);
  let spareIds: Uint32Array | null = null; // the inputs are never written: the second move gets arrays of its own
  let spareKeys: Uint32Array | null = null;
  const counts = new Uint32Array(BUCKETS + 1);
  for (let shift = 0; shift < 32; shift += DIGIT) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((srcKeys[i]! >>> shift) & (BUCKETS - 1)) + 1]!++;
    if (n === 0 || counts[((srcKeys[0]! >>> shift) & (BUCKETS - 1)) + 1] === n) continue; // one digit for all: nothing moves
    for (let d = 0; d < BUCKETS; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const k = srcKeys[i]!;
      const at = counts[(k >>> shift) & (BUCKETS - 1)]!++;
      dstIds[at] = srcIds[i]!;
      dstKeys[at] = k;
    }
    const fromInput = srcIds === ids;
    const freeIds: Uint32Array = fromInput ? (spareIds ??= new Uint32Array(n)) : srcIds;
    const freeKeys: Uint32Array = fromInput ? (spareKeys ??= new Uint32Array(n)) : srcKeys;
    srcIds = dstIds;
    srcKeys = dstKeys;
    dstIds = freeIds;
    dstKeys = freeKeys;
  }
  return srcIds === ids ? { ids: ids.slice(), keys: keys.slice() } : { ids: srcIds, keys: srcKeys };
}

/** First index in ascending `keys` whose value is ≥ `value`. */
export function lowerBound(keys: Uint32Array, value: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `ids` of a bitmap-like sorted array in descending order (the usual tie-break: newest id first). */
export function descending(ids: Uint32Array): Uint32Array {
  return ids.slice().reverse();
}


/** How many of `ids` have their bit set in `bits` (from engine/dense-bits.ts). */
export function countBits(bits: Uint32Array, ids: Uint32Array): number {
  let n = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    n += (bits[id >>> 5]! >>> (id & 31)) & 1;
  }
  return n;
}
