import roaring from 'roaring';
import type { Viewer } from '../../works/visibility.ts';
import type { FilterPlan, Range } from '../plan.ts';
import { RANGE_KEYS, type Bitmap, type NumericKey, type WorkIndex } from './work-index.ts';

const { RoaringBitmap32 } = roaring;

/**
 * The works a viewer may see (src/works/visibility.ts, as bitmaps): the operator sees all;
 * administrators every posted work, hidden ones included; members posted, unhidden works; guests
 * those that are also unrestricted; everyone their own works (`own`: works by the viewer's pen
 * names, drafts included). Drafts are never shown to anyone but their creators.
 */
export function visibleSet(index: WorkIndex, viewer: Viewer, own: Bitmap | null): Bitmap {
  if (viewer.kind === 'operator') return index.p.alive;
  // Administrators see hidden works, but drafts stay their creators' alone (src/works/visibility.ts).
  const base = viewer.admin ? index.p.posted : viewer.kind === 'guest' ? index.p.guest : index.p.member;
  return own && !own.isEmpty ? RoaringBitmap32.or(base, RoaringBitmap32.and(own, index.p.alive)) : base;
}

/**
 * Works of `from` that pass every filter. Never modifies `from` or the index's bitmaps.
 * `scanBelow`: see `inRange`.
 */
export function applyFilters(index: WorkIndex, from: Bitmap, f: FilterPlan, scanBelow = 4096): Bitmap {
  if (f.impossible) return new RoaringBitmap32();
  const must: Bitmap[] = [from];
  for (const id of f.include) {
    const b = index.tagBitmap(id);
    if (!b) return new RoaringBitmap32();
    must.push(b);
  }
  for (const group of f.anyOf) must.push(RoaringBitmap32.orMany(group.flatMap((id) => index.tagBitmap(id) ?? [])));
  if (f.languages.length > 0) must.push(RoaringBitmap32.orMany(f.languages.flatMap((l) => index.languageBitmap(l) ?? [])));
  if (f.complete === 'complete') must.push(index.p.complete);
  if (f.crossover === 'only') must.push(index.p.crossover);
  if (f.pseuds?.length) must.push(index.members.anyOf('pseud', f.pseuds));
  if (f.series?.length) must.push(index.members.anyOf('series', f.series));
  must.sort((a, b) => a.size - b.size);
  let acc = must[0]!.clone();
  for (const b of must.slice(1)) {
    if (acc.isEmpty) return acc;
    acc.andInPlace(b);
  }
  if (f.complete === 'wip') acc.andNotInPlace(index.p.complete);
  if (f.crossover === 'exclude') acc.andNotInPlace(index.p.crossover);
  for (const id of f.exclude) {
    const b = index.tagBitmap(id);
    if (b) acc.andNotInPlace(b);
  }
  const ranges: [NumericKey, Range][] = [];
  for (const key of RANGE_KEYS) {
    const r = f[key];
    if (r) ranges.push([key, r]);
  }
  if (ranges.length === 0 || acc.isEmpty) return acc;
  const next = inRanges(index, acc, ranges, scanBelow);
  acc.clear(); // ours (a clone): free its native memory now rather than at the next collection
  return next;
}

/** `inRanges` for one range. */
export function inRange(index: WorkIndex, acc: Bitmap, key: NumericKey, r: Range, scanBelow = 4096): Bitmap {
  return inRanges(index, acc, [[key, r]], scanBelow);
}

/**
 * Works of `acc` (not modified) whose keys lie in all the ranges. A set of more than `scanBelow`
 * works and one in 32 of the archive is cut with the key's value buckets (engine/range-buckets.ts: bitmap algebra, plus the
 * values of two buckets' members checked); a smaller one is scanned (ids ascending, so the typed
 * arrays are read in order: ≈ 2 ns a work and range). `scanBelow` 0: always the buckets (tests).
 */
export function inRanges(index: WorkIndex, acc: Bitmap, ranges: readonly (readonly [NumericKey, Range])[], scanBelow = 4096): Bitmap {
  // The buckets' cost grows with the archive (a range may take the union of most of them), a scan's with the set.
  if (scanBelow === 0 || acc.size > Math.max(scanBelow, index.size / 32)) {
    let cur = acc;
    for (const [key, r] of ranges) {
      const next = index.rangeBuckets(key).filter(cur, r.lo, r.hi);
      if (cur !== acc) cur.clear();
      cur = next;
    }
    return cur === acc ? acc.clone() : cur;
  }
  const ids = acc.toUint32Array();
  let n = 0;
  const [k0, r0] = ranges[0]!;
  const v0 = index.numeric(k0);
  if (ranges.length === 1) {
    for (let i = 0; i < ids.length; i++) {
      const v = v0[ids[i]!]!;
      if (v >= r0.lo && v <= r0.hi) ids[n++] = ids[i]!;
    }
  } else {
    const more = ranges.slice(1).map(([k, r]) => ({ values: index.numeric(k), lo: r.lo, hi: r.hi }));
    outer: for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const v = v0[id]!;
      if (v < r0.lo || v > r0.hi) continue;
      for (const m of more) {
        const w = m.values[id]!;
        if (w < m.lo || w > m.hi) continue outer;
      }
      ids[n++] = id;
    }
  }
  return RoaringBitmap32.from(ids.subarray(0, n));
}
