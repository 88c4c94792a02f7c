import { TAG_TYPES, type TagType } from '../../tags/tag.types.ts';
import { topK } from './paging.ts';
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
 * - Small results (≤ `smallLimit` works): walk the works' tag lists and count (about 0.7 µs a
 *   work at 1 M works).
 * - Large results: for each type, visit its tags by global count, descending, and intersect each
 *   tag bitmap with the result (`andCardinality`); a tag's global count bounds its count in any
 *   result, so the walk stops at the first tag whose global count cannot beat the current k-th
 *   entry. When a result's tags do not prune well (they are spread evenly), the walk gives up
 *   after about as many intersections as counting would cost and counts instead. Global orders
 *   are built lazily; tags whose count grew since (new works) are "boosted" and checked first,
 *   until 1,024 of them make the order be rebuilt.
 */
export function countFacets(index: WorkIndex, result: Bitmap, limit: number, smallLimit = 50_000): FacetCounts {
  const out = Object.fromEntries(TAG_TYPES.map((t) => [t, [] as FacetEntry[]])) as FacetCounts;
  if (limit <= 0 || result.isEmpty) return out;
  if (result.size <= smallLimit) return countSmall(index, result, limit, out);
  const budget = { intersections: Math.max(256, result.size / 40) };
  for (const [i, type] of TAG_TYPES.entries()) {
    const top = topForType(index, i + 1, result, limit, budget);
    if (!top) return countSmall(index, result, limit, Object.fromEntries(TAG_TYPES.map((t) => [t, [] as FacetEntry[]])) as FacetCounts);
    out[type] = top;
  }
  return out;
}

function better(a: FacetEntry, b: FacetEntry): number {
  return b.count - a.count || a.id - b.id;
}

function countSmall(index: WorkIndex, result: Bitmap, limit: number, out: FacetCounts): FacetCounts {
  const counts = index.facetOrders.scratch();
  const touched: number[] = [];
  index.p.tagLists.countInto(result.toUint32Array(), counts, touched); // tags past `counts`: unknown type
  const byType = new Map<number, number[]>();
  for (const id of touched) {
    const code = index.p.tagTypes[id] ?? 0;
    if (code > 0) (byType.get(code) ?? byType.set(code, []).get(code)!).push(id);
  }
  const cmp = (a: number, b: number) => counts[b]! - counts[a]! || a - b;
  for (const [code, ids] of byType) {
    out[TAG_TYPES[code - 1]!] = topK(Uint32Array.from(ids), limit, cmp).map((id) => ({ id, count: counts[id]! }));
  }
  for (const id of touched) counts[id] = 0;
  return out;
}

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
  for (const id of boosted) if (!worseThanLast(index.tagBitmap(id)?.size ?? 0, id)) consider(id);
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

  /** A zeroed counter per tag id, reused between searches (callers zero what they touch). */
  scratch(): Uint32Array {
    if (this.counts.length < this.index.p.tagTypes.length) this.counts = new Uint32Array(this.index.p.tagTypes.length);
    return this.counts;
  }

  /** A work gained tag `id`: its count may now exceed its bound. */
  increased(id: number): void {
    const order = this.orders.get(this.index.p.tagTypes[id] ?? 0);
    if (!order) return;
    order.boosted.add(id);
    if (order.boosted.size > this.maxBoosted) this.orders.delete(this.index.p.tagTypes[id]!);
  }

  get(code: number): GlobalOrder {
    let order = this.orders.get(code);
    if (order) return order;
    const entries: FacetEntry[] = [];
    for (const [id, bitmap] of this.index.p.tags) {
      if (this.index.p.tagTypes[id] !== code) continue;
      const count = bitmap.size;
      if (count > 0) entries.push({ id, count });
    }
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
