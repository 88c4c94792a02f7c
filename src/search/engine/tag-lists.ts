const EMPTY = new Uint32Array(0);

/**
 * Each work's filter tag ids, for counting facets over small result sets and for unlinking a work
 * from its tag bitmaps when it changes. Built once in compressed-row form (one `offsets` array
 * indexed by work id and one flat `data` array: 4 bytes per tag assignment, no object per work);
 * works changed since then live in a small overlay map.
 */
export class TagLists {
  private readonly overlay = new Map<number, Uint32Array>();

  /** `data[offsets[w] .. offsets[w + 1]]` are work w's tags. */
  constructor(
    private readonly offsets: Uint32Array = new Uint32Array(1),
    private readonly data: Uint32Array = EMPTY,
  ) {}

  get(work: number): Uint32Array {
    const o = this.overlay.get(work);
    if (o) return o;
    if (work + 1 >= this.offsets.length) return EMPTY;
    return this.data.subarray(this.offsets[work]!, this.offsets[work + 1]!);
  }

  /**
   * Adds one to `counts[t]` for every tag t of every work in `works`, pushing each tag to
   * `touched` the first time it is counted (tags at or past `counts.length` are skipped). Reads
   * the flat arrays directly: no view per work (facets over 50 k works at 1 M works: ≈ 3× faster).
   */
  countInto(works: Uint32Array, counts: Uint32Array, touched: number[], only: Uint8Array | null = null): void {
    if (only) return this.countMarked(works, counts, touched, only);
    const { offsets, data, overlay } = this;
    const limit = counts.length;
    const last = offsets.length - 1;
    const checkOverlay = overlay.size > 0;
    for (let i = 0; i < works.length; i++) {
      const w = works[i]!;
      const o = checkOverlay ? overlay.get(w) : undefined;
      if (o) {
        for (let j = 0; j < o.length; j++) {
          const t = o[j]!;
          if (t < limit && counts[t]!++ === 0) touched.push(t);
        }
        continue;
      }
      if (w >= last) continue;
      const to = offsets[w + 1]!;
      for (let j = offsets[w]!; j < to; j++) {
        const t = data[j]!;
        if (t < limit && counts[t]!++ === 0) touched.push(t);
      }
    }
  }

  /** `countInto` for the tags marked in `only` (tags past its end count as marked). */
  private countMarked(works: Uint32Array, counts: Uint32Array, touched: number[], only: Uint8Array): void {
    const limit = counts.length;
    const marked = only.length;
    const count = (t: number) => {
      if (t < limit && (t >= marked || only[t] === 1) && counts[t]!++ === 0) touched.push(t);
    };
    const last = this.offsets.length - 1;
    const checkOverlay = this.overlay.size > 0;
    for (let i = 0; i < works.length; i++) {
      const w = works[i]!;
      const o = checkOverlay ? this.overlay.get(w) : undefined;
      if (o) {
        for (let j = 0; j < o.length; j++) count(o[j]!);
        continue;
      }
      if (w >= last) continue;
      const to = this.offsets[w + 1]!;
      for (let j = this.offsets[w]!; j < to; j++) count(this.data[j]!);
    }
  }

  set(work: number, tags: readonly number[]): void {
    this.overlay.set(work, Uint32Array.from(tags));
  }

  delete(work: number): void {
    this.overlay.set(work, EMPTY);
  }
}
