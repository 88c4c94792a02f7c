import { radixSort } from './arrays.ts';
import { SCRATCH, countRange } from './count-range.ts';
import { PARALLEL_FROM, ParallelCounter, SHARE_FROM } from './parallel-count.ts';

const EMPTY = new Uint32Array(0);
const NONE = 0xffffffff;

/** Codes below this (the 65,536 most used tags at load) are also kept in the two-byte head lists. */
export const HEAD_CODES = 1 << 16;
/** Tags on at least this many works, and on one work in 16, are "dense": counted on their bitmaps, left out of the head lists. */
export const DENSE_MIN = 4096;

export interface ListOptions {
  /** Sets of at least this many works are counted on two threads (see ParallelCounter; tests make it small, and share any lists). */
  parallelFrom?: number;
  /** Codes kept in the head lists (tests make it small, so that counts past them run). */
  headCodes?: number;
  /** The first codes, left out of the head lists: `countInto` asks the caller for their counts. */
  denseCodes?: number;
}

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
 *
 * Large counts read a second, compact copy of the lists' head: each work's codes below
 * `HEAD_CODES` but for the dense ones (below), two bytes each (about 26 MB at 1 M works, with
 * their offsets, beside 74 MB of full lists). Such a
 * count waits on memory, a list read from RAM per work, so half the bytes make it about 1.7×
 * faster. The head lists are the ones the counting worker shares (engine/parallel-count.ts).
 * They leave out the "dense" codes (tags on one work in 16 or more: ratings, warnings, categories,
 * the largest freeform tags; 19 tags holding 4 of a work's 15 head codes at 1 M works), whose
 * counts the caller takes from their bitmaps: an intersection of two bitmaps costs a few µs,
 * where counting them from the lists cost a fifth of the count.
 */
export class TagLists {
  private readonly overlay = new Map<number, Uint32Array>();
  private codeToTag: Uint32Array;
  private tagToCode: Uint32Array;
  private codes: number;

  /** Codes given out at load: the loaded lists hold only these. */
  private readonly loadedCodes: number;
  /** Counts below this are read from the head lists. */
  private readonly headBelow: number;
  /** Codes below this are not in the head lists. */
  private readonly denseBelow: number;
  /** Counts the head lists, on two threads for large sets. */
  readonly counter: ParallelCounter;
  private readonly scratch = new Uint32Array(SCRATCH);

  /**
   * `data[offsets[w] .. offsets[w + 1]]` are work w's tag codes, ascending (`fromIds` sorts them).
   * Large lists get their head lists in shared memory and the counting worker is started at once,
   * not inside the first large search.
   */
  constructor(
    private readonly offsets: Uint32Array = new Uint32Array(1),
    private readonly data: Uint32Array = EMPTY,
    codeToTag: Uint32Array = EMPTY,
    { parallelFrom = PARALLEL_FROM, headCodes = HEAD_CODES, denseCodes = 0 }: ListOptions = {},
  ) {
    const share = data.length >= SHARE_FROM || parallelFrom < PARALLEL_FROM;
    this.headBelow = Math.min(headCodes, HEAD_CODES, codeToTag.length);
    this.denseBelow = Math.min(denseCodes, this.headBelow);
    const head = headLists(offsets, data, this.denseBelow, this.headBelow, share);
    this.counter = new ParallelCounter(head.offsets, head.data, this.headBelow, this, parallelFrom);
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
   * of works (`countOf`, for tags 0 .. maxTag; every tag in `ids` has works). Dense codes: tags on
   * at least `denseFrom` works (by default DENSE_MIN and one work in 16).
   */
  static fromIds(offsets: Uint32Array, ids: Uint32Array, maxTag: number, countOf: (t: number) => number, options: ListOptions & { denseFrom?: number } = {}): TagLists {
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
    const denseFrom = options.denseFrom ?? Math.max(DENSE_MIN, (offsets.length - 1) / 16);
    let denseCodes = 0;
    while (denseCodes < codeToTag.length && countOf(codeToTag[denseCodes]!) >= denseFrom) denseCodes++;
    return new TagLists(offsets, ids, codeToTag, { ...options, denseCodes });
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
   * are counted without bookkeeping and the counters below `below` are then scanned for the
   * touched codes; works changed since the load are counted here from the overlay. When `below`
   * is within the head lists and the caller gives `dense` (the count of a dense code's tag in the
   * set, from its bitmap: it covers changed works too), the head lists are read, on two threads
   * for large sets (engine/parallel-count.ts); otherwise the full lists, on this thread.
   */
  countInto(works: Uint32Array, counts: Uint32Array, touched: Uint32Array, below = Infinity, dense?: (code: number) => number): number {
    const scanTo = Math.min(below, this.loadedCodes);
    if (below === Infinity || scanTo > works.length * 8) return this.countEach(works, counts, touched, below);
    const fromHeads = scanTo <= this.headBelow && (this.denseBelow === 0 || dense !== undefined);
    const skip = fromHeads ? Math.min(this.denseBelow, scanTo) : 0; // codes whose counts `dense` gives
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
          if (c < below && c >= skip && counts[c]!++ === 0 && c >= scanTo) touched[n++] = c;
        }
      }
      loaded = loaded.subarray(0, k);
    }
    try {
      if (fromHeads) this.counter.count(loaded, counts, scanTo);
      else countRange(this.offsets, this.data, loaded, 0, loaded.length, counts, scanTo, this.scratch);
      for (let c = 0; c < skip; c++) counts[c] = dense!(c);
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

  /**
   * The codes at or past `from` of every work in `works`, appended to `into` (a grown copy is
   * returned when it fills). In batches of 32 works, touching each list before reading it, as
   * engine/count-range.ts does: a result's lists are scattered over the full lists' 74 MB.
   */
  collect(works: Uint32Array, from: number, into: { codes: Uint32Array; n: number }): void {
    const { offsets, data, overlay } = this;
    const last = offsets.length - 1;
    const checkOverlay = overlay.size > 0;
    const starts = this.scratch.subarray(0, 32);
    const ends = this.scratch.subarray(32, 64);
    let { codes, n } = into;
    let sink = 0;
    for (let i = 0; i < works.length; i += 32) {
      const m = Math.min(32, works.length - i);
      let room = 0;
      for (let k = 0; k < m; k++) {
        const w = works[i + k]!;
        const o = checkOverlay ? overlay.get(w) : undefined;
        starts[k] = w < last && !o ? offsets[w]! : 0;
        ends[k] = w < last && !o ? offsets[w + 1]! : 0;
        room += o ? o.length : ends[k]! - starts[k]!;
      }
      if (n + room > codes.length) {
        const next = new Uint32Array(Math.max(1024, 2 * (n + room)));
        next.set(codes.subarray(0, n));
        codes = next;
      }
      for (let k = 0; k < m; k++) if (ends[k]! > starts[k]!) sink ^= data[ends[k]! - 1]!;
      for (let k = 0; k < m; k++) {
        const o = checkOverlay ? overlay.get(works[i + k]!) : undefined;
        if (o) {
          for (let j = 0; j < o.length; j++) {
            const c = this.codeOf(o[j]!);
            if (c >= from) codes[n++] = c;
          }
          continue;
        }
        // Ascending: from the end back to the first code below `from`.
        const start = starts[k]!;
        let j = ends[k]!;
        while (j > start && data[j - 1]! >= from) j--;
        for (const end = ends[k]!; j < end; j++) codes[n++] = data[j]!;
      }
    }
    this.scratch[64] = sink;
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

/**
 * Each work's codes from `from` to `below` (a run of its ascending list), two bytes each, in
 * compressed rows like the full lists; in shared memory when `share`.
 */
function headLists(offsets: Uint32Array, data: Uint32Array, from: number, below: number, share: boolean): { offsets: Uint32Array; data: Uint16Array } {
  const works = Math.max(0, offsets.length - 1);
  const buffer = (bytes: number) => (share ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const headOffsets = new Uint32Array(buffer((works + 1) * 4));
  let n = 0;
  for (let w = 0; w < works; w++) {
    headOffsets[w] = n;
    for (let j = offsets[w]!, to = offsets[w + 1]!; j < to && data[j]! < below; j++) if (data[j]! >= from) n++;
  }
  headOffsets[works] = n;
  const head = new Uint16Array(buffer(Math.max(1, n) * 2));
  for (let w = 0, k = 0; w < works; w++) {
    for (let j = offsets[w]!, to = offsets[w + 1]!; j < to && data[j]! < below; j++) if (data[j]! >= from) head[k++] = data[j]!;
  }
  return { offsets: headOffsets, data: head };
}
