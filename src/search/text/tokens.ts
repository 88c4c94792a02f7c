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

/**
 * Non-ASCII characters the fast scanner knows to be separators (unicode61 treats every
 * punctuation and space character so): no-break space, curly quotes, dashes, ellipsis, guillemets.
 */
const FAST_SEPARATORS = new Set([0xa0, 0xab, 0xbb, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2026, 0x2032, 0x2033, 0x3000]);

/** 1 for ASCII letters and digits (token characters), 2 for ASCII upper case, 0 for ASCII separators. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 2;

/** The slow, exact path over `text.slice(from, to)`: the Unicode-property regex and `fold`. */
function slowTokens(text: string, from: number, to: number, each: (term: string, start: number, end: number) => void): void {
  const run = text.slice(from, to);
  for (const m of run.matchAll(TOKEN)) {
    const term = fold(m[0]);
    if (term !== '') each(term, from + m.index, from + m.index + m[0].length);
  }
}

/** Letters and digits below U+0530 (Latin, Greek, Cyrillic) whose fold is the same alone as inside a word. */
const SIMPLE_LIMIT = 0x530;
const SIMPLE: (string | undefined)[] = [];
for (let c = 0x80; c < SIMPLE_LIMIT; c++) {
  const ch = String.fromCharCode(c);
  if (!/^[\p{L}\p{N}]$/u.test(ch) || FAST_SEPARATORS.has(c)) continue;
  const f = fold(ch);
  if (f !== '' && !/[\u0300-\u036f]/.test(f)) SIMPLE[c] = f;
}

/** Han, Hiragana, Katakana (and the prolonged sound mark): always a token of their own (no fold changes them). */
function isUnitCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

/**
 * Calls `each` with every token of `text` (folded term, start and end offsets), in order. Runs of
 * ASCII letters and digits, of Latin, Greek and Cyrillic letters, and single Chinese and Japanese
 * characters (most of most text) are cut and folded directly; a run that holds any other
 * character goes through the exact Unicode path (the TOKEN regex and `fold`), so the result is
 * always what `unicode61 remove_diacritics 2` gives (tokens.test.ts checks both against FTS5 and
 * against each other). About 20 times faster than the regex alone on English prose.
 *
 * With `ascii`, a token of ASCII letters and digits is passed as its range instead (not cut out
 * nor lower-cased: its term is the range with upper case folded), for callers that look it up
 * without making a string (postings/keys.ts).
 */
export function forEachToken(text: string, each: (term: string, start: number, end: number) => void, ascii?: (start: number, end: number) => void): void {
  const n = text.length;
  let start = -1;
  let complex = false;
  let mapped = false;
  let upper = false;
  const flush = (end: number) => {
    if (start < 0) return;
    if (complex) slowTokens(text, start, end, each);
    else if (mapped) {
      let term = '';
      for (let k = start; k < end; k++) {
        const c = text.charCodeAt(k);
        term += c < 128 ? text[k]!.toLowerCase() : SIMPLE[c]!;
      }
      each(term, start, end);
    } else if (ascii) ascii(start, end);
    else {
      const word = text.slice(start, end);
      each(upper ? word.toLowerCase() : word, start, end);
    }
    start = -1;
    complex = mapped = upper = false;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = ASCII_CLASS[c]!;
      if (k === 0) {
        flush(i);
        continue;
      }
      if (start < 0) start = i;
      if (k === 2) upper = true;
    } else if (FAST_SEPARATORS.has(c)) flush(i);
    else if (isUnitCode(c)) {
      flush(i);
      each(text[i]!, i, i + 1);
    } else {
      if (start < 0) start = i;
      if (c < SIMPLE_LIMIT && SIMPLE[c] !== undefined) mapped = true;
      else complex = true;
    }
  }
  flush(n);
}

/** The tokens of `text` one by one, with their positions (lazily: callers may stop early). */
export function* tokenStream(text: string): Generator<Token> {
  // In slices, so a caller that stops early (the highlighter) does not pay for a whole chapter.
  const SLICE = 4096;
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + SLICE);
    // Cut at a separator that is plain ASCII white space, so no token straddles two slices.
    while (to < text.length && !/\s/.test(text[to]!)) to++;
    const out: Token[] = [];
    forEachToken(text.slice(from, to), (term, start, end) => out.push({ term, start: from + start, end: from + end }));
    yield* out;
    from = to;
  }
}

/** Every token of `text` with its position: `tokenize('Café, 東京')` → café→cafe, 東, 京. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  forEachToken(text, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/** Only the folded terms: `terms("Don't panic") → ['don', 't', 'panic']`. */
export function terms(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (term) => out.push(term));
  return out;
}

/** The reference tokenizer (the regex alone), for tests of the fast path. */
export function referenceTerms(text: string): string[] {
  const out: string[] = [];
  slowTokens(text, 0, text.length, (term) => out.push(term));
  return out;
}

/** True for a token that is a single CJK or Thai character (never a useful prefix). */
export function isUnitToken(term: string): boolean {
  return UNIT.test(term);
}
