import roaring from 'roaring';
import { bitsOf } from './dense-bits.ts';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

const NONE = 0xffffffff;
/** Non-members walked past before a page walk looks for the result's first position. */
const JUMP_AFTER = 4096;
/**
 * Orders of at least this many works find positions at once, with the order (≈ 10 ms and 4 bytes a
 * work at 1 M works), not on the first page walk that jumps, which would pay it inside a search.
 */
const EAGER_POSITIONS = 100_000;

/** Orders two work ids: negative when `a` comes first. Ties are always broken by id, newest first. */
export type Comparator = (a: number, b: number) => number;

/**
 * One precomputed sort order over all works, kept current cheaply under writes.
 *
 * `perm` is every work id in order as of the last build. A work whose sort key changes (or a new
 * work) is marked stale in `perm` and inserted into `side`, a small list kept sorted by the
 * current keys; a page is the merge of the two. When `side` passes `maxSide` entries the two are
 * merged into a new `perm` in one linear pass (a few ms for a million works), never re-sorted.
 */
export class SortOrder {
  private perm: Uint32Array = new Uint32Array(0);
  /** `at[id]`: the work's index in `perm` (NONE when it is not there), so a page walk can start at the result's first member; built with a large order, else on first need. */
  private at: Uint32Array | null = null;
  private stale: Bitmap = new RoaringBitmap32();
  private side: number[] = [];

  constructor(
    private readonly cmp: Comparator,
    private readonly maxSide = 2048,
    /** Non-members walked past before a page walk jumps (tests make it small). */
    private readonly jumpAfter = JUMP_AFTER,
  ) {}

  /** Starts over from a complete permutation of the live works. */
  reset(perm: Uint32Array): void {
    this.perm = perm;
    this.at = perm.length >= EAGER_POSITIONS ? positions(perm) : null;
    this.stale.clear();
    this.side = [];
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
   * posted) would otherwise walk every work before it (100 ms at 1 M works). From there on a
   * position costs a bit test. Returns null once more than `budget` non-members were walked past
   * (the caller sorts the result instead).
   */
  page(cand: Bitmap, skip: number, take: number, budget = Infinity): number[] | null {
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
      // On to the next member of `cand` in `perm`.
      while (i < perm.length) {
        if (!bits) {
          const id = perm[i]!;
          if (cand.has(id) && !(hasStale && this.stale.has(id))) break;
          i++;
          if (++skipped === this.jumpAfter) {
            const ids = cand.toUint32Array();
            i = Math.max(i, this.firstPosition(ids));
            bits = bitsOf(cand);
          }
          continue;
        }
        // A bit test per position, up to the budget.
        const stop = Math.min(perm.length, i + Math.max(0, budget - skipped) + 1);
        const from = i;
        for (; i < stop; i++) {
          const id = perm[i]!;
          const w = id >>> 5;
          if (w < bits.length && ((bits[w]! >>> (id & 31)) & 1) === 1) break;
        }
        skipped += i - from;
        if (i < stop) {
          if (!(hasStale && this.stale.has(perm[i]!))) break;
          i++;
          skipped++;
        }
        if (skipped > budget) return null;
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
    const at = (this.at ??= positions(this.perm));
    let first = this.perm.length;
    for (let k = 0; k < cand.length; k++) {
      const id = cand[k]!;
      const p = id < at.length ? at[id]! : NONE;
      if (p < first) first = p;
    }
    return first;
  }
}

/** `at[id]`: the position of work `id` in `perm` (NONE: not there). */
function positions(perm: Uint32Array): Uint32Array {
  let max = 0;
  for (let i = 0; i < perm.length; i++) if (perm[i]! > max) max = perm[i]!;
  const at = new Uint32Array(max + 1).fill(NONE);
  for (let i = 0; i < perm.length; i++) at[perm[i]!] = i;
  return at;
}
