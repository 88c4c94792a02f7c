import { META_COLUMNS, META_WEIGHTS } from '../text/fts-expr.ts';
import { META_COUNT } from './block-format.ts';
import type { DecodedKey } from './decode.ts';
import type { CorpusTotals, Lengths } from './lengths.ts';

const WEIGHTS = META_COLUMNS.map((c) => META_WEIGHTS[c]);

/** What scoring one term needs besides its postings: lengths, totals and the term's document frequencies. */
export interface KeyScoring {
  lengths: Lengths;
  totals: CorpusTotals;
  /** Chapter rows holding the term (0 for a fielded term). */
  chapterDf: number;
  /** Metadata rows holding the term (in its field, for a fielded term). */
  metaDf: number;
}

export interface KeyVisitor {
  /** A chapter of `work` holding the term, with its bm25 (0 when not scoring). */
  chapter?(work: number, position: number, score: number): void;
  /** `work`'s metadata holds the term: its bm25 (0 when not scoring). */
  meta?(work: number, score: number): void;
}

/** FTS5's bm25 for one phrase (k1 = 1.2, b = 0.75), made positive, with the IDF and average precomputed. */
class Bm25 {
  private readonly idf: number;
  private readonly avg: number;

  constructor(rows: number, tokens: number, df: number) {
    let idf = Math.log((rows - df + 0.5) / (df + 0.5));
    if (idf <= 0) idf = 1e-6;
    this.idf = idf;
    this.avg = tokens / rows || 1;
  }

  score(hits: number, length: number): number {
    if (hits <= 0) return 0;
    return (this.idf * hits * 2.2) / (hits + 1.2 * (0.25 + (0.75 * length) / this.avg));
  }
}

/**
 * Index of the first element of `a[from..]` that is ≥ `v` (galloping, then binary search): the
 * cheap way through a long sorted list when the other list is short.
 */
function seek(a: Uint32Array, from: number, v: number): number {
  let step = 1;
  let hi = from;
  while (hi < a.length && a[hi]! < v) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, a.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (a[mid]! < v) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/**
 * The works of `acc` (ascending ids) whose postings `d` hold the term: in column `field` of their
 * metadata when a field is given, else anywhere (metadata or a chapter). Calls the visitor as the
 * FTS5 reader does (fts/term-query.ts): each matching chapter and each metadata hit, with FTS5's
 * bm25 when `scoring` is given, so a work scores exactly what FTS5 would give it.
 */
export function matchKey(d: DecodedKey, field: number | null, acc: Uint32Array, scoring: KeyScoring | null, visit: KeyVisitor): number[] {
  const out: number[] = [];
  const t = scoring?.totals;
  const metaBm25 = scoring ? new Bm25(t!.works, t!.metaTokens, scoring.metaDf) : null;
  const chapterBm25 = scoring && field === null ? new Bm25(t!.chapterRows, t!.chapterTokens, scoring.chapterDf) : null;
  const works = d.works;
  const gallop = acc.length * 16 < works.length;
  let i = 0;
  let j = 0;
  while (i < works.length && j < acc.length) {
    const w = works[i]!;
    const a = acc[j]!;
    if (w < a) {
      i = gallop ? seek(works, i + 1, a) : i + 1;
      continue;
    }
    if (a < w) {
      j = gallop ? j + 1 : seek(acc, j + 1, w);
      continue;
    }
    const m = d.metaAt[i]!;
    let weighted = 0;
    if (m >= 0) {
      if (field === null) for (let c = 0; c < META_COUNT; c++) weighted += WEIGHTS[c]! * d.meta[m + c]!;
      else weighted = WEIGHTS[field]! * d.meta[m + field]!;
    }
    const from = d.chStart[i]!;
    const to = field === null ? d.chStart[i + 1]! : from;
    if (weighted > 0 || to > from) {
      out.push(w);
      if (weighted > 0 && visit.meta) visit.meta(w, metaBm25 ? metaBm25.score(weighted, scoring!.lengths.metaLength(w)) : 0);
      if (visit.chapter) {
        for (let k = from; k < to; k++) {
          const pos = d.chPos[k]!;
          visit.chapter(w, pos, chapterBm25 ? chapterBm25.score(d.chHits[k]!, scoring!.lengths.chapterLength(w, pos)) : 0);
        }
      }
    }
    i++;
    j++;
  }
  return out;
}

/** Metadata rows with hits in column `field` (a fielded term's document frequency). */
export function fieldDf(d: DecodedKey, field: number): number {
  let n = 0;
  for (let i = field; i < d.meta.length; i += META_COUNT) if (d.meta[i]! > 0) n++;
  return n;
}
