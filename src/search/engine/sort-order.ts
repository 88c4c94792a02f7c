import roaring from 'roaring';
import { lowerBound } from './arrays.ts';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

const NONE = 0xffffffff;
/** Non-members walked past before a page walk looks for the result's first position. */
const JUMP_AFTER = 4096;

/** Orders two work ids: negative when `a` comes first. Ties are always broken by id, newest first. */
export type Comparator = (a: number, b: number) => number;

/**
 * One precomputed sort order over all works, kept current cheaply under writes.
 *
 * `perm` is every work id in order as of the last build. A work whose sort key changes (or a new
 * work) is marked stale in `perm` and inserted into `side`, a small list kept sorted by the
 * current keys; a page is the merge of the two. When `side` passes `maxSide` entries the two are
 * merged into a new `perm` in one linear pass (a few ms for a million works), never re-sorted.
 *
 * Numeric ascending orders also keep `permKeys`, the keys as of the build, so that a range of
 * values (words 1,000–5,000; updated in 2023) is one binary search and one slice.
 */
export class SortOrder {
  private perm: Uint32Array = new Uint32Array(0);
  /** `at[id]`: the work's index in `perm` (NONE when it is not there), so a page walk can start at the result's first member; built on first need. */
  private at: Uint32Array | null = null;
  private permKeys: Uint32Array | null = null;
  private stale: Bitmap = new RoaringBitmap32();
  private side: number[] = [];

  constructor(
    private readonly cmp: Comparator,
    /** The numeric key, for orders that answer ranges (ascending by this key). */
    private readonly key?: (id: number) => number,
    private readonly maxSide = 2048,
    /** Non-members walked past before a page walk jumps (tests make it small). */
    private readonly jumpAfter = JUMP_AFTER,
  ) {}

  /** Starts over from a complete permutation of the live works (and, for a range order, their keys in that order, if known). */
  reset(perm: Uint32Array, keys?: Uint32Array): void {
    this.perm = perm;
    this.at = null;
    this.stale.clear();
    this.side = [];
    if (this.key) {
      if (!keys) {
        keys = new Uint32Array(perm.length);
        for (let i = 0; i < perm.length; i++) keys[i] = this.key(perm[i]!);
      }
      this.permKeys = keys;
    }
  }

  /** The work's key changed, or it is new: it moves to the side list at its current place. */
  touch(id: number): void {
    this.drop(id);
    let lo = 0;
    let hi = this.side.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmp(this.side[mid]!, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.side.splice(lo, 0, id);
    if (this.side.length > this.maxSide) this.compact();
  }

  /** The work is gone (or about to be re-placed). */
  drop(id: number): void {
    this.stale.add(id); // harmless for an id not in `perm`: only `perm` entries are checked against it
    const i = this.side.indexOf(id);
    if (i >= 0) this.side.splice(i, 1);
  }

  /** Merges the side list into the permutation (linear). */
  compact(): void {
    const out = new Uint32Array(this.perm.length + this.side.length);
    let n = 0;
    let j = 0;
    const hasStale = !this.stale.isEmpty;
    for (const id of this.perm) {
      if (hasStale && this.stale.has(id)) continue;
      while (j < this.side.length && this.cmp(this.side[j]!, id) < 0) out[n++] = this.side[j++]!;
      out[n++] = id;
    }
    while (j < this.side.length) out[n++] = this.side[j++]!;
    this.reset(out.subarray(0, n));
  }

  /**
   * Ids of `cand` in this order: `take` of them after skipping `skip`. Walks until the page is
   * full; after JUMP_AFTER non-members it jumps to the first position holding a member of `cand`
   * (one pass over `cand`): a result clustered in the order (posted in 2016, sorted by date
   * posted) would otherwise walk every work before it (100 ms at 1 M works).
   */
  page(cand: Bitmap, skip: number, take: number): number[] {
    const out: number[] = [];
    const side = this.side.filter((id) => cand.has(id));
    const perm = this.perm;
    const hasStale = !this.stale.isEmpty;
    let seen = 0;
    let i = 0;
    let j = 0;
    let skipped = 0;
    let bits: Uint32Array | null = null; // `cand` as a dense bit set once the walk proves long: a bit test instead of a call into roaring
    while (out.length < take) {
      while (i < perm.length) {
        const id = perm[i]!;
        const member = bits ? ((bits[id >>> 5]! >>> (id & 31)) & 1) === 1 : cand.has(id);
        if (member && !(hasStale && this.stale.has(id))) break;
        i++;
        if (++skipped === this.jumpAfter) {
          const ids = cand.toUint32Array();
          i = Math.max(i, this.firstPosition(ids));
          bits = denseBits(ids);
        }
      }
      const fromPerm = i < perm.length;
      const fromSide = j < side.length;
      if (!fromPerm && !fromSide) break;
      let next: number;
      if (fromPerm && (!fromSide || this.cmp(perm[i]!, side[j]!) < 0)) next = perm[i++]!;
      else next = side[j++]!;
      if (seen++ >= skip) out.push(next);
    }
    return out;
  }

  /** The smallest position in `perm` of a member of `cand` (a stale entry's old position at worst: never past a live member). */
  private firstPosition(cand: Uint32Array): number {
    let at = this.at;
    if (!at) {
      let max = 0;
      for (let i = 0; i < this.perm.length; i++) if (this.perm[i]! > max) max = this.perm[i]!;
      at = this.at = new Uint32Array(max + 1).fill(NONE);
      for (let i = 0; i < this.perm.length; i++) at[this.perm[i]!] = i;
    }
    let first = this.perm.length;
    for (let k = 0; k < cand.length; k++) {
      const id = cand[k]!;
      const p = id < at.length ? at[id]! : NONE;
      if (p < first) first = p;
    }
    return first;
  }

  /** Works whose key lies in [lo, hi] (inclusive), for ascending numeric orders. */
  range(lo: number, hi: number): Bitmap {
    const [a, b] = this.bounds(lo, hi);
    const out = RoaringBitmap32.from(this.perm.slice(a, b).sort());
    if (!this.stale.isEmpty) out.andNotInPlace(this.stale);
    for (const id of this.side) {
      const k = this.key!(id);
      if (k >= lo && k <= hi) out.add(id);
    }
    return out;
  }

  /** About how many works `range(lo, hi)` returns (exact when nothing is stale). */
  countInRange(lo: number, hi: number): number {
    const [a, b] = this.bounds(lo, hi);
    return b - a + this.side.length;
  }

  private bounds(lo: number, hi: number): [number, number] {
    if (!this.permKeys) throw new Error('range queries need a numeric ascending order');
    const a = lowerBound(this.permKeys, lo);
    const b = hi >= 0xffffffff ? this.permKeys.length : lowerBound(this.permKeys, hi + 1);
    return [a, Math.max(a, b)];
  }
}

/** A bit per id up to the largest of `ids` (ascending). */
function denseBits(ids: Uint32Array): Uint32Array {
  const bits = new Uint32Array(ids.length === 0 ? 0 : (ids[ids.length - 1]! >>> 5) + 1);
  for (let k = 0; k < ids.length; k++) bits[ids[k]! >>> 5]! |= 1 << (ids[k]! & 31);
  return bits;
}
