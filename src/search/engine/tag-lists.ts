import { radixSort } from './arrays.ts';
import { PARALLEL_FROM, ParallelCounter, SHARE_FROM, shared } from './parallel-count.ts';

const EMPTY = new Uint32Array(0);
const NONE = 0xffffffff;

/**
 * Each work's filter tags, for counting facets and for unlinking a work from its tags when it
 * changes. Built once in compressed-row form (one `offsets` array indexed by work id and one flat
 * `data` array: 4 bytes per tag assignment, no object per work); works changed since then live in
 * a small overlay map (of tag ids).
 *
 * `data` holds tag *codes*, not ids, each work's in ascending order: codes number the tags by how
 * many works they had at load, most used first. Counting facets over a result then increments `counts[code]`, and the few
 * thousand tags that most increments hit share a small, cache-resident part of the counts; the
 * long tail (2 M tags on a handful of works each at 1 M works) can be left out with one
 * comparison (`below`). Tags first seen after the load get the next free codes.
 */
export class TagLists {
  private readonly overlay = new Map<number, Uint32Array>();
  private codeToTag: Uint32Array;
  private tagToCode: Uint32Array;
  private codes: number;

  private readonly offsets: Uint32Array;
  private readonly data: Uint32Array;
  /** Codes given out at load: the loaded lists hold only these. */
  private readonly loadedCodes: number;
  /** Counts loaded lists, on two threads for large sets. */
  readonly counter: ParallelCounter;

  /**
   * `data[offsets[w] .. offsets[w + 1]]` are work w's tag codes, ascending (`fromIds` sorts them).
   * Large lists are copied to shared memory and the counting worker is started at once, not
   * inside the first large search; `parallelFrom`: see ParallelCounter (tests make it small, and
   * share any lists).
   */
  constructor(offsets: Uint32Array = new Uint32Array(1), data: Uint32Array = EMPTY, codeToTag: Uint32Array = EMPTY, parallelFrom = PARALLEL_FROM) {
    const share = data.length >= SHARE_FROM || parallelFrom < PARALLEL_FROM;
    this.offsets = share ? shared(offsets) : offsets;
    this.data = share ? shared(data) : data;
    this.counter = new ParallelCounter(this.offsets, this.data, codeToTag.length, this, parallelFrom);
    if (share) void this.counter.ready();
    this.loadedCodes = codeToTag.length;
    this.codeToTag = codeToTag;
    this.codes = codeToTag.length;
    let max = 0;
    for (let c = 0; c < codeToTag.length; c++) if (codeToTag[c]! > max) max = codeToTag[c]!;
    this.tagToCode = new Uint32Array(max + 1).fill(NONE);
    for (let c = 0; c < codeToTag.length; c++) this.tagToCode[codeToTag[c]!] = c;
  }

  /**
   * From tag ids in work rows (`ids` is rewritten in place into codes), given each tag's number
   * of works (`countOf`, for tags 0 .. maxTag; every tag in `ids` has works).
   */
  static fromIds(offsets: Uint32Array, ids: Uint32Array, maxTag: number, countOf: (t: number) => number, parallelFrom = PARALLEL_FROM): TagLists {
    const used: number[] = [];
    const keys: number[] = [];
    for (let t = 0; t <= maxTag; t++) {
      const n = countOf(t);
      if (n > 0) {
        used.push(t);
        keys.push(0xffffffff - n); // most used first; ties by id (the sort is stable)
      }
    }
    const codeToTag = radixSort(Uint32Array.from(used), Uint32Array.from(keys));
    const map = new Uint32Array(maxTag + 1);
    for (let c = 0; c < codeToTag.length; c++) map[codeToTag[c]!] = c;
    for (let i = 0; i < ids.length; i++) ids[i] = map[ids[i]!]!;
    // Each list in ascending code order (an insertion sort: lists are short), so a count of the
    // head codes stops at the first code past them.
    for (let w = 0; w + 1 < offsets.length; w++) {
      const from = offsets[w]!;
      const to = offsets[w + 1]!;
      for (let i = from + 1; i < to; i++) {
        const c = ids[i]!;
        let j = i - 1;
        while (j >= from && ids[j]! > c) {
          ids[j + 1] = ids[j]!;
          j--;
        }
        ids[j + 1] = c;
      }
    }
    return new TagLists(offsets, ids, codeToTag, parallelFrom);
  }

  /** How many codes are given out (counting arrays need this many entries). */
  get size(): number {
    return this.codes;
  }

  tagOf(code: number): number {
    return this.codeToTag[code]!;
  }

  /** The tag's code, given out now if it has none. */
  codeOf(tag: number): number {
    if (tag < this.tagToCode.length && this.tagToCode[tag] !== NONE) return this.tagToCode[tag]!;
    if (tag >= this.tagToCode.length) {
      const next = new Uint32Array(Math.max(tag + 1, this.tagToCode.length * 2)).fill(NONE);
      next.set(this.tagToCode);
      this.tagToCode = next;
    }
    if (this.codes === this.codeToTag.length) {
      const next = new Uint32Array(Math.max(64, this.codes * 2));
      next.set(this.codeToTag);
      this.codeToTag = next;
    }
    this.codeToTag[this.codes] = tag;
    this.tagToCode[tag] = this.codes;
    return this.codes++;
  }

  /** Work `work`'s tag ids. */
  get(work: number): Uint32Array {
    const o = this.overlay.get(work);
    if (o) return o;
    if (work + 1 >= this.offsets.length) return EMPTY;
    const codes = this.data.subarray(this.offsets[work]!, this.offsets[work + 1]!);
    const out = new Uint32Array(codes.length);
    for (let i = 0; i < codes.length; i++) out[i] = this.codeToTag[codes[i]!]!;
    return out;
  }

  /**
   * Adds one to `counts[c]` for every tag code c below `below` of every work in `works`, writing
   * each code to `touched` the first time it is counted (`counts` and `touched` must hold `size`
   * entries; typed arrays reused between searches, so a count allocates nothing). Returns how many
   * codes were touched.
   *
   * With a `below` small against the set (head counting, engine/facet-count.ts), the loaded lists
   * are counted without bookkeeping (on two threads for large sets: engine/parallel-count.ts) and
   * the counters below `below` are then scanned for the touched codes; works changed since the
   * load are counted here from the overlay.
   */
  countInto(works: Uint32Array, counts: Uint32Array, touched: Uint32Array, below = Infinity): number {
    const scanTo = Math.min(below, this.loadedCodes);
    if (below === Infinity || scanTo > works.length * 8) return this.countEach(works, counts, touched, below);
    let n = 0;
    let loaded = works;
    if (this.overlay.size > 0) {
      loaded = new Uint32Array(works.length);
      let k = 0;
      for (let i = 0; i < works.length; i++) {
        const o = this.overlay.get(works[i]!);
        if (!o) {
          loaded[k++] = works[i]!;
          continue;
        }
        for (let j = 0; j < o.length; j++) {
          const c = this.codeOf(o[j]!);
          // Codes below `scanTo` are found by the scan; later ones (new tags) are listed here.
          if (c < below && counts[c]!++ === 0 && c >= scanTo) touched[n++] = c;
        }
      }
      loaded = loaded.subarray(0, k);
    }
    try {
      this.counter.count(loaded, counts, scanTo);
    } catch (err) {
      // Leave the counters zeroed, as callers expect between searches, before the error goes up.
      counts.fill(0, 0, scanTo);
      for (let i = 0; i < n; i++) counts[touched[i]!] = 0;
      throw err;
    }
    for (let c = 0; c < scanTo; c++) if (counts[c] !== 0) touched[n++] = c;
    return n;
  }

  /** `countInto` work by work, listing codes as they are first counted. */
  private countEach(works: Uint32Array, counts: Uint32Array, touched: Uint32Array, below: number): number {
    const { offsets, data, overlay } = this;
    const last = offsets.length - 1;
    const checkOverlay = overlay.size > 0;
    let n = 0;
    for (let i = 0; i < works.length; i++) {
      const w = works[i]!;
      const o = checkOverlay ? overlay.get(w) : undefined;
      if (o) {
        for (let j = 0; j < o.length; j++) {
          const c = this.codeOf(o[j]!);
          if (c < below && counts[c]!++ === 0) touched[n++] = c;
        }
        continue;
      }
      if (w >= last) continue;
      const to = offsets[w + 1]!;
      for (let j = offsets[w]!; j < to; j++) {
        const c = data[j]!;
        if (c >= below) break; // ascending: the rest are past `below` too
        if (counts[c]!++ === 0) touched[n++] = c;
      }
    }
    return n;
  }

  /** The codes at or past `from` of every work in `works`, appended to `into` (a grown copy is returned when it fills). */
  collect(works: Uint32Array, from: number, into: { codes: Uint32Array; n: number }): void {
    const { offsets, data, overlay } = this;
    const last = offsets.length - 1;
    const checkOverlay = overlay.size > 0;
    let { codes, n } = into;
    const put = (c: number) => {
      if (n === codes.length) {
        const next = new Uint32Array(Math.max(1024, codes.length * 2));
        next.set(codes);
        codes = next;
      }
      codes[n++] = c;
    };
    for (let i = 0; i < works.length; i++) {
      const w = works[i]!;
      const o = checkOverlay ? overlay.get(w) : undefined;
      if (o) {
        for (let j = 0; j < o.length; j++) if (this.codeOf(o[j]!) >= from) put(this.codeOf(o[j]!));
        continue;
      }
      if (w >= last) continue;
      const to = offsets[w + 1]!;
      for (let j = offsets[w]!; j < to; j++) if (data[j]! >= from) put(data[j]!);
    }
    into.codes = codes;
    into.n = n;
  }

  set(work: number, tags: readonly number[]): void {
    for (const t of tags) this.codeOf(t);
    this.overlay.set(work, Uint32Array.from(tags));
  }

  delete(work: number): void {
    this.overlay.set(work, EMPTY);
  }
}
