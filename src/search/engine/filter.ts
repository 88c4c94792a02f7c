import roaring from 'roaring';
import type { Viewer } from '../../works/visibility.ts';
import type { FilterPlan, Range } from '../plan.ts';
import type { Bitmap, NumericKey, WorkIndex } from './work-index.ts';

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
  for (const [key, r] of [['words', f.words], ['posted', f.posted], ['updated', f.updated]] as const) {
    if (!r || acc.isEmpty) continue;
    const next = inRange(index, acc, key, r, scanBelow);
    acc.clear(); // ours (a clone): free its native memory now rather than at the next collection
    acc = next;
  }
  return acc;
}

/**
 * Works of `acc` whose `key` lies in the range, by whichever is cheaper: scanning the typed
 * array over `acc` (ids ascending, so the values are read in order: ≈ 2 ns a work), or, when
 * the range holds far fewer works than `acc`, slicing the key's ascending sort order (one binary
 * search) and sorting the slice (its ids come in key order, and a bitmap is much slower to build
 * from unsorted ids) — if that order is built already (a scan of a million works is a few ms, a
 * first build ≈ 30 ms); `scanBelow` 0 builds it and slices whenever the range is smaller (tests). Sets of up to `scanBelow` works are
 * always scanned.
 */
export function inRange(index: WorkIndex, acc: Bitmap, key: NumericKey, r: Range, scanBelow = 4096): Bitmap {
  const order = acc.size > scanBelow ? (scanBelow === 0 ? index.order(key, 'asc') : index.builtOrder(key, 'asc')) : undefined;
  if (order && order.countInRange(r.lo, r.hi) * (scanBelow === 0 ? 1 : SLICE_RATIO) < acc.size) return RoaringBitmap32.and(acc, order.range(r.lo, r.hi));
  const values = index.numeric(key);
  const ids = acc.toUint32Array();
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const v = values[ids[i]!]!;
    if (v >= r.lo && v <= r.hi) ids[n++] = ids[i]!;
  }
  return RoaringBitmap32.from(ids.subarray(0, n));
}

/** Slice a sort order for a range only when it holds at most 1/SLICE_RATIO of the works scanned otherwise. */
const SLICE_RATIO = 16;
