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
export function countFacets(index: WorkIndex, result: Bitmap, limit: number, smallLimit = 50_000, heads: HeadOptions = HEAD_DEFAULTS): FacetCounts {
  const out = Object.fromEntries(TAG_TYPES.map((t) => [t, [] as FacetEntry[]])) as FacetCounts;
  if (limit <= 0 || result.isEmpty) return out;
  if (result.size <= smallLimit) {
    if (result.size >= heads.from) {
      const headOnly = countSmall(index, result, limit, out, index.facetOrders.heads(heads.min));
      if (headOnly) return headOnly;
      for (const t of TAG_TYPES) out[t] = [];
    }
    return countSmall(index, result, limit, out, null)!;
  }
  const budget = { intersections: Math.max(256, result.size / 40) };
  for (const [i, type] of TAG_TYPES.entries()) {
    const top = topForType(index, i + 1, result, limit, budget);
    if (!top) return countSmall(index, result, limit, Object.fromEntries(TAG_TYPES.map((t) => [t, [] as FacetEntry[]])) as FacetCounts, null)!;
    out[type] = top;
  }
  return out;
}

function better(a: FacetEntry, b: FacetEntry): number {
  return b.count - a.count || a.id - b.id;
}

/**
 * Counting from the works' tag lists. With `heads` (a mark per tag used by at least `min` works
 * when the marks were made, or grown since), only marked tags are counted: the counts array is
 * 4 bytes per tag (9 MB at 1 M works) and the long tail of rarely used tags makes every increment
 * a cache miss, while the marks are one byte per tag and the counts then stay in cache. A tail
 * tag's count is below `min`, so when every type's last shown entry has at least `min` works, no
 * tail tag could have been shown; otherwise this returns null and the caller counts everything.
 */
function countSmall(index: WorkIndex, result: Bitmap, limit: number, out: FacetCounts, heads: HeadMarks | null): FacetCounts | null {
  const counts = index.facetOrders.scratch();
  const touched: number[] = [];
  index.p.tagLists.countInto(result.toUint32Array(), counts, touched, heads?.marks ?? null); // tags past `counts`: unknown type
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
  if (heads && TAG_TYPES.some((t, i) => heads.tail[i + 1] === 1 && (out[t].length < limit || out[t][limit - 1]!.count < heads.min))) return null;
  return out;
}

/** Head tags marked (1), the threshold, and per type code whether it has unmarked tags in use. */
export interface HeadMarks {
  marks: Uint8Array;
  min: number;
  tail: Uint8Array;
}

export interface HeadOptions {
  /** Results of at least this many works count head tags first. */
  from: number;
  /** Head tags: used by at least this many works. */
  min: number;
}

export const HEAD_DEFAULTS: HeadOptions = { from: 5000, min: 64 };

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

  /** A zeroed counter per tag id, reused between searches (callers zero what they touch). */
  scratch(): Uint32Array {
    if (this.counts.length < this.index.p.tagTypes.length) this.counts = new Uint32Array(this.index.p.tagTypes.length);
    return this.counts;
  }

  private headMarks: HeadMarks | null = null;

  /** Marks of the tags used by at least `min` works (built on first use; tags that grow are marked, never unmarked). */
  heads(min: number): HeadMarks {
    if (this.headMarks?.min === min) return this.headMarks;
    const marks = new Uint8Array(this.index.p.tagTypes.length);
    const tail = new Uint8Array(TAG_TYPES.length + 1);
    this.index.p.tags.forEach((id, count) => {
      if (id >= marks.length) return;
      if (count >= min) marks[id] = 1;
      else tail[this.index.p.tagTypes[id] ?? 0] = 1;
    });
    return (this.headMarks = { marks, min, tail });
  }

  /** A work gained tag `id`: its count may now exceed its bound. */
  increased(id: number): void {
    if (this.headMarks && id < this.headMarks.marks.length) this.headMarks.marks[id] = 1;
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
