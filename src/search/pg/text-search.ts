import roaring from 'roaring';
import type { Db } from '../../store/schema.ts';
import type { Bitmap, WorkIndex } from '../engine/work-index.ts';
import { loadWorkDocs } from '../fts/documents.ts';
import type { FtsStats } from '../fts/stats.ts';
import { positiveTerms, type TermNode, type TextNode } from '../text/ast.ts';
import { META_COLUMNS, META_WEIGHTS } from '../text/fts-expr.ts';
import { bm25, matchDoc, tokenizeDoc, type DocTokens } from '../text/matcher.ts';
import type { TextEvaluator } from '../text-backend.ts';
import { evaluateText } from '../text/evaluate.ts';
import type { TextOutcome, TextSearchOptions } from '../text-search.ts';
import type { Postings } from '../postings/postings.ts';
import { termKeys, type TermKeys } from '../text-search.ts';
import { chapterHits, docFrequencies, metaHits, metaLengths, occurrences, phraseHits, roughRanks, tsquery } from './queries.ts';

const { RoaringBitmap32 } = roaring;

export interface PgTextOptions extends TextSearchOptions {
  /** Relevance is computed exactly (bm25 on the works' documents) for at most this many works. */
  rankMaxWorks: number;
  /** Check a term in memory only when the works left hold at most this many words. */
  memoryMaxWords: number;
}

export const PG_TEXT_DEFAULTS = { rankMaxWorks: 2000, memoryMaxWords: 20_000 };

/** Candidate sets up to this size are sent with the query (`work_id = ANY(…)`). */
const SEND_IDS = 5000;

/**
 * Evaluates a text query on PostgreSQL, with the same semantics as the SQLite side
 * (text-search.ts): the boolean tree is evaluated on work bitmaps one term at a time, so a work
 * matches `dragon knight` with the words in different chapters or its metadata. Each term is
 * answered by a GIN lookup (`tsv @@ tsquery`), or, when few works with little text are left, by
 * the in-memory matcher on their documents (text/matcher.ts, shared with SQLite).
 *
 * Relevance is FTS5's bm25 computed by the shared matcher with exact statistics from PostgreSQL
 * (rows, token totals, each term's document frequency), so a work gets the score SQLite's FTS5
 * gives it, and results come in the same order. It is computed for at most `rankMaxWorks` works:
 * for a larger result those are first chosen by `ts_rank_cd` over a bounded number of matching
 * rows (queries.ts), and the other works score 0 (after them, newest first).
 */
export class PgTextSearch implements TextEvaluator {
  constructor(
    private readonly db: Db,
    private readonly index: WorkIndex,
    private readonly stats: () => Promise<{ chapters: FtsStats; works: FtsStats }>,
    private readonly opts: PgTextOptions,
    private readonly postings: Postings | null = null,
  ) {}

  async evaluate(root: TextNode, universe: Bitmap, scored: boolean): Promise<TextOutcome> {
    const run = new PgRun(this.db, this.index, this.opts, await termKeys(root, this.postings));
    const matched = await run.node(root, universe, true);
    const scores = scored ? new Float64Array(run.bestPos.length) : null;
    if (scores && !matched.isEmpty) await run.score(matched, positiveTerms(root), scores, this.stats);
    return { matched, scores, bestChapter: run.bestPos, counts: run.counts };
  }
}

class PgRun {
  readonly bestPos: Uint16Array;
  readonly counts = { postings: 0, fts: 0, memory: 0 };
  private readonly docs = new Map<number, DocTokens>();
  /** What each positive term matched (scoring reads only those works). */
  private readonly found = new Map<TermNode, Bitmap>();
  private bestScore = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly index: WorkIndex,
    private readonly opts: PgTextOptions,
    private readonly keys: TermKeys | null,
  ) {
    this.bestPos = new Uint16Array(index.numeric('words').length);
  }

  /** Evaluates the query tree over `acc` (src/search/text/evaluate.ts), with this backend's terms and costs. */
  node(n: TextNode, acc: Bitmap, positive: boolean): Promise<Bitmap> {
    return evaluateText({ term: (t, a, pos) => this.term(t, a, pos), cost: (t) => this.cost(t) }, n, acc, positive);
  }

  /** Postings terms by their row counts (cheapest first); others after them: longer phrases and words first, prefixes last. */
  private cost(t: TermNode): number {
    const key = this.keys?.keys.get(t);
    if (key) return key.cost;
    return 1e9 + (t.prefix ? 1e6 : 0) - t.tokens.length * 1000 - Math.max(...t.tokens.map((w) => w.length));
  }

  private noteFirst(work: number, position: number): void {
    if (work < this.bestPos.length && (this.bestPos[work] === 0 || position < this.bestPos[work]!)) this.bestPos[work] = position;
  }

  private useMemory(acc: Bitmap): boolean {
    if (this.opts.strategy !== 'auto') return this.opts.strategy === 'memory';
    if (acc.size > this.opts.memoryMaxWorks) return false;
    const words = this.index.numeric('words');
    let total = 0;
    for (const w of acc.toUint32Array()) if (!this.docs.has(w)) total += words[w] ?? 0;
    return total <= this.opts.memoryMaxWords;
  }

  private async term(t: TermNode, acc: Bitmap, positive: boolean): Promise<Bitmap> {
    const found = await this.find(t, acc, positive);
    if (positive) this.found.set(t, this.found.has(t) ? RoaringBitmap32.or(this.found.get(t)!, found) : found);
    return found;
  }

  private async find(t: TermNode, acc: Bitmap, positive: boolean): Promise<Bitmap> {
    const key = this.keys?.keys.get(t);
    if (key) {
      this.counts.postings++;
      return this.keys!.postings.match(t, key.id, acc, false, positive ? { chapter: (w, pos) => this.noteFirst(w, pos) } : {});
    }
    if (this.useMemory(acc)) {
      this.counts.memory++;
      await this.ensureDocs(acc);
      const out: number[] = [];
      for (const w of acc.toUint32Array()) {
        const doc = this.docs.get(w);
        const m = doc ? matchDoc(doc, t, null) : null;
        if (!m?.matched) continue;
        out.push(w);
        if (positive) for (const c of m.chapters) this.noteFirst(w, c.position);
      }
      return RoaringBitmap32.from(out);
    }
    this.counts.fts++;
    const q = tsquery(t);
    if (q === null) return new RoaringBitmap32();
    const ids = acc.size <= SEND_IDS ? Array.from(acc.toUint32Array()) : null;
    const found = new RoaringBitmap32();
    if (!t.field) {
      for (const h of await chapterHits(this.db, q, ids)) {
        found.add(h.work);
        if (positive) this.noteFirst(h.work, h.position);
      }
    }
    found.addMany(await metaHits(this.db, t, q, ids));
    return RoaringBitmap32.and(found, acc);
  }

  /** Adds a chapter's score to the snippet choice: the best-scoring chapter over every term. */
  private noteScore(work: number, position: number, score: number): void {
    const best = this.bestScore.get(work);
    if (best === undefined || score > best) {
      this.bestScore.set(work, score);
      this.bestPos[work] = position;
    }
  }

  /**
   * bm25 per work: the sum over positive terms it matches of its best chapter's score plus its
   * metadata score (as text-search.ts); the snippet chapter becomes the best-scoring one. Terms
   * the frequency postings answer are scored from them, for every matching work; the others (rare
   * words and phrases, prefixes) from the tsvectors' positions (queries.ts `occurrences`) of the
   * works that hold them, lengths from the stored token counts, statistics from the whole index:
   * FTS5's numbers, computed in PostgreSQL.
   */
  async score(matched: Bitmap, terms: TermNode[], scores: Float64Array, stats: () => Promise<{ chapters: FtsStats; works: FtsStats }>): Promise<void> {
    this.bestScore = new Map();
    for (const t of terms) {
      const key = this.keys?.keys.get(t);
      if (key) {
        let work = -1;
        let best = 0;
        const flush = () => { if (work >= 0 && work < scores.length) scores[work]! += best; };
        await this.keys!.postings.match(t, key.id, matched, true, {
          meta: (w, s) => { if (w < scores.length) scores[w]! += s; },
          chapter: (w, pos, s) => {
            if (w !== work) { flush(); work = w; best = 0; }
            best = Math.max(best, s);
            this.noteScore(w, pos, s);
          },
        });
        flush();
        continue;
      }
      const own = this.found.has(t) ? RoaringBitmap32.and(matched, this.found.get(t)!) : matched;
      const candidates = own.size <= this.opts.rankMaxWorks ? own : await this.preselect(own, t);
      if (!candidates.isEmpty) await this.scoreFromVectors(t, Array.from(candidates.toUint32Array()), scores, await stats());
    }
  }

  private async scoreFromVectors(t: TermNode, ids: number[], scores: Float64Array, corpus: { chapters: FtsStats; works: FtsStats }): Promise<void> {
    const q = tsquery(t);
    if (q === null) return;
    const metaLength = await metaLengths(this.db, ids);
    const df = await docFrequencies(this.db, t, q);
    const metaHitCount = new Map<number, number>();
    for (const o of await occurrences(this.db, 'meta', t, q, ids)) {
      const weighted = META_WEIGHTS[META_COLUMNS[o.slot]!] * phraseHits(o, t);
      if (weighted > 0) metaHitCount.set(o.work, (metaHitCount.get(o.work) ?? 0) + weighted);
    }
    const termScore = new Map<number, number>();
    for (const [w, weighted] of metaHitCount) termScore.set(w, bm25(weighted, metaLength.get(w) ?? 0, corpus.works, df.works));
    const bestChapter = new Map<number, number>();
    if (!t.field) {
      const chapters = (await occurrences(this.db, 'chapters', t, q, ids)).sort((a, b) => a.work - b.work || a.slot - b.slot);
      for (const o of chapters) {
        const hits = phraseHits(o, t);
        if (hits === 0) continue;
        const score = bm25(hits, o.tokens, corpus.chapters, df.chapters);
        bestChapter.set(o.work, Math.max(bestChapter.get(o.work) ?? 0, score));
        this.noteScore(o.work, o.slot, score);
      }
    }
    for (const [w, s] of bestChapter) termScore.set(w, (termScore.get(w) ?? 0) + s);
    for (const [w, s] of termScore) if (w < scores.length) scores[w]! += s;
  }

  /** The `rankMaxWorks` works of a large result with the best rough rank for one term (ts_rank_cd on bounded rows). */
  private async preselect(matched: Bitmap, t: TermNode): Promise<Bitmap> {
    const q = tsquery(t);
    if (q === null) return new RoaringBitmap32();
    const ranks = [...await roughRanks(this.db, t, q)].filter(([w]) => matched.has(w));
    const top = ranks.sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, this.opts.rankMaxWorks).map(([w]) => w);
    return RoaringBitmap32.from(top);
  }

  private async ensureDocs(acc: Bitmap): Promise<void> {
    const missing = Array.from(acc.toUint32Array()).filter((w) => !this.docs.has(w));
    if (missing.length === 0) return;
    for (const doc of await loadWorkDocs(this.db, missing)) this.docs.set(doc.id, tokenizeDoc(doc));
  }
}
