/**
 * How text becomes search tokens, on both sides of the index.
 *
 * SQLite's `unicode61 remove_diacritics 2` tokenizer folds case and accents but treats a run of
 * Chinese, Japanese or Thai characters as one token, so before indexing (and before querying) we
 * put spaces around each such character: every Han, Hiragana, Katakana or Thai character becomes
 * a token, and a multi-character word becomes a phrase of characters. Text is NFKC-normalized
 * first, so full-width letters, ligatures and compatibility forms match their plain forms.
 *
 * `tokenize` mirrors what unicode61 then does, in JavaScript: it builds the FTS5 query strings and
 * drives the highlighter and the in-memory matcher, so the three always agree on what a word is.
 */

/** Characters indexed one per token. U+30FC/U+FF70 are the Katakana prolonged sound marks. */
const UNIT_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\u30FC\\uFF70';

/** One per-character unit with its combining marks (Thai vowel signs), for index preparation. */
const UNIT_RUN = new RegExp(`[${UNIT_CLASS}]\\p{M}*`, 'gu');

/**
 * A token: one per-character unit, or a run of letters, digits and private-use characters.
 * Combining diacritics U+0300–U+036F stay inside a token (unicode61 drops them there); every
 * other mark, space and punctuation separates tokens, as in unicode61.
 */
const TOKEN = new RegExp(`(?=[\\p{L}\\p{N}])[${UNIT_CLASS}]|(?:(?![${UNIT_CLASS}])[\\p{L}\\p{N}\\p{Co}\\u0300-\\u036F])+`, 'gu');
const UNIT = new RegExp(`^[${UNIT_CLASS}]$`, 'u');
const NON_ASCII = /[^\x00-\x7f]/gu;
/** unicode61 strips accents from Latin letters only (é → e, ệ → e; not й, ά or が). */
const LATIN = /^\p{Script=Latin}/u;
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/**
 * A cheap superset test for UNIT_CLASS (plain UTF-16 ranges: Thai, CJK radicals to Katakana and
 * the CJK blocks, compatibility ideographs, half-width forms, any astral character): text without
 * any of these (most non-CJK text) skips the Unicode-property scan, which costs about as much as
 * FTS5's own tokenizing.
 */
const MAYBE_UNIT = /[\u0E00-\u0E7F\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\uD800-\uDBFF]/;

/** Text as it is handed to FTS5: NFKC, with spaces around every CJK or Thai character. */
export function prepareForIndex(text: string): string {
  const t = text.normalize('NFKC');
  return MAYBE_UNIT.test(t) ? t.replace(UNIT_RUN, (m) => ` ${m} `) : t;
}

/** Folds one token as unicode61 with remove_diacritics 2 does: `fold('Zoë') === 'zoe'`. */
export function fold(token: string): string {
  const t = token.normalize('NFKC').toLowerCase();
  if (!/[^\x00-\x7f]/.test(t)) return t;
  return t.replace(NON_ASCII, (ch) => {
    const d = ch.normalize('NFD');
    return LATIN.test(d) ? d.replace(LATIN_DIACRITICS, '') : ch === 'ς' ? 'σ' : ch;
  }).replace(/([a-z])[\u0300-\u036f]+/g, '$1');
}

export interface Token {
  /** Folded form, as stored in the index. */
  term: string;
  /** Offsets in the input string (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

/** The tokens of `text` one by one, with their positions (lazily: callers may stop early). */
export function* tokenStream(text: string): Generator<Token> {
  for (const m of text.matchAll(TOKEN)) {
    const term = fold(m[0]);
    if (term !== '') yield { term, start: m.index, end: m.index + m[0].length };
  }
}

/** Every token of `text` with its position: `tokenize('Café, 東京')` → café→cafe, 東, 京. */
export function tokenize(text: string): Token[] {
  return [...tokenStream(text)];
}

/** Only the folded terms: `terms("Don't panic") → ['don', 't', 'panic']`. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** True for a token that is a single CJK or Thai character (never a useful prefix). */
export function isUnitToken(term: string): boolean {
  return UNIT.test(term);
}
