import { TAG_TYPES, type TagType } from '../../tags/tag.types.ts';
import { countByLists, emptyFacets, type HeadMarks } from './facet-count.ts';
import type { Bitmap, WorkIndex } from './work-index.ts';

export interface FacetEntry {
  id: number;
  count: number;
}
export type FacetCounts = Record<TagType, FacetEntry[]>;

/**
 * Facet counts: for every tag type, the `limit` filter tags that occur most often in a result
 * set, ordered by count (descending), then tag id (ascending). Always counted over the exact
 * result, so the sidebar agrees with the total.
 *
 * - Results of up to `smallLimit` works: count the works' tag lists (engine/facet-count.ts),
 *   the head tags only first when the result has at least `heads.from` works.
 * - Larger results: for each type, visit its tags by global count, descending, and intersect each
 *   tag bitmap with the result (`andCardinality`); a tag's global count bounds its count in any
 *   result, so the walk stops at the first tag whose global count cannot beat the current k-th
 *   entry. When a result's tags do not prune well (they are spread evenly), the walk gives up
 *   after a small budget of intersections and counts head tags instead: over the result, or,
 *   for a result larger than half the archive, over the works outside it, subtracted from each
 *   tag's total. Global orders are built lazily; tags whose count grew since (new works) are
 *   "boosted" and checked first, until 1,024 of them make the order be rebuilt.
 */
export function countFacets(index: WorkIndex, result: Bitmap, limit: number, smallLimit = 50_000, heads: HeadOptions = HEAD_DEFAULTS): FacetCounts {
  if (limit <= 0 || result.isEmpty) return emptyFacets();
  const n = result.size;
  if (n > smallLimit) {
    const out = emptyFacets();
    const budget = { intersections: Math.max(heads.walk, n / 4000) };
    const done = TAG_TYPES.every((type, i) => {
      const top = topForType(index, i + 1, result, limit, budget);
      if (top) out[type] = top;
      return top !== null;
    });
    if (done) return out;
  }
  if (n >= heads.from) {
    const counted = countByLists(index, result, limit, index.facetOrders.heads(heads.min), n > index.size / 2);
    if (counted) return counted;
  }
  return countByLists(index, result, limit, null)!;
}

function better(a: FacetEntry, b: FacetEntry): number {
  return b.count - a.count || a.id - b.id;
}

export interface HeadOptions {
  /** Results of at least this many works count head tags first. */
  from: number;
  /** Head tags: used by at least this many works. */
  min: number;
  /** Intersections the bitmap walk may try before counting (at least; more for larger results). */
  walk: number;
}

export const HEAD_DEFAULTS: HeadOptions = { from: 5000, min: 64, walk: 64 };

/** The type's top entries, or null when `budget` intersections were not enough. */
function topForType(index: WorkIndex, code: number, result: Bitmap, limit: number, budget: { intersections: number }): FacetEntry[] | null {
  const top: FacetEntry[] = [];
  const worseThanLast = (count: number, id: number) => {
    const last = top[top.length - 1]!;
    return top.length === limit && (count < last.count || (count === last.count && id > last.id));
  };
  const consider = (id: number) => {
    const bitmap = index.tagBitmap(id);
    if (!bitmap) return;
    budget.intersections--;
    const count = result.andCardinality(bitmap);
    if (count === 0 || worseThanLast(count, id)) return;
    let at = top.length;
    while (at > 0 && better({ id, count }, top[at - 1]!) < 0) at--;
    top.splice(at, 0, { id, count });
    if (top.length > limit) top.pop();
  };
  const { ids, bounds, boosted } = index.facetOrders.get(code);
  for (const id of boosted) if (!worseThanLast(index.p.tags.count(id), id)) consider(id);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (boosted.has(id)) continue;
    if (worseThanLast(bounds[i]!, id)) break;
    if (budget.intersections <= 0) return null;
    consider(id);
  }
  return top;
}

interface GlobalOrder {
  ids: Uint32Array;
  bounds: Uint32Array;
  boosted: Set<number>;
}

/** Per tag type: tag ids by global count (descending, then id), with those counts as bounds. */
export class FacetOrders {
  private readonly orders = new Map<number, GlobalOrder>();
  private counts = new Uint32Array(0);

  constructor(private readonly index: WorkIndex, private readonly maxBoosted = 1024) {}

  /** A zeroed counter per tag code (engine/tag-lists.ts), reused between searches (callers zero what they touch). */
  scratch(): Uint32Array {
    if (this.counts.length < this.index.p.tagLists.size) this.counts = new Uint32Array(Math.ceil(this.index.p.tagLists.size * 1.25));
    return this.counts;
  }

  private headMarks: HeadMarks | null = null;

  /**
   * The head tags for `min` (built on first use, then kept current: a tag that grows to `min`
   * works is promoted, a new tag marks its type as having a tail).
   */
  heads(min: number): HeadMarks {
    if (this.headMarks?.min === min) return this.headMarks;
    const { tags, tagLists, tagTypes } = this.index.p;
    const countOf = (c: number) => tags.count(tagLists.tagOf(c));
    // Codes are ordered by count at load, so the head is a prefix (only approximately, after live updates: `promoted` and `tail` make up for it).
    let lo = 0;
    let hi = tagLists.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (countOf(mid) >= min) lo = mid + 1;
      else hi = mid;
    }
    const tail = new Uint8Array(TAG_TYPES.length + 1);
    const promoted = new Set<number>();
    for (let c = lo; c < tagLists.size; c++) {
      const n = countOf(c);
      const t = tagLists.tagOf(c);
      if (n >= min) promoted.add(t);
      else if (n > 0) tail[tagTypes[t] ?? 0] = 1;
    }
    return (this.headMarks = { below: lo, min, tail, promoted });
  }

  /** A work gained tag `id`: its count may now exceed its bound (and the head's threshold). */
  increased(id: number): void {
    const heads = this.headMarks;
    if (heads && this.index.p.tagLists.codeOf(id) >= heads.below && !heads.promoted.has(id)) {
      if (this.index.p.tags.count(id) >= heads.min) heads.promoted.add(id);
      else heads.tail[this.index.p.tagTypes[id] ?? 0] = 1;
    }
    const order = this.orders.get(this.index.p.tagTypes[id] ?? 0);
    if (!order) return;
    order.boosted.add(id);
    if (order.boosted.size > this.maxBoosted) this.orders.delete(this.index.p.tagTypes[id]!);
  }

  get(code: number): GlobalOrder {
    let order = this.orders.get(code);
    if (order) return order;
    const entries: FacetEntry[] = [];
    this.index.p.tags.forEach((id, count) => {
      if (this.index.p.tagTypes[id] === code) entries.push({ id, count });
    });
    entries.sort(better);
    order = {
      ids: Uint32Array.from(entries, (e) => e.id),
      bounds: Uint32Array.from(entries, (e) => e.count),
      boosted: new Set(),
    };
    this.orders.set(code, order);
    return order;
  }
}
