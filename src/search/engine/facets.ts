import { TAG_TYPES, type TagType } from '../../tags/tag.types.ts';
import { bitsOf } from './dense-bits.ts';
import { countByLists, emptyFacets } from './facet-count.ts';
import type { Bitmap, WorkIndex } from './work-index.ts';

export interface FacetEntry {
  id: number;
  count: number;
}
export type FacetCounts = Record<TagType, FacetEntry[]>;

/**
 * Results up to this many works are counted from their head lists, which take about 30 ns a work
 * on two threads (engine/parallel-count.ts: 7–8 ms for 250,000 works at 1 M works); the bitmap
 * walk above it costs about as much for any thin-ish result (≈ 8–12 ms at 1 M works: a thousand
 * or two tags intersected).
 */
export const FACET_WALK_FROM = 250_000;

/**
 * Facet counts: for every tag type, the `limit` filter tags that occur most often in a result
 * set, ordered by count (descending), then tag id (ascending). Always counted over the exact
 * result, so the sidebar agrees with the total.
 *
 * - Dense results (more than `smallLimit` works and one id in 12): for each type, visit its tags
 *   by global count, descending, and count each tag's works in the result (`andCardinality` for
 *   a tag with a bitmap, bit tests against the result as a dense bit set for a small one:
 *   TagPostings.countIn); a tag's global count bounds its count in
 *   any result, so the walk stops at the first tag whose global count cannot beat the current
 *   k-th entry. When a result's tags do not prune well (spread evenly), the walk gives up after
 *   n/15 intersections.
 * - Otherwise, and then: count the works' tag lists (engine/facet-count.ts), head tags first from
 *   `heads.from` works on (threshold: about one work in 500, 4 to `heads.min`); a result larger
 *   than half the archive counts the works outside it. Global orders are built lazily; tags whose
 *   count grew since (new works) are "boosted" and checked first, until 1,024 of them make the
 *   order be rebuilt.
 */
export function countFacets(index: WorkIndex, result: Bitmap, limit: number, smallLimit = FACET_WALK_FROM, heads: HeadOptions = HEAD_DEFAULTS): FacetCounts {
  if (limit <= 0 || result.isEmpty) return emptyFacets();
  const n = result.size;
  // The walk's intersections are cheap on dense results (bitmap containers: one in 16 ids or more), slow on sparse ones.
  if (n > smallLimit && n * 12 > result.maximum() + 1) {
    const out = emptyFacets();
    const budget = { intersections: Math.max(heads.walk, n / 15) };
    let dense: Uint32Array | null = null;
    const bits = () => (dense ??= bitsOf(result));
    const done = TAG_TYPES.every((type, i) => {
      const top = topForType(index, i + 1, result, limit, budget, bits);
      if (top) out[type] = top;
      return top !== null;
    });
    if (done) return out;
  }
  // A head threshold the result's last shown entries will likely reach (about 1 work in 500, a power of two from 4 to `min`).
  const min = Math.min(heads.min, Math.max(4, 2 ** Math.floor(Math.log2(Math.max(1, n / 500)))));
  return countByLists(index, result, limit, n >= heads.from ? index.facetOrders.heads(min) : null, n > index.size / 2);
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

export const HEAD_DEFAULTS: HeadOptions = { from: 2000, min: 64, walk: 64 };

/** The type's top entries, or null when `budget` intersections were not enough. */
function topForType(index: WorkIndex, code: number, result: Bitmap, limit: number, budget: { intersections: number }, bits: () => Uint32Array): FacetEntry[] | null {
  const top: FacetEntry[] = [];
  const worseThanLast = (count: number, id: number) => {
    const last = top[top.length - 1]!;
    return top.length === limit && (count < last.count || (count === last.count && id > last.id));
  };
  const consider = (id: number) => {
    budget.intersections--;
    const count = index.p.tags.countIn(id, result, bits);
    if (count === 0 || worseThanLast(count, id)) return;
    let at = top.length;
    while (at > 0 && better({ id, count }, top[at - 1]!) < 0) at--;
    top.splice(at, 0, { id, count });
    if (top.length > limit) top.pop();
  };
  const { ids, bounds, rest, boosted } = index.facetOrders.get(code);
  for (const id of boosted) if (!worseThanLast(index.p.tags.count(id), id)) consider(id);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (boosted.has(id)) continue;
    // Changed tags sit in the order at their current counts, possibly below `rest`: stop here, but
    // still check the tags past the order below.
    if (worseThanLast(bounds[i]!, id)) break;
    if (budget.intersections <= 0) return null;
    consider(id);
  }
  // Past the kept order: the other tags have at most `rest` works.
  return rest > 0 && !worseThanLast(rest, -1) ? null : top;
}

