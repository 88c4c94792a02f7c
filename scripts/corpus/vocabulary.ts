import { REAL_WORDS } from './lexicon.ts';
import { languageProfile, type LanguageProfile } from './languages.ts';
import { Rng } from './rng.ts';
import { AliasTable } from './sampling.ts';
import { CONTENT_PHRASES, FUNCTION_PHRASES } from './phrases.ts';

/**
 * Each language's vocabulary: its real words first (lexicon.ts), then invented words spelled from
 * its syllables, ranked. Word frequencies follow a two-regime Zipf law: `1/(rank + 1)` over the
 * first HEAD_SIZE ranks, then falling as `1/rank²` out to MAX_RANK, so common words are very
 * common and a long tail of words turns up a handful of times (new words keep appearing as the
 * archive grows, as in real text). A phrase layer adds recurring multi-word collocations.
 *
 * The vocabulary does not depend on the corpus seed: the same rank is the same word in every
 * archive, so the benchmark can pick query words by rank and know how common they are.
 *
 * @example
 * const en = vocabularyFor('en');
 * en.word(1) === 'the'; en.word(50_000); // an invented word from the long tail
 */
export const HEAD_SIZE = 20_000;
export const MAX_RANK = 4_000_000;
export const PHRASE_COUNT = 20_000;
const HEAD_SHIFT = 1;
/** Ranks at which the hand-written content phrases sit (spread so they range from common to rare). */
const CONTENT_PHRASE_RANKS = CONTENT_PHRASES.map((_, i) => FUNCTION_PHRASES.length + 10 + Math.round(10 * Math.pow(1.3, i)));

export class Vocabulary {
  readonly lang: string;
  readonly cjk: boolean;
  /** How many real words sit at the top of the ranking. */
  readonly realCount: number;
  private readonly profile: LanguageProfile;
  private readonly real: string[];
  private readonly realSet: Set<string>;
  private readonly head: string[];
  private readonly table: AliasTable;
  private readonly headWeights: Float64Array;
  private readonly totalWeight: number;
  private readonly classSizes: number[];
  private phraseTable: AliasTable | undefined;
  private readonly phraseCache = new Map<number, string[]>();
  private readonly phraseTexts = new Map<number, { text: string; words: number }>();
  private readonly tailCache = new Map<number, string>();

  constructor(lang: string) {
    this.lang = lang;
    this.profile = languageProfile(lang);
    this.cjk = this.profile.cjk;
    this.real = REAL_WORDS[lang] ?? REAL_WORDS.en!;
    this.realSet = new Set(this.real);
    this.realCount = this.real.length;
    const { syllables, codas } = this.profile;
    this.classSizes = [];
    for (let k = 1, cap = 0; cap < MAX_RANK; k++) {
      const size = Math.pow(syllables.length, k) * codas.length;
      this.classSizes.push(size);
      cap += size;
    }
    this.head = [];
    for (let r = 1; r <= HEAD_SIZE; r++) this.head.push(this.makeWord(r));
    // Head weights, then one extra entry standing for the whole tail.
    const weights = new Float64Array(HEAD_SIZE + 1);
    let total = 0;
    for (let r = 1; r <= HEAD_SIZE; r++) {
      weights[r - 1] = 1 / (r + HEAD_SHIFT);
      total += weights[r - 1]!;
    }
    const tailMass = (1 / (HEAD_SIZE + HEAD_SHIFT)) * HEAD_SIZE * (1 - HEAD_SIZE / MAX_RANK);
    weights[HEAD_SIZE] = tailMass;
    this.headWeights = weights;
    this.totalWeight = total + tailMass;
    this.table = new AliasTable(weights);
  }

  /** The word at `rank` (1-based). */
  word(rank: number): string {
    if (rank <= HEAD_SIZE) return this.head[rank - 1]!;
    let w = this.tailCache.get(rank);
    if (w === undefined) {
      if (this.tailCache.size >= 500_000) this.tailCache.clear();
      w = this.makeWord(rank);
      this.tailCache.set(rank, w);
    }
    return w;
  }

  /** A random rank, by frequency. */
  sampleRank(rng: Rng): number {
    const i = this.table.sample(rng);
    if (i < HEAD_SIZE) return i + 1;
    const x = HEAD_SIZE / (1 - rng.float() * (1 - HEAD_SIZE / MAX_RANK));
    return Math.min(MAX_RANK, Math.floor(x) + 1);
  }

  sampleWord(rng: Rng): string {
    return this.word(this.sampleRank(rng));
  }

  /** The share of word tokens (outside phrases and names) that are this rank. */
  probability(rank: number): number {
    if (rank <= HEAD_SIZE) return this.headWeights[rank - 1]! / this.totalWeight;
    return (1 / (HEAD_SIZE + HEAD_SHIFT)) * Math.pow(HEAD_SIZE / rank, 2) / this.totalWeight;
  }

  /** The phrase at `rank` (1-based, up to PHRASE_COUNT), as tokens. */
  phrase(rank: number): string[] {
    let p = this.phraseCache.get(rank);
    if (!p) {
      p = this.makePhrase(rank);
      this.phraseCache.set(rank, p);
    }
    return p;
  }

  /** A random phrase rank, by frequency (Zipf over PHRASE_COUNT phrases). */
  samplePhraseRank(rng: Rng): number {
    this.phraseTable ??= new AliasTable(Array.from({ length: PHRASE_COUNT }, (_, i) => 1 / (i + 2)));
    return this.phraseTable.sample(rng) + 1;
  }

  /** A random phrase, by frequency, as tokens. */
  samplePhrase(rng: Rng): string[] {
    return this.phrase(this.samplePhraseRank(rng));
  }

  /** The phrase at `rank` as text (joined as the language writes it) and its word count. */
  phraseText(rank: number): { text: string; words: number } {
    let p = this.phraseTexts.get(rank);
    if (!p) {
      const tokens = this.phrase(rank);
      p = this.cjk ? { text: tokens.join(''), words: tokens.reduce((n, t) => n + t.length, 0) } : { text: tokens.join(' '), words: tokens.length };
      this.phraseTexts.set(rank, p);
    }
    return p;
  }

  private makePhrase(rank: number): string[] {
    if (this.lang === 'en') {
      if (rank <= FUNCTION_PHRASES.length) return FUNCTION_PHRASES[rank - 1]!.split(' ');
      const i = CONTENT_PHRASE_RANKS.indexOf(rank);
      if (i >= 0) return CONTENT_PHRASES[i]!.split(' ');
    }
    const rng = Rng.derive('phrase', this.lang, rank);
    const fn = (): string => this.real[rng.int(Math.min(40, this.real.length))]!;
    const content = (): string => {
      let r = this.sampleRank(rng);
      while (r <= 100) r = this.sampleRank(rng);
      return this.word(r);
    };
    switch (rng.int(4)) {
      case 0: return [fn(), content()];
      case 1: return [content(), fn(), fn(), content()];
      case 2: return [fn(), content(), content()];
      default: return [content(), content()];
    }
  }

  /** Invented word for a rank below the real words; unique per rank. */
  private makeWord(rank: number): string {
    if (rank <= this.realCount) return this.real[rank - 1]!;
    let j = rank - this.realCount - 1;
    let k = 0;
    while (j >= this.classSizes[k]!) j -= this.classSizes[k++]!;
    const size = this.classSizes[k]!;
    // Scramble within the length class (an affine bijection) so neighbours in rank don't rhyme.
    j = (mulMod(j, coprimeStep(size), size) + 7) % size;
    const { syllables, codas } = this.profile;
    let word = codas[j % codas.length]!;
    j = Math.floor(j / codas.length);
    for (let s = 0; s <= k; s++) {
      word = syllables[j % syllables.length]! + word;
      j = Math.floor(j / syllables.length);
    }
    return this.realSet.has(word) ? word + this.profile.marker : word;
  }
}

const steps = new Map<number, number>();
/** A multiplier coprime with `n`, near 0.618·n, for the scrambling bijection. */
function coprimeStep(n: number): number {
  let s = steps.get(n);
  if (s === undefined) {
    s = Math.max(1, Math.floor(n * 0.6180339887));
    while (gcd(s, n) !== 1) s++;
    steps.set(n, s);
  }
  return s;
}

/** `(a * b) % n` without losing precision (a, b, n below 2^31). */
function mulMod(a: number, b: number, n: number): number {
  const hi = Math.floor(b / 65536);
  const lo = b % 65536;
  return (((a * hi) % n) * 65536 + a * lo) % n;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const cache = new Map<string, Vocabulary>();
/** The (cached) vocabulary of a language code. */
export function vocabularyFor(lang: string): Vocabulary {
  let v = cache.get(lang);
  if (!v) {
    v = new Vocabulary(lang);
    cache.set(lang, v);
  }
  return v;
}
