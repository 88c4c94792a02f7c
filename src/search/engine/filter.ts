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
    if (r && !acc.isEmpty) acc = inRange(index, acc, key, r, scanBelow);
  }
  return acc;
}

/**
 * Works of `acc` whose `key` lies in the range, by whichever is cheaper: scanning the typed
 * array over `acc`, or slicing the key's ascending sort order (one binary search) when fewer
 * works are in the range than in `acc`. Sets of up to `scanBelow` works are always scanned.
 */
export function inRange(index: WorkIndex, acc: Bitmap, key: NumericKey, r: Range, scanBelow = 4096): Bitmap {
  if (acc.size > scanBelow) {
    const order = index.order(key, 'asc');
    if (order.countInRange(r.lo, r.hi) < acc.size) return RoaringBitmap32.and(acc, order.range(r.lo, r.hi));
  }
  const values = index.numeric(key);
  const kept: number[] = [];
  for (const id of acc.toUint32Array()) {
    const v = values[id]!;
    if (v >= r.lo && v <= r.hi) kept.push(id);
  }
  return RoaringBitmap32.from(kept);
}
