import type roaring from 'roaring';

type Bitmap = InstanceType<typeof roaring.RoaringBitmap32>;

/**
 * The bitmap of `id` for the on-demand structures (tag postings, pen-name and series
 * memberships): its own bitmap when it has one (an empty one means none), else the recently used
 * one from `cache` (kept to `max` entries, least recently used dropped first), else `make(id)`,
 * cached. Dropped bitmaps are not disposed: a caller may still hold one (the garbage collector
 * frees it).
 */
export function cachedBitmap(
  own: Map<number, Bitmap>,
  cache: Map<number, Bitmap>,
  max: number,
  id: number,
  make: (id: number) => Bitmap | undefined,
): Bitmap | undefined {
  const mine = own.get(id);
  if (mine) return mine.isEmpty ? undefined : mine;
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const b = make(id);
  if (!b) return undefined;
  cache.set(id, b);
  if (cache.size > max) cache.delete(cache.keys().next().value!);
  return b;
}
