import { findSceneBreaks } from './scenes.ts';

/**
 * One pass over a chapter's plain text: every word becomes a token with its place in the text,
 * a folded key for look-ups, and the structure around it (sentence, paragraph, section between
 * scene breaks). Every matcher in src/suggest works on these arrays; nothing rescans the text.
 *
 * Words are runs of letters, digits and marks, joined by inner apostrophes (`O'Brien`, `don't`);
 * Chinese, Japanese and Thai characters are one token each (as AO3 counts words), so a name
 * written in those scripts is matched as a sequence of characters.
 */
export interface Tokens {
  readonly text: string;
  /** Folded token: lower case, Latin diacritics dropped, `’` → `'`, possessive `'s` removed. */
  readonly keys: string[];
  readonly starts: number[];
  readonly ends: number[];
  /** Bit flags: CAP (first letter upper case), SENT (first word of a sentence). */
  readonly flags: Uint8Array;
  /** Sentence, paragraph and section (between scene breaks) number of each token. */
  readonly sentence: Int32Array;
  readonly paragraph: Int32Array;
  readonly section: Int32Array;
  readonly length: number;
}

export const CAP = 1;
export const SENT = 2;

/** Characters that are one token each: Chinese, Japanese and Thai. */
const SINGLE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SEPARATOR = 0;
const WORD = 1;
const SINGLE = 2;
const UNKNOWN = 255;
/** Kind of every BMP code unit, filled in as met (ASCII up front); astral code points in a map. */
const BMP = new Uint8Array(0x10000).fill(UNKNOWN);
const ASTRAL = new Map<number, number>();
for (let c = 0; c < 128; c++) BMP[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? WORD : SEPARATOR;

function kindOf(cp: number): number {
  if (cp < 0x10000) {
    let k = BMP[cp]!;
    if (k === UNKNOWN) k = BMP[cp] = classify(cp);
    return k;
  }
  let k = ASTRAL.get(cp);
  if (k === undefined) ASTRAL.set(cp, (k = classify(cp)));
  return k;
}

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return SINGLE_CHAR.test(ch) ? SINGLE : WORD_CHAR.test(ch) ? WORD : SEPARATOR;
}

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;

/**
 * Calls `each(start, end)` for every word: a run of letters, digits and marks, with inner
 * apostrophes (`O'Brien`); a Chinese, Japanese or Thai character alone. Hand-rolled rather than
 * a Unicode regex: it is the hot loop of every suggestion.
 */
function eachWord(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind === SEPARATOR) {
      i += size;
      continue;
    }
    if (kind === SINGLE) {
      each(i, i + size);
      i += size;
      continue;
    }
    const start = i;
    i += size;
    while (i < n) {
      const c = text.codePointAt(i)!;
      const k = kindOf(c);
      if (k === WORD) {
        i += c > 0xffff ? 2 : 1;
      } else if (isApostrophe(c) && i + 1 < n && kindOf(text.codePointAt(i + 1)!) === WORD) {
        i += 1;
      } else {
        break;
      }
    }
    each(start, i);
  }
}

const NEWLINE = 1;
const STOP = 2;
/** Sentence-ending marks: . ! ? … 。 ！ ？ */
const STOPS = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x3002, 0xff01, 0xff1f]);

/** What lies between two words: a line break, a sentence end (bit flags). */
function gapKind(text: string, from: number, to: number): number {
  let kind = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) kind |= NEWLINE;
    else if (STOPS.has(c)) kind |= STOP;
  }
  return kind;
}

const LATIN_EXTENDED = /[\u00c0-\u024f\u1e00-\u1eff]/;
const CLITIC = /'(?:s|d|ll)$/;

/** Folds one word for look-ups: `foldToken("Lizzy’s") === 'lizzy'`, `foldToken('Zoë') === 'zoe'`. */
export function foldToken(raw: string): string {
  let s = raw.toLowerCase();
  if (s.includes('’')) s = s.replaceAll('’', "'");
  if (LATIN_EXTENDED.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (s.length > 2 && s.includes("'")) s = s.replace(CLITIC, '');
  return s;
}

/** The folded keys of a short string (a name, a phrase): `phraseKeys('Bennet, Elizabeth') → ['bennet','elizabeth']`. */
export function phraseKeys(phrase: string): string[] {
  const out: string[] = [];
  eachWord(phrase, (start, end) => out.push(foldToken(phrase.slice(start, end))));
  return out;
}

/** Tokenizes a chapter's plain text (see {@link Tokens}). */
export function tokenize(text: string): Tokens {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const flagList: number[] = [];
  const sentList: number[] = [];
  const paraList: number[] = [];
  const sectList: number[] = [];
  const breaks = findSceneBreaks(text);
  let b = 0;
  let sentence = 0;
  let paragraph = 0;
  let section = 0;
  let prevEnd = 0;
  eachWord(text, (start, end) => {
    let newSection = false;
    while (b < breaks.length && breaks[b]!.end <= start) {
      newSection = true;
      b++;
    }
    if (b < breaks.length && breaks[b]!.start <= start) return; // "o0o" is a scene break, not a word
    const raw = text.slice(start, end);
    const gap = gapKind(text, prevEnd, start);
    const newParagraph = newSection || (gap & NEWLINE) !== 0;
    const first = keys.length === 0;
    const sentStart = first || newParagraph || (gap & STOP) !== 0;
    if (!first) {
      if (newSection) section++;
      if (newParagraph) paragraph++;
      if (sentStart) sentence++;
    }
    const c = raw[0]!;
    flagList.push((c !== c.toLowerCase() ? CAP : 0) | (sentStart ? SENT : 0));
    keys.push(foldToken(raw));
    starts.push(start);
    ends.push(end);
    sentList.push(sentence);
    paraList.push(paragraph);
    sectList.push(section);
    prevEnd = end;
  });
  return {
    text,
    keys,
    starts,
    ends,
    flags: Uint8Array.from(flagList),
    sentence: Int32Array.from(sentList),
    paragraph: Int32Array.from(paraList),
    section: Int32Array.from(sectList),
    length: keys.length,
  };
}

/** True when the token is written with a capital letter somewhere other than a sentence start. */
export function capitalizedMidSentence(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  return (f & CAP) !== 0 && (f & SENT) === 0;
}
