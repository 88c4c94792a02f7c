/**
 * The keys of the frequency postings: the words, and the runs of two to four adjacent words,
 * common enough that reading them from the full-text index would be slow (docs/search.md,
 * "Frequency postings"). A key is its folded tokens joined by one space ("of the").
 *
 * Lookup is by token: `unigram(token)` gives a word's key id, and `next(id, unigramId)` extends
 * an n-gram key by one word (an n-gram is only a key when its first n−1 words are one too), so
 * the extractor finds every key in a text with integer map probes, no string building.
 */

import { PairTable, TermTable } from './term-table.ts';

/** Longest run of words kept as one key. */
export const MAX_GRAM = 4;
/** Key ids are below this. */
const STRIDE = 2 ** 21;

export interface KeyRow {
  id: number;
  key: string;
}

export class KeySet {
  private readonly unigrams = new TermTable();
  private readonly extend = new PairTable();
  private readonly texts: string[] = [];
  private readonly grams: number[] = [];
  /** 1 for a key that some longer key starts with. */
  private starts = new Uint8Array(16);

  /**
   * The key set of stored rows. Ids must be positive and below 2^21; an n-gram whose first
   * n−1 words are not a key is ignored (it could never be found). Rows in any order.
   */
  static from(rows: readonly KeyRow[]): KeySet {
    const set = new KeySet();
    const sorted = [...rows].sort((a, b) => a.key.split(' ').length - b.key.split(' ').length);
    for (const r of sorted) set.add(r.id, r.key.split(' '));
    return set;
  }

  get size(): number {
    return this.unigrams.size + this.extend.size;
  }

  /** Whether some longer key starts with key `id` (else no n-gram need be looked for after it). */
  extendable(id: number): boolean {
    return this.starts[id] === 1;
  }

  /** Every key, with its id. */
  rows(): KeyRow[] {
    const out: KeyRow[] = [];
    this.texts.forEach((key, id) => { if (key !== undefined) out.push({ id, key }); });
    return out;
  }

  private add(id: number, tokens: readonly string[]): void {
    if (!(Number.isInteger(id) && id > 0 && id < STRIDE) || tokens.length === 0 || tokens.length > MAX_GRAM) return;
    if (tokens.length === 1) this.unigrams.set(tokens[0]!, id);
    else {
      const prefix = this.idOf(tokens.slice(0, -1));
      const last = this.unigrams.get(tokens[tokens.length - 1]!);
      if (prefix === undefined || last < 0) return;
      this.extend.set(prefix, last, id);
      if (prefix >= this.starts.length) {
        const grown = new Uint8Array(Math.max(prefix + 1, this.starts.length * 2));
        grown.set(this.starts);
        this.starts = grown;
      }
      this.starts[prefix] = 1;
    }
    this.texts[id] = tokens.join(' ');
    this.grams[id] = tokens.length;
  }

  /** The key id of a word, or -1. */
  unigram(token: string): number {
    return this.unigrams.get(token);
  }

  /** The key id of the ASCII word `text[start..end)` (upper case folded), or -1. */
  unigramAscii(text: string, start: number, end: number): number {
    return this.unigrams.getAscii(text, start, end);
  }

  /** The key id of key `prefix` followed by the word whose key id is `word`, or -1. */
  next(prefix: number, word: number): number {
    return this.extend.get(prefix, word);
  }

  /** The key id of a run of folded tokens, or undefined when it is not a key. */
  idOf(tokens: readonly string[]): number | undefined {
    if (tokens.length === 0 || tokens.length > MAX_GRAM) return undefined;
    let id = this.unigram(tokens[0]!);
    for (let i = 1; i < tokens.length && id > 0; i++) {
      const w = this.unigram(tokens[i]!);
      id = w > 0 ? this.next(id, w) : -1;
    }
    return id > 0 ? id : undefined;
  }

  /** The key's text ("of the"). */
  text(id: number): string | undefined {
    return this.texts[id];
  }

  /** How many words key `id` has (0: unknown id). */
  gram(id: number): number {
    return this.grams[id] ?? 0;
  }

  /** One past the highest id. */
  get idLimit(): number {
    return this.texts.length;
  }
}

/**
 * Calls `each(keyId)` for every occurrence of every key in a text given as the key ids of its
 * words (-1 for a word that is no key), in order: each word, then the n-grams starting there.
 */
export function forEachKey(keys: KeySet, words: Int32Array, length: number, each: (id: number) => void): void {
  for (let i = 0; i < length; i++) {
    let id = words[i]!;
    if (id < 0) continue;
    each(id);
    if (!keys.extendable(id)) continue;
    for (let m = 1; m < MAX_GRAM && i + m < length; m++) {
      const w = words[i + m]!;
      if (w < 0) break;
      id = keys.next(id, w);
      if (id < 0) break;
      each(id);
      if (!keys.extendable(id)) break;
    }
  }
}
