import type SQLite from 'better-sqlite3';
import roaring from 'roaring';
import type { WorkDoc } from './fts/documents.ts';
import { countMatches, docFrequency, ftsStats, readCost, type FtsStats } from './fts/stats.ts';
import { queryTerm } from './fts/term-query.ts';
import { positiveTerms, type TermNode, type TextNode } from './text/ast.ts';
import { META_COLUMNS } from './text/fts-expr.ts';
import { matchDoc, tokenizeDoc, type DocTokens, type ScoreContext } from './text/matcher.ts';
import type { Bitmap, WorkIndex } from './engine/work-index.ts';
import { evaluateText } from './text/evaluate.ts';
import type { Postings } from './postings/postings.ts';
import { leaves } from './text/ast.ts';

const { RoaringBitmap32 } = roaring;

export interface TextSearchOptions {
  /** `auto` (default) picks per term; `fts` and `memory` force one way (tests). */
  strategy: 'auto' | 'fts' | 'memory';
  /**
   * Checking a work in memory costs this many FTS rows per word of text (loading, converting and
   * tokenizing). From the bench at 100 k works: 283 candidate works checked in memory took 200 ms
   * where FTS5 read the whole term in 11 ms; 0.5, the old value, chose memory there.
   */
  memoryWordCost: number;
  /** Never check more works than this in memory. */
  memoryMaxWorks: number;
}

export const TEXT_SEARCH_DEFAULTS: TextSearchOptions = { strategy: 'auto', memoryWordCost: 3, memoryMaxWorks: 2000 };

/** Scoring a row with bm25() costs about this many plain FTS5 row reads. */
const SCORE_ROW_COST = 10;
/** Scored reads are restricted to the candidate works when these are under this share of all works. */
const RESTRICT_SHARE = 0.8;

export interface TextOutcome {
  /** Works of the universe that match the query. */
  matched: Bitmap;
  /** Relevance by work id (when asked for): the sum over matching positive terms of the best chapter's bm25 plus the metadata bm25. */
  scores: Float64Array | null;
  /** Per work id, the chapter position to cut a snippet from (0: the text did not match). */
  bestChapter: Uint16Array;
  /** How many terms were answered by the frequency postings, by FTS5 and in memory. */
  counts: { postings: number; fts: number; memory: number };
}

/**
 * Evaluates a text query over a candidate set of works. Terms are answered one by one and joined
 * on work bitmaps (so a work matches `dragon knight` when the words are in different chapters or
 * in its metadata). In an AND the cheapest terms go first and each later term only has to be
 * checked within what is left: when what is left is a few works with less text than the term's
 * FTS5 doclists, the term is checked in memory on those works' documents instead (filter-first);
 * otherwise FTS5 reads the term's matches (text-first).
 */
export class TextSearch {
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly index: WorkIndex,
    private readonly loadDocs: (ids: number[]) => Promise<WorkDoc[]>,
    private readonly opts: TextSearchOptions = TEXT_SEARCH_DEFAULTS,
    private readonly postings: Postings | null = null,
  ) {}

  /**
   * With several positive terms and relevance wanted, in two passes: first the matching works
   * without scores (a plain FTS5 read is about a tenth of the cost of bm25() per row), then each
   * positive term is scored only on the works that matched the whole query. A work's score is
   * the same as in one pass: every positive term it contains adds its score.
   */
  async evaluate(root: TextNode, universe: Bitmap, scored: boolean): Promise<TextOutcome> {
    const keys = await termKeys(root, this.postings);
    const terms = scored ? positiveTerms(root) : [];
    const run = (isScored: boolean, earlier?: Run) => new Run(this.sqlite, this.index, this.loadDocs, this.opts, isScored, keys, earlier);
    if (terms.length < 2) {
      const one = run(scored);
      const matched = await one.node(root, universe, true);
      return { matched, scores: one.scores, bestChapter: one.bestPos, counts: one.counts };
    }
    const first = run(false);
    const matched = await first.node(root, universe, true);
    const second = run(true, first);
    if (!matched.isEmpty) for (const t of terms) await second.node(t, matched, true);
    const counts = { postings: first.counts.postings + second.counts.postings, fts: first.counts.fts + second.counts.fts, memory: first.counts.memory + second.counts.memory };
    return { matched, scores: second.scores, bestChapter: second.bestPos, counts };
  }
}

/** The terms the frequency postings answer, with their key id and cost (rows that hold them). */
export interface TermKeys {
  postings: Postings;
  keys: Map<TermNode, { id: number; cost: number }>;
}

/** Looks up every term of the query in the postings' keys (null without postings or when none is built). */
export async function termKeys(root: TextNode, postings: Postings | null): Promise<TermKeys | null> {
  if (!postings || !(await postings.ready())) return null;
  const keys = new Map<TermNode, { id: number; cost: number }>();
  for (const { term } of leaves(root)) {
    const id = await postings.keyFor(term, true);
    if (id !== null) keys.set(term, { id, cost: await postings.cost(id, term.field !== null) });
  }
  return { postings, keys };
}

class Run {
  readonly scores: Float64Array | null;
  readonly bestPos: Uint16Array;
  private readonly bestScore: Float64Array | null;
  private readonly docs: Map<number, DocTokens>;
  private stats: { chapters: FtsStats; works: FtsStats } | undefined;
  readonly counts = { postings: 0, fts: 0, memory: 0 };

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly index: WorkIndex,
    private readonly loadDocs: (ids: number[]) => Promise<WorkDoc[]>,
    private readonly opts: TextSearchOptions,
    private readonly scored: boolean,
    private readonly keys: TermKeys | null,
    /** An earlier pass over the same query: its loaded documents are reused. */
    earlier?: Run,
  ) {
    this.docs = earlier?.docs ?? new Map();
    const size = index.numeric('words').length;
    this.scores = scored ? new Float64Array(size) : null;
    this.bestScore = scored ? new Float64Array(size) : null;
    this.bestPos = new Uint16Array(size);
  }

  /** Evaluates the query tree over `acc` (src/search/text/evaluate.ts), with this backend's terms and costs. */
  node(n: TextNode, acc: Bitmap, positive: boolean): Promise<Bitmap> {
    return evaluateText({ term: (t, a, pos) => this.term(t, a, pos), cost: (t) => this.ftsCost(t) }, n, acc, positive);
  }

  private readonly costs = new Map<TermNode, number>();

  /** Rows FTS5 (or the postings) would read for the term (its words' document frequencies). */
  private ftsCost(t: TermNode): number {
    const key = this.keys?.keys.get(t);
    if (key) return key.cost;
    let c = this.costs.get(t);
    if (c === undefined) {
      c = (t.field ? 0 : readCost(this.sqlite, 'search_chapters', t)) + readCost(this.sqlite, 'search_works', t);
      this.costs.set(t, c);
    }
    return c;
  }

  /**
   * Whether to check the term in memory on the candidates' documents rather than read it from
   * FTS5. Not for a scored phrase, prefix or fielded term: bm25 needs the exact number of rows
   * matching it, which only a full FTS5 read of the term gives (so reading it is no dearer).
   */
  private useMemory(t: TermNode, acc: Bitmap, scored: boolean): boolean {
    if (this.opts.strategy !== 'auto') return this.opts.strategy === 'memory';
    if (acc.size > this.opts.memoryMaxWorks) return false;
    if (scored && !plainWord(t)) return false;
    const words = this.index.numeric('words');
    let cost = 0;
    for (const w of acc.toUint32Array()) cost += (words[w] ?? 0) * (this.docs.has(w) ? 0.05 : this.opts.memoryWordCost) + 1;
    // A scored read scores about one row per candidate work that has the term.
    return cost < this.ftsCost(t) + (scored ? SCORE_ROW_COST * acc.size : 0);
  }

  private workRows: number | undefined;

  /** Candidates to restrict a scored FTS5 read to, or null to score every matching row. */
  private within(acc: Bitmap): Bitmap | null {
    this.workRows ??= ftsStats(this.sqlite, 'search_works', META_COLUMNS.length).rows;
    return acc.size < RESTRICT_SHARE * this.workRows ? acc : null;
  }

  private noteChapter(work: number, position: number, score: number): void {
    if (work >= this.bestPos.length) return;
    if (this.bestScore) {
      if (this.bestPos[work] === 0 || score > this.bestScore[work]!) {
        this.bestScore[work] = score;
        this.bestPos[work] = position;
      }
    } else if (this.bestPos[work] === 0 || position < this.bestPos[work]!) this.bestPos[work] = position;
  }

  private addScore(work: number, score: number): void {
    if (this.scores && work < this.scores.length) this.scores[work]! += score;
  }

  private async term(t: TermNode, acc: Bitmap, positive: boolean): Promise<Bitmap> {
    const scored = this.scored && positive;
    const key = this.keys?.keys.get(t);
    if (key) {
      this.counts.postings++;
      const visit = positive ? this.visitor() : null;
      const found = await this.keys!.postings.match(t, key.id, acc, scored, visit ?? {});
      visit?.flush();
      return found;
    }
    if (this.useMemory(t, acc, scored)) {
      this.counts.memory++;
      await this.ensureDocs(acc);
      const ctx = scored ? this.scoreContext(t) : null;
      const out: number[] = [];
      for (const w of acc.toUint32Array()) {
        const doc = this.docs.get(w);
        const m = doc ? matchDoc(doc, t, ctx) : undefined;
        if (!m?.matched) continue;
        out.push(w);
        if (!positive) continue;
        this.addScore(w, m.meta + Math.max(0, ...m.chapters.map((c) => c.score)));
        for (const c of m.chapters) this.noteChapter(w, c.position, c.score);
      }
      return RoaringBitmap32.from(out);
    }
    this.counts.fts++;
    const visit = positive ? this.visitor() : null;
    const found = queryTerm(this.sqlite, t, scored, visit ?? {}, scored ? this.within(acc) : null);
    visit?.flush();
    return RoaringBitmap32.and(found, acc);
  }

  /**
   * Collects one term's hits, chapters in work order: a work scores its best chapter plus its
   * metadata; every chapter is a snippet candidate. Call `flush` after the last hit.
   */
  private visitor(): { chapter(w: number, position: number, score: number): void; meta(w: number, score: number): void; flush(): void } {
    let work = -1;
    let best = 0;
    const flush = () => { if (work >= 0) this.addScore(work, best); work = -1; };
    return {
      chapter: (w, position, score) => {
        if (w !== work) { flush(); work = w; best = 0; }
        best = Math.max(best, score);
        this.noteChapter(w, position, score);
      },
      meta: (w, score) => this.addScore(w, score),
      flush,
    };
  }

  private scoreContext(t: TermNode): ScoreContext {
    this.stats ??= { chapters: ftsStats(this.sqlite, 'search_chapters', 1), works: ftsStats(this.sqlite, 'search_works', META_COLUMNS.length) };
    return {
      ...this.stats,
      chapterDocFreq: t.field ? 0 : plainWord(t) ? docFrequency(this.sqlite, 'search_chapters', t) : countMatches(this.sqlite, 'search_chapters', t),
      workDocFreq: plainWord(t) ? docFrequency(this.sqlite, 'search_works', t) : countMatches(this.sqlite, 'search_works', t),
    };
  }

  private async ensureDocs(acc: Bitmap): Promise<void> {
    const missing = Array.from(acc.toUint32Array()).filter((w) => !this.docs.has(w));
    if (missing.length === 0) return;
    for (const doc of await this.loadDocs(missing)) this.docs.set(doc.id, tokenizeDoc(doc));
  }
}

/** One word, no prefix, no field: its row count is exact in the fts5vocab table. */
function plainWord(t: TermNode): boolean {
  return t.tokens.length === 1 && !t.prefix && t.field === null;
}
