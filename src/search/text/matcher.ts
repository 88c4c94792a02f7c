import type { WorkDoc } from '../fts/documents.ts';
import type { FtsStats } from '../fts/stats.ts';
import type { TermNode } from './ast.ts';
import { FIELD_COLUMN, META_COLUMNS, META_WEIGHTS } from './fts-expr.ts';
import { prepareForIndex, terms } from './tokens.ts';

/**
 * Matching terms against a work in memory: what the engine does instead of asking FTS5 when only
 * a few works are left to check (a narrow filter and a common word). It tokenizes exactly the text
 * the index holds and scores with FTS5's bm25 formula and statistics, so a work gets (nearly) the
 * same score either way; the difference is that a phrase's document frequency is estimated by its
 * rarest word.
 */
export interface DocTokens {
  id: number;
  /** Tokens per metadata column, in META_COLUMNS order. */
  meta: string[][];
  chapters: { position: number; terms: string[] }[];
}

export function tokenizeDoc(doc: WorkDoc): DocTokens {
  return {
    id: doc.id,
    meta: META_COLUMNS.map((c) => terms(prepareForIndex(doc[c]))),
    chapters: doc.chapters.map((c) => ({ position: c.position, terms: terms(prepareForIndex(c.text)) })),
  };
}

/** Occurrences of the term (a phrase, with an optional prefix last word) in a token list. */
export function countHits(tokens: readonly string[], term: TermNode): number {
  const k = term.tokens.length;
  let hits = 0;
  outer: for (let i = 0; i + k <= tokens.length; i++) {
    for (let j = 0; j < k; j++) {
      const want = term.tokens[j]!;
      const got = tokens[i + j]!;
      const last = j === k - 1;
      if (last && term.prefix ? !got.startsWith(want) : got !== want) continue outer;
    }
    hits++;
  }
  return hits;
}

/** FTS5's bm25 for one phrase (k1 = 1.2, b = 0.75), as a positive number: higher is better. */
export function bm25(weightedHits: number, docLength: number, stats: FtsStats, docFreq: number): number {
  if (weightedHits <= 0 || stats.rows === 0) return 0;
  const total = stats.tokens.reduce((a, b) => a + b, 0);
  const avg = total / stats.rows || 1;
  let idf = Math.log((stats.rows - docFreq + 0.5) / (docFreq + 0.5));
  if (idf <= 0) idf = 1e-6;
  return (idf * weightedHits * 2.2) / (weightedHits + 1.2 * (0.25 + (0.75 * docLength) / avg));
}

export interface ScoreContext {
  chapters: FtsStats;
  works: FtsStats;
  chapterDocFreq: number;
  workDocFreq: number;
}

export interface TermMatch {
  matched: boolean;
  /** bm25 of the metadata row (0 without a context or a hit). */
  meta: number;
  /** Chapters containing the term, with their bm25. */
  chapters: { position: number; score: number }[];
}

/** Whether `doc` matches `term` in its metadata (the term's field, or any) or, unfielded, any chapter. */
export function matchDoc(doc: DocTokens, term: TermNode, ctx: ScoreContext | null): TermMatch {
  let weighted = 0;
  let length = 0;
  for (const [i, col] of META_COLUMNS.entries()) {
    const tokens = doc.meta[i]!;
    length += tokens.length;
    if (term.field && FIELD_COLUMN[term.field] !== col) continue;
    weighted += META_WEIGHTS[col] * countHits(tokens, term);
  }
  const out: TermMatch = { matched: weighted > 0, meta: ctx ? bm25(weighted, length, ctx.works, ctx.workDocFreq) : 0, chapters: [] };
  if (term.field) return out;
  for (const c of doc.chapters) {
    const hits = countHits(c.terms, term);
    if (hits === 0) continue;
    out.matched = true;
    out.chapters.push({ position: c.position, score: ctx ? bm25(hits, c.terms.length, ctx.chapters, ctx.chapterDocFreq) : 0 });
  }
  return out;
}
