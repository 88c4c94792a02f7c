import { Rng } from './rng.ts';
import { PHRASE_COUNT, vocabularyFor } from './vocabulary.ts';

/**
 * Realistic full-text queries for the benchmark, drawn from the same vocabulary the corpus text
 * comes from (vocabulary.ts), so they hit what is actually there:
 * - `common`: one of the 100 most frequent words ("the", "said"): huge result sets;
 * - `medium`: ranks 300–5,000: thousands of hits in a 100 k-work archive;
 * - `rare`: ranks 30 k–300 k, from the long tail: a handful to a few hundred hits at 100 k works
 *   (fewer in smaller archives; some may have none);
 * - `phrase`: a phrase from the phrase layer (ranks 1–2,000, so it recurs), e.g. "the old house";
 * - `two`: a medium word and a common word together (AND).
 *
 * @example benchQueries('1', 1000) // the same 1,000 queries every time for seed '1'
 */
export type QueryKind = 'common' | 'medium' | 'rare' | 'phrase' | 'two';

export interface BenchQuery {
  kind: QueryKind;
  /** The words of the query (a phrase's words in order). */
  terms: string[];
  /** For phrases: the words must be adjacent. */
  phrase: boolean;
}

const KINDS: [QueryKind, number][] = [['common', 0.15], ['medium', 0.3], ['rare', 0.2], ['phrase', 0.2], ['two', 0.15]];

export function benchQueries(seed: string, count: number, lang = 'en'): BenchQuery[] {
  const rng = Rng.derive(seed, 'bench-queries', lang);
  const v = vocabularyFor(lang);
  const logUniform = (lo: number, hi: number): number => Math.floor(Math.exp(Math.log(lo) + rng.float() * (Math.log(hi) - Math.log(lo))));
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    let u = rng.float();
    let kind: QueryKind = 'two';
    for (const [k, p] of KINDS) {
      if (u < p) {
        kind = k;
        break;
      }
      u -= p;
    }
    switch (kind) {
      case 'common': out.push({ kind, terms: [v.word(rng.range(1, 100))], phrase: false }); break;
      case 'medium': out.push({ kind, terms: [v.word(logUniform(300, 5_000))], phrase: false }); break;
      case 'rare': out.push({ kind, terms: [v.word(logUniform(30_000, 300_000))], phrase: false }); break;
      case 'phrase': out.push({ kind, terms: v.phrase(logUniform(1, Math.min(2_000, PHRASE_COUNT))), phrase: true }); break;
      default: out.push({ kind, terms: [v.word(logUniform(300, 5_000)), v.word(rng.range(1, 100))], phrase: false });
    }
  }
  return out;
}
