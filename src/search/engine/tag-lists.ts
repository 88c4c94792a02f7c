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

  set(work: number, tags: readonly number[]): void {
    this.overlay.set(work, Uint32Array.from(tags));
  }

  delete(work: number): void {
    this.overlay.set(work, EMPTY);
  }
}
