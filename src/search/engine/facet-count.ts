import roaring from 'roaring';
import { TAG_TYPES } from '../../tags/tag.types.ts';
import { radixSortWithKeys } from './arrays.ts';
import type { FacetCounts, FacetEntry } from './facets.ts';
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
 * Facet counts from the works' tag lists. With `heads`, the codes below `heads.below` (tags with at
 * least `heads.min` works at load, numbered first) are counted first, in place, where their
 * counters stay in cache (the dense ones, tags on one work in 16 or more, by intersecting their
 * bitmaps with the set counted, which TagLists.countInto asks for); a tail tag has fewer than `heads.min` works, so when every type with a
 * tail has its last shown entry at `min` or more, no tail tag could have been shown. Otherwise a
 * second pass over the same works (in cache by then) collects the tail codes and sorts them (a
 * radix sort is several times cheaper than a cache miss per increment into 2 M counters), then
 * counts them by runs. Without `heads`, every code is counted in place.
 *
 * `complement` (with `heads` only): the head counts are those of the works of the archive
 * *outside* the result, subtracted from each tag's total, for results larger than half the archive
 * (dense tags too: their bitmaps intersected with the works outside).
 */
export function countByLists(index: WorkIndex, result: Bitmap, limit: number, heads: HeadMarks | null, complement = false): FacetCounts {
  const lists = index.p.tagLists;
  const { counts, touched } = index.facetOrders.scratch();
  let n = 0;
  const offerAll = (top: Top) => {
    for (let i = 0; i < n; i++) top.offer(touched[i]!, counts[touched[i]!]!);
  };
  const clear = () => {
    for (let i = 0; i < n; i++) counts[touched[i]!] = 0;
    n = 0;
  };
  const top = new Top(index, limit);
  const works = result.toUint32Array();
  // Dense codes (engine/tag-lists.ts) are counted on their tags' bitmaps.
  const dense = (set: Bitmap) => (c: number) => {
    const b = index.tagBitmap(lists.tagOf(c));
    return b ? set.andCardinality(b) : 0;
  };
  if (!heads) {
    n = lists.countInto(works, counts, touched);
    offerAll(top);
    clear();
    return top.result();
  }
  let outside: Bitmap | null = null;
  if (complement) {
    outside = RoaringBitmap32.andNot(index.p.alive, result);
    if (outside.size + result.size !== index.p.alive.size) outside = null; // not a subset of the archive: count directly
  }
  if (outside) {
    n = lists.countInto(outside.toUint32Array(), counts, touched, heads.below, dense(outside));
    outside.clear();
    // Each head code's total minus its count outside: every `counts[c]` below `below` is rewritten, so listing them afresh is enough.
    const postings = index.p.tags;
    n = 0;
    for (let c = 0; c < heads.below; c++) {
      const v = postings.count(lists.tagOf(c)) - counts[c]!;
      counts[c] = v;
      if (v > 0) touched[n++] = c;
    }
  } else {
    n = lists.countInto(works, counts, touched, heads.below, dense(result));
  }
  offerAll(top);
  const out = addPromoted(index, result, limit, heads, top.result());
  if (!TAG_TYPES.some((t, i) => heads.tail[i + 1] === 1 && (out[t].length < limit || out[t][limit - 1]!.count < heads.min))) {
    clear();
    return out;
  }
  // The tail too (promoted tags are in it: counted here, not on their bitmaps).
  const all = new Top(index, limit);
  if (outside) {
    clear();
    n = lists.countInto(works, counts, touched, heads.below, dense(result));
  }
  offerAll(all);
  clear();
  const rest = { codes: index.facetOrders.tailScratch(), n: 0 };
  lists.collect(works, heads.below, rest);
  const sorted = radixSortWithKeys(rest.codes.subarray(0, rest.n), rest.codes.subarray(0, rest.n)).keys;
  index.facetOrders.keepTailScratch(rest.codes);
  for (let i = 0; i < sorted.length; ) {
    const c = sorted[i]!;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === c) j++;
    all.offer(c, j - i);
    i = j;
  }
  return all.result();
}

/** The best `limit` entries of each type offered (count descending, then tag id), a short sorted list per type. */
class Top {
  private readonly tops: FacetEntry[][] = TAG_TYPES.map(() => []);
  private readonly typeOf: Uint8Array;

  constructor(private readonly index: WorkIndex, private readonly limit: number) {
    this.typeOf = index.facetOrders.codeTypes();
  }

  offer(c: number, count: number): void {
    if (count === 0) return;
    const { typeOf, limit } = this;
    const lists = this.index.p.tagLists;
    const code = c < typeOf.length ? typeOf[c]! : (this.index.p.tagTypes[lists.tagOf(c)] ?? 0);
    if (code === 0) return;
    const top = this.tops[code - 1]!;
    if (top.length === limit && count < top[limit - 1]!.count) return;
    const id = lists.tagOf(c);
    if (top.length === limit && count === top[limit - 1]!.count && id > top[limit - 1]!.id) return;
    let at = top.length;
    while (at > 0 && (top[at - 1]!.count < count || (top[at - 1]!.count === count && top[at - 1]!.id > id))) at--;
    top.splice(at, 0, { id, count });
    if (top.length > limit) top.pop();
  }

  result(): FacetCounts {
    const out = emptyFacets();
    for (const [i, type] of TAG_TYPES.entries()) out[type] = this.tops[i]!;
    return out;
  }
}

/** Tags that joined the head since the load, counted one by one on their bitmaps and merged in. */
function addPromoted(index: WorkIndex, result: Bitmap, limit: number, heads: HeadMarks, out: FacetCounts): FacetCounts {
  for (const t of heads.promoted) {
    const type = TAG_TYPES[(index.p.tagTypes[t] ?? 0) - 1];
    const b = index.tagBitmap(t);
    if (!type || !b) continue;
    const count = result.andCardinality(b);
    if (count === 0) continue;
    out[type] = [...out[type], { id: t, count }].sort((a, b2) => b2.count - a.count || a.id - b2.id).slice(0, limit);
  }
  return out;
}
