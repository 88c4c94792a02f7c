import { BLOCK_WORKS, decodeLengthEntries, readLengths } from './block-format.ts';
import type { BlockRow } from './io.ts';

interface WorkLengths {
  metaLength: number;
  /** `[position, tokens, …]`. */
  chapters: number[];
}

/** Corpus totals bm25 needs: rows and tokens of the chapter "table" and of the metadata "table". */
export interface CorpusTotals {
  chapterRows: number;
  chapterTokens: number;
  works: number;
  metaTokens: number;
}

/**
 * Every work's metadata length and chapter lengths in tokens, in memory (about 10 bytes a
 * chapter), with the corpus totals: the document lengths and averages of FTS5's bm25. Loaded
 * from `search_lengths` once; blocks that writes changed are read again (`replaceBlocks`) and
 * override what was loaded.
 */
export class Lengths {
  private metaLen = new Uint32Array(0);
  private has = new Uint8Array(0);
  private chStart = new Uint32Array(1);
  private chPos = new Uint32Array(0);
  private chLen = new Uint32Array(0);
  private readonly overlay = new Map<number, WorkLengths | null>();
  readonly totals: CorpusTotals = { chapterRows: 0, chapterTokens: 0, works: 0, metaTokens: 0 };

  /** Builds from every lengths block (ascending). */
  static from(rows: readonly BlockRow[]): Lengths {
    const l = new Lengths();
    const all: { work: number; lengths: WorkLengths }[] = [];
    for (const row of rows) for (const e of decodeLengthEntries(row.block, row.data)) all.push({ work: e.work, lengths: readLengths(e.body) });
    const maxWork = all.length > 0 ? all[all.length - 1]!.work : -1;
    l.metaLen = new Uint32Array(maxWork + 1);
    l.has = new Uint8Array(maxWork + 1);
    l.chStart = new Uint32Array(maxWork + 2);
    const chapters = all.reduce((n, a) => n + a.lengths.chapters.length / 2, 0);
    l.chPos = new Uint32Array(chapters);
    l.chLen = new Uint32Array(chapters);
    let at = 0;
    let next = 0;
    for (const { work, lengths } of all) {
      for (; next <= work; next++) l.chStart[next] = at;
      l.metaLen[work] = lengths.metaLength;
      l.has[work] = 1;
      for (let i = 0; i < lengths.chapters.length; i += 2) {
        l.chPos[at] = lengths.chapters[i]!;
        l.chLen[at++] = lengths.chapters[i + 1]!;
      }
      l.count(lengths, 1);
    }
    for (; next < l.chStart.length; next++) l.chStart[next] = at;
    return l;
  }

  private count(w: WorkLengths, sign: 1 | -1): void {
    const t = this.totals;
    t.works += sign;
    t.metaTokens += sign * w.metaLength;
    t.chapterRows += sign * (w.chapters.length / 2);
    for (let i = 1; i < w.chapters.length; i += 2) t.chapterTokens += sign * w.chapters[i]!;
  }

  /** A work's lengths, or null when it has none (not indexed). */
  get(work: number): WorkLengths | null {
    const o = this.overlay.get(work);
    if (o !== undefined) return o;
    if (work >= this.has.length || this.has[work] === 0) return null;
    const chapters: number[] = [];
    for (let i = this.chStart[work]!; i < this.chStart[work + 1]!; i++) chapters.push(this.chPos[i]!, this.chLen[i]!);
    return { metaLength: this.metaLen[work]!, chapters };
  }

  metaLength(work: number): number {
    const o = this.overlay.size > 0 ? this.overlay.get(work) : undefined;
    if (o !== undefined) return o?.metaLength ?? 0;
    return work < this.metaLen.length ? this.metaLen[work]! : 0;
  }

  /** Tokens in chapter `position` of `work` (0 when unknown). */
  chapterLength(work: number, position: number): number {
    const o = this.overlay.size > 0 ? this.overlay.get(work) : undefined;
    if (o !== undefined) {
      if (!o) return 0;
      for (let i = 0; i < o.chapters.length; i += 2) if (o.chapters[i] === position) return o.chapters[i + 1]!;
      return 0;
    }
    if (work + 1 >= this.chStart.length) return 0;
    const to = this.chStart[work + 1]!;
    for (let i = this.chStart[work]!; i < to; i++) if (this.chPos[i] === position) return this.chLen[i]!;
    return 0;
  }

  /** Replaces everything known of the works of these blocks with the stored rows (a block absent from `rows` is empty). */
  replaceBlocks(blocks: readonly number[], rows: readonly BlockRow[]): void {
    const fresh = new Map<number, WorkLengths>();
    for (const row of rows) for (const e of decodeLengthEntries(row.block, row.data)) fresh.set(e.work, readLengths(e.body));
    for (const block of blocks) {
      for (let work = block * BLOCK_WORKS; work < (block + 1) * BLOCK_WORKS; work++) {
        const before = this.get(work);
        const after = fresh.get(work) ?? null;
        if (!before && !after) continue;
        if (before) this.count(before, -1);
        if (after) this.count(after, 1);
        this.overlay.set(work, after);
      }
    }
  }
}
