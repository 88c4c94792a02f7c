import { TAG_TYPES } from '../../tags/tag.types.ts';
import type { HeadMarks } from './facet-count.ts';
import type { WorkIndex } from './work-index.ts';

/** Tags of a type kept in its global order (the walk gives up long before it would pass them). */
const ORDER_LENGTH = 4096;

/**
 * A type's most used tags by current count (descending, then id), with those counts as bounds;
 * every other tag of the type has at most `rest` works, except the `boosted` ones, which grew
 * since the order was made.
 */
export interface GlobalOrder {
  ids: Uint32Array;
  bounds: Uint32Array;
  rest: number;
  boosted: Set<number>;
}

/**
 * What facet counting keeps between searches: per tag type the global order the bitmap walk
 * follows, the head tags for a few thresholds (engine/facet-count.ts), and a zeroed counter per
 * tag code. All built on first use from the tag codes (ordered by use at load), kept current by
 * `increased`.
 */
export class FacetOrders {
  private readonly orders = new Map<number, GlobalOrder>();
  private readonly headMarks = new Map<number, HeadMarks>();
  private counts = new Uint32Array(0);
  private touched = new Uint32Array(0);
  /** Tags kept per type in a global order (tests make it small). */
  orderLength = ORDER_LENGTH;

  constructor(private readonly index: WorkIndex, private readonly maxBoosted = 1024) {}

  /**
   * A zeroed counter per tag code (engine/tag-lists.ts) and room for a list of every code,
   * reused between searches (callers zero the counters they touch).
   */
  scratch(): { counts: Uint32Array; touched: Uint32Array } {
    const size = this.index.p.tagLists.size;
    if (this.counts.length < size) {
      this.counts = new Uint32Array(Math.ceil(size * 1.25));
      this.touched = new Uint32Array(this.counts.length);
    }
    return { counts: this.counts, touched: this.touched };
  }

  /**
   * The head tags for `min`: the codes whose tags had at least `min` works at load (a prefix of
   * the codes), plus the tags changed since that now have `min` (only tags with a bitmap of their
   * own can have changed). Tail flags: every type with codes past the head (conservatively).
   */
  heads(min: number): HeadMarks {
    const cached = this.headMarks.get(min);
    if (cached) return cached;
    const { tags, tagLists, tagTypes } = this.index.p;
    let lo = 0;
    let hi = tagLists.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tags.loadedCount(tagLists.tagOf(mid)) >= min) lo = mid + 1;
      else hi = mid;
    }
    const tail = new Uint8Array(TAG_TYPES.length + 1);
    const last = this.lastCodes();
    for (let type = 1; type < tail.length; type++) if (last[type]! >= lo) tail[type] = 1;
    const promoted = new Set<number>();
    for (const t of tags.ownTags()) {
      if (tagLists.codeOf(t) < lo) continue;
      if (tags.count(t) >= min) promoted.add(t);
      else tail[tagTypes[t] ?? 0] = 1; // a tag given its code after `lastCodes` was taken
    }
    const marks: HeadMarks = { below: lo, min, tail, promoted };
    this.headMarks.set(min, marks);
    return marks;
  }

  private tail: Uint32Array = new Uint32Array(0);

  /** A buffer for the tail codes a count collects (reused: `keepTailScratch` hands back a grown one). */
  tailScratch(): Uint32Array {
    return this.tail;
  }

  keepTailScratch(codes: Uint32Array): void {
    if (codes.length <= 1 << 24) this.tail = codes; // up to 64 MB kept
  }

  private types = new Uint8Array(0);

  /** The type code of each tag code (kept for the codes given out at load; later ones are looked up). */
  codeTypes(): Uint8Array {
    if (this.types.length > 0 || this.index.p.tagLists.size === 0) return this.types;
    const { tagLists, tagTypes } = this.index.p;
    const types = new Uint8Array(tagLists.size);
    for (let c = 0; c < types.length; c++) types[c] = tagTypes[tagLists.tagOf(c)] ?? 0;
    return (this.types = types);
  }

  private lastCode: Int32Array | null = null;

  /** Per type code, the highest tag code of that type (-1: none), taken once. */
  private lastCodes(): Int32Array {
    if (this.lastCode) return this.lastCode;
    const { tagLists, tagTypes } = this.index.p;
    const last = new Int32Array(TAG_TYPES.length + 1).fill(-1);
    for (let c = 0; c < tagLists.size; c++) last[tagTypes[tagLists.tagOf(c)] ?? 0] = c;
    return (this.lastCode = last);
  }

  /** A work gained tag `id`: its count may now exceed its bound (and a head's threshold). */
  increased(id: number): void {
    const { tags, tagLists, tagTypes } = this.index.p;
    for (const heads of this.headMarks.values()) {
      if (tagLists.codeOf(id) < heads.below || heads.promoted.has(id)) continue;
      if (tags.count(id) >= heads.min) heads.promoted.add(id);
      else heads.tail[tagTypes[id] ?? 0] = 1;
    }
    const order = this.orders.get(tagTypes[id] ?? 0);
    if (!order) return;
    order.boosted.add(id);
    if (order.boosted.size > this.maxBoosted) this.orders.delete(tagTypes[id]!);
  }

  /** The global order of type `code` (1-based), built on first use. */
  get(code: number): GlobalOrder {
    let order = this.orders.get(code);
    if (order) return order;
    const { tags, tagLists, tagTypes } = this.index.p;
    const picked = new Set<number>();
    let rest = 0;
    // Codes run by count at load, so the type's first tags in code order are its most used at load …
    for (let c = 0; c < tagLists.size; c++) {
      const t = tagLists.tagOf(c);
      if (tagTypes[t] !== code) continue;
      if (picked.size === this.orderLength) {
        rest = tags.loadedCount(t);
        break;
      }
      picked.add(t);
    }
    // … and a tag past them can have more works now only if it changed since (it has its own bitmap).
    for (const t of tags.ownTags()) if (tagTypes[t] === code) picked.add(t);
    const entries = [...picked].map((id) => ({ id, count: tags.count(id) })).filter((e) => e.count > 0);
    entries.sort((a, b) => b.count - a.count || a.id - b.id);
    order = {
      ids: Uint32Array.from(entries, (e) => e.id),
      bounds: Uint32Array.from(entries, (e) => e.count),
      rest,
      boosted: new Set(),
    };
    this.orders.set(code, order);
    return order;
  }
}
