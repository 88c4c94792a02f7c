import roaring from 'roaring';
import { TAG_TYPES } from '../../tags/tag.types.ts';
import type { FacetCounts, FacetEntry } from './facets.ts';
import { topK } from './paging.ts';
import type { Bitmap, WorkIndex } from './work-index.ts';

const { RoaringBitmap32 } = roaring;

/**
 * The "head" of the tags for counting: tag codes below `below` (engine/tag-lists.ts numbers tags
 * by their number of works at load, most used first), plus `promoted` tags that reached `min` works
 * since. Every other tag in use ("tail") has fewer than `min` works; `tail[type code]` says whether
 * a type has such tags at all.
 */
export interface HeadMarks {
  below: number;
  min: number;
  tail: Uint8Array;
  promoted: Set<number>;
}

export function emptyFacets(): FacetCounts {
  return Object.fromEntries(TAG_TYPES.map((t) => [t, [] as FacetEntry[]])) as FacetCounts;
}

/**
 * Facet counts from the works' tag lists. With `heads`, only head tags are counted (the counts
 * of the few thousand most used tags stay in cache, where 2 M tail tags would make every
 * increment a miss); a tail tag has fewer than `heads.min` works, so when every type with a tail
 * has its last shown entry at `min` or more, no tail tag could have been shown. Otherwise this
 * returns null and the caller counts every tag.
 *
 * `complement` (with `heads` only): counts the works of the archive *outside* the result and
 * subtracts from each tag's total, for results larger than half the archive.
 */
export function countByLists(index: WorkIndex, result: Bitmap, limit: number, heads: HeadMarks | null, complement = false): FacetCounts | null {
  const lists = index.p.tagLists;
  const counts = index.facetOrders.scratch();
  const touched: number[] = [];
  const below = heads ? heads.below : lists.size;
  let outside: Bitmap | null = null;
  if (heads && complement) {
    outside = RoaringBitmap32.andNot(index.p.alive, result);
    if (outside.size + result.size !== index.p.alive.size) outside = null; // not a subset of the archive: count directly
  }
  if (outside) {
    lists.countInto(outside.toUint32Array(), counts, touched, below);
    outside.clear();
    touched.length = 0;
    // Each head code's total minus its count outside: every `counts[c]` below `below` is rewritten, so zeroing `touched` afterwards is enough.
    const postings = index.p.tags;
    for (let c = 0; c < below; c++) {
      const v = postings.count(lists.tagOf(c)) - counts[c]!;
      counts[c] = v;
      if (v > 0) touched.push(c);
    }
  } else {
    lists.countInto(result.toUint32Array(), counts, touched, below);
  }
  const out = byType(index, counts, touched, limit);
  for (const c of touched) counts[c] = 0;
  if (heads) {
    addPromoted(index, result, limit, heads, out);
    if (TAG_TYPES.some((t, i) => heads.tail[i + 1] === 1 && (out[t].length < limit || out[t][limit - 1]!.count < heads.min))) return null;
  }
  return out;
}

/** The top `limit` entries of each type among the `touched` codes. */
function byType(index: WorkIndex, counts: Uint32Array, touched: number[], limit: number): FacetCounts {
  const out = emptyFacets();
  const lists = index.p.tagLists;
  const types = index.p.tagTypes;
  const groups: number[][] = TAG_TYPES.map(() => []);
  for (const c of touched) {
    if (counts[c] === 0) continue;
    const code = types[lists.tagOf(c)] ?? 0;
    if (code > 0) groups[code - 1]!.push(c);
  }
  const cmp = (a: number, b: number) => counts[b]! - counts[a]! || lists.tagOf(a) - lists.tagOf(b);
  for (const [i, type] of TAG_TYPES.entries()) {
    if (groups[i]!.length > 0) out[type] = topK(Uint32Array.from(groups[i]!), limit, cmp).map((c) => ({ id: lists.tagOf(c), count: counts[c]! }));
  }
  return out;
}

/** Tags that joined the head since the load, counted one by one on their bitmaps and merged in. */
function addPromoted(index: WorkIndex, result: Bitmap, limit: number, heads: HeadMarks, out: FacetCounts): void {
  for (const t of heads.promoted) {
    const type = TAG_TYPES[(index.p.tagTypes[t] ?? 0) - 1];
    const b = index.tagBitmap(t);
    if (!type || !b) continue;
    const count = result.andCardinality(b);
    if (count === 0) continue;
    out[type] = [...out[type], { id: t, count }].sort((a, b2) => b2.count - a.count || a.id - b2.id).slice(0, limit);
  }
}
