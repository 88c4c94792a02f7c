/** Document frequencies in chapters and in works' metadata. */
export type Df = { chapter: number; meta: number };

/** Pair codes are `prefix * STRIDE + last` (exact integers: key ids stay below 2^21). */
export const STRIDE = 2 ** 21;

/**
 * Counts of (prefix key, last word) pairs in an open-addressing hash table of typed arrays:
 * tens of millions of increments without a heap number or a Set per text.
 */
export class PairCounts {
  private cap = 1 << 16;
  private prefix = new Int32Array(this.cap).fill(-1);
  private last = new Int32Array(this.cap);
  /** Index of the last text a pair was counted in (each pair counts once per text). */
  private seenIn = new Int32Array(this.cap).fill(-1);
  chapter = new Int32Array(this.cap);
  meta = new Int32Array(this.cap);
  size = 0;

  private slot(p: number, l: number): number {
    let h = (Math.imul(p, 0x9e3779b1) ^ Math.imul(l, 0x85ebca77)) >>> 0;
    for (;;) {
      h &= this.cap - 1;
      if (this.prefix[h] === -1 || (this.prefix[h] === p && this.last[h] === l)) return h;
      h++;
    }
  }

  /** Counts the pair for text `text` (once per text), in chapters or metadata, starting from `floor`. */
  add(p: number, l: number, text: number, chapter: boolean, floor: number): void {
    let h = this.slot(p, l);
    if (this.prefix[h] === -1) {
      if ((this.size + 1) * 2 > this.cap) {
        this.resize(this.cap * 2);
        h = this.slot(p, l);
      }
      this.prefix[h] = p;
      this.last[h] = l;
      this.chapter[h] = floor;
      this.meta[h] = 0;
      this.size++;
    }
    if (this.seenIn[h] === text) return;
    this.seenIn[h] = text;
    if (chapter) this.chapter[h]!++;
    else this.meta[h]!++;
  }

  /** Keeps only the pairs for which `keep(chapter, meta)` holds. */
  filter(keep: (chapter: number, meta: number) => boolean): void {
    this.resize(this.cap, keep);
  }

  private resize(cap: number, keep: (chapter: number, meta: number) => boolean = () => true): void {
    const old = { prefix: this.prefix, last: this.last, seenIn: this.seenIn, chapter: this.chapter, meta: this.meta };
    this.cap = cap;
    this.prefix = new Int32Array(cap).fill(-1);
    this.last = new Int32Array(cap);
    this.seenIn = new Int32Array(cap).fill(-1);
    this.chapter = new Int32Array(cap);
    this.meta = new Int32Array(cap);
    this.size = 0;
    for (let i = 0; i < old.prefix.length; i++) {
      if (old.prefix[i] === -1 || !keep(old.chapter[i]!, old.meta[i]!)) continue;
      const h = this.slot(old.prefix[i]!, old.last[i]!);
      this.prefix[h] = old.prefix[i]!;
      this.last[h] = old.last[i]!;
      this.seenIn[h] = old.seenIn[i]!;
      this.chapter[h] = old.chapter[i]!;
      this.meta[h] = old.meta[i]!;
      this.size++;
    }
  }

  /** Every pair with its counts, as `prefix * 2^21 + last`. */
  entries(): [number, Df][] {
    const out: [number, Df][] = [];
    for (let i = 0; i < this.cap; i++) if (this.prefix[i] !== -1) out.push([this.prefix[i]! * STRIDE + this.last[i]!, { chapter: this.chapter[i]!, meta: this.meta[i]! }]);
    return out;
  }
}
