import roaring from 'roaring';
import { countBits } from './arrays.ts';
import { cachedBitmap } from './bitmap-cache.ts';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

const EMPTY = new Uint32Array(0);

/** Tags with at least this many works at load get a bitmap at once (about 1 in 400 tags at 1 M works). */
export const BIG_TAG = 4096;
/** Bitmaps of small tags built on demand and kept for reuse. */
const CACHE_SIZE = 2048;

/**
 * The works of each filter tag. What was loaded stays a compressed sparse row structure
 * (`works[offsets[t] .. offsets[t + 1])`, ascending): 4 bytes per tag assignment and no object
 * per tag, where a roaring bitmap per tag cost ≈ 300 bytes even for a tag on one work (2.3 M tags
 * at 1 M works, most of them on a handful of works). Tags on at least `bigFrom` works also get a
 * bitmap at load; a small tag's bitmap is built when asked for (a few µs) and cached. A tag
 * changed by a live update is "owned": its bitmap is kept in `own` and updated in place.
 */
export class TagPostings {
  private readonly own = new Map<number, Bitmap>();
  private readonly cache = new Map<number, Bitmap>();

  constructor(
    private readonly offsets: Uint32Array = new Uint32Array(1),
    private readonly works: Uint32Array = EMPTY,
    readonly bigFrom = BIG_TAG,
  ) {
    for (let t = 0; t + 1 < offsets.length; t++) {
      if (offsets[t + 1]! - offsets[t]! >= bigFrom) this.own.set(t, bitmapOf(works.subarray(offsets[t]!, offsets[t + 1]!)));
    }
  }

  /**
   * From (work, tag) pairs in ascending work order (`tags[i]` belongs to work `workOf(i)`):
   * a counting sort by tag, so each tag's works come out ascending.
   */
  static fromWorkRows(workOffsets: Uint32Array, tags: Uint32Array, maxTag: number, bigFrom = BIG_TAG): TagPostings {
    const offsets = new Uint32Array(maxTag + 2);
    for (let i = 0; i < tags.length; i++) offsets[tags[i]! + 1]!++;
    for (let t = 1; t < offsets.length; t++) offsets[t]! += offsets[t - 1]!;
    const cursor = offsets.slice(0, offsets.length - 1);
    const works = new Uint32Array(tags.length);
    for (let w = 0; w + 1 < workOffsets.length; w++) {
      for (let j = workOffsets[w]!, end = workOffsets[w + 1]!; j < end; j++) works[cursor[tags[j]!]!++] = w;
    }
    return new TagPostings(offsets, works, bigFrom);
  }

  /** How many works have tag `t` now. */
  count(t: number): number {
    const own = this.own.get(t);
    if (own) return own.size;
    return this.loadedCount(t);
  }

  /** How many works had tag `t` at load (codes in engine/tag-lists.ts are ordered by it). */
  loadedCount(t: number): number {
    return t + 1 < this.offsets.length ? this.offsets[t + 1]! - this.offsets[t]! : 0;
  }

  /** The tags with a bitmap of their own: big at load, or changed since (the only ones whose count can differ from `loadedCount`). */
  ownTags(): IterableIterator<number> {
    return this.own.keys();
  }

  /** The works of tag `t` (undefined: none). Do not modify it. */
  bitmap(t: number): Bitmap | undefined {
    return cachedBitmap(this.own, this.cache, CACHE_SIZE, t, (id) => {
      const list = this.loadedWorks(id);
      return list.length === 0 ? undefined : bitmapOf(list);
    });
  }

  /**
   * How many works of tag `t` are in `result`. A tag without a bitmap of its own (small, unchanged
   * since the load) is counted from its loaded list against `bits()`, the result as a dense bit
   * set: a bit test per work of the tag, where building its bitmap would cost more than the count.
   */
  countIn(t: number, result: Bitmap, bits: () => Uint32Array): number {
    const own = this.own.get(t);
    if (own) return own.isEmpty ? 0 : result.andCardinality(own);
    return countBits(bits(), this.loadedWorks(t));
  }

  add(t: number, work: number): void {
    this.owned(t).add(work);
  }

  remove(t: number, work: number): void {
    if (this.count(t) > 0) this.owned(t).remove(work);
  }

  /** Calls `each` with every tag that has works, and its count. */
  forEach(each: (t: number, count: number) => void): void {
    const last = this.offsets.length - 1;
    for (let t = 0; t < last; t++) {
      if (this.own.has(t)) continue;
      const n = this.offsets[t + 1]! - this.offsets[t]!;
      if (n > 0) each(t, n);
    }
    for (const [t, b] of this.own) if (b.size > 0) each(t, b.size);
  }

  /** The works of tag `t` as loaded (live changes are not in it; do not modify it). */
  loadedWorks(t: number): Uint32Array {
    if (t + 1 >= this.offsets.length || t < 0) return EMPTY;
    return this.works.subarray(this.offsets[t]!, this.offsets[t + 1]!);
  }

  private owned(t: number): Bitmap {
    let b = this.own.get(t);
    if (b) return b;
    b = this.cache.get(t) ?? bitmapOf(this.loadedWorks(t));
    this.cache.delete(t);
    this.own.set(t, b);
    return b;
  }
}

function bitmapOf(sorted: Uint32Array): Bitmap {
  const b = new RoaringBitmap32(sorted);
  b.runOptimize();
  b.shrinkToFit();
  return b;
}
