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
 * ascending, in two 16-bit counting passes: O(n), about 20 ms for a million ids. Ties keep the
 * input order, so passing ids in descending order gives "key, then id descending".
 */
export function radixSort(ids: Uint32Array, keys: Uint32Array): Uint32Array {
  const n = ids.length;
  let srcIds = ids.slice();
  let srcKeys = keys.slice();
  let dstIds = new Uint32Array(n);
  let dstKeys = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((srcKeys[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const d = (srcKeys[i]! >>> shift) & 0xffff;
      const at = counts[d]!++;
      dstIds[at] = srcIds[i]!;
      dstKeys[at] = srcKeys[i]!;
    }
    [srcIds, dstIds] = [dstIds, srcIds];
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
  }
  return srcIds;
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
