import { TAG_TYPES, type TagType } from '../../tags/tag.types.ts';
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
 * - Small results (≤ `smallLimit` works): walk the works' tag lists and count.
 * - Large results: for each type, visit its tags by global count, descending, and intersect each
 *   tag bitmap with the result (`andCardinality`); a tag's global count bounds its count in any
 *   result, so the walk stops at the first tag whose global count cannot beat the current k-th
 *   entry. Global orders are built lazily; tags whose count grew since (new works) are "boosted"
 *   and checked first, until 1,024 of them make the order be rebuilt.
 */
export function countFacets(index: WorkIndex, result: Bitmap, limit: number, smallLimit = 20_000): FacetCounts {
  const out = Object.fromEntries(TAG_TYPES.map((t) => [t, [] as FacetEntry[]])) as FacetCounts;
  if (limit <= 0 || result.isEmpty) return out;
  if (result.size <= smallLimit) return countSmall(index, result, limit, out);
  for (const [i, type] of TAG_TYPES.entries()) out[type] = topForType(index, i + 1, result, limit);
  return out;
}

function better(a: FacetEntry, b: FacetEntry): number {
  return b.count - a.count || a.id - b.id;
}

function countSmall(index: WorkIndex, result: Bitmap, limit: number, out: FacetCounts): FacetCounts {
  const counts = new Map<number, number>();
  for (const w of result.toUint32Array()) {
    for (const t of index.p.tagLists.get(w)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  for (const [id, count] of counts) {
    const type = index.tagType(id);
    if (type) out[type].push({ id, count });
  }
  for (const type of TAG_TYPES) out[type] = out[type].sort(better).slice(0, limit);
  return out;
}

function topForType(index: WorkIndex, code: number, result: Bitmap, limit: number): FacetEntry[] {
  const top: FacetEntry[] = [];
  const worseThanLast = (count: number, id: number) => {
    const last = top[top.length - 1]!;
    return top.length === limit && (count < last.count || (count === last.count && id > last.id));
  };
  const consider = (id: number) => {
    const bitmap = index.tagBitmap(id);
    if (!bitmap) return;
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

  constructor(private readonly index: WorkIndex, private readonly maxBoosted = 1024) {}

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
