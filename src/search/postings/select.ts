import type { WorkRows } from '../fts/rows.ts';
import { forEachToken } from '../text/tokens.ts';
import { MAX_KEY_ID } from './extract.ts';
import { KeySet, MAX_GRAM, type KeyRow } from './keys.ts';
import { TermTable } from './term-table.ts';
import { PairCounts, STRIDE, type Df } from './pair-counts.ts';

export interface SelectOptions {
  /** A word becomes a key when about this many chapter rows (or works' metadata) hold it. */
  minRows: number;
  /** A run of words is only considered when each of its words is in at least this many rows. */
  phraseWordRows: number;
  /** …and becomes a key when about this many rows hold the run itself. */
  minPhraseRows: number;
  /** Chapters and works in the whole archive (the sample's counts are scaled up to these). */
  chapters: number;
  works: number;
}

/** Candidate runs counted at once before the rarest are dropped (bounds memory on huge samples). */
const MAX_CANDIDATES = 1_000_000;
/** Sample estimates are noisy: take what is estimated at this share of the threshold or more. */
const SLACK = 0.8;

interface Text {
  /** Word key ids (-1: not a key word). */
  words: Int32Array;
  chapter: boolean;
}


/**
 * Chooses the keys of the frequency postings from a sample of the archive's works: the words whose
 * estimated number of chapter rows (or of works with them in their metadata) reaches `minRows`
 * (reading them from FTS5 would be slow), then runs of two to four words made only of words in at
 * least `phraseWordRows` rows (FTS5 checks a phrase by reading its rarest word's positions, which is
 * slow only when every word is common) that are themselves in `minPhraseRows` rows. A run is only
 * counted when the run without its last word and the run without its first word are keys already
 * (the Apriori rule), so the candidates stay few. Ids: words first, most frequent first, then each
 * length in turn; at most MAX_KEY_ID keys.
 */
export function selectKeys(sample: readonly WorkRows[], opts: SelectOptions): KeyRow[] {
  const sampleChapters = sample.reduce((n, w) => n + w.chapters.length, 0);
  const scale = { chapter: sampleChapters > 0 ? opts.chapters / sampleChapters : 0, meta: sample.length > 0 ? opts.works / sample.length : 0 };
  const reaches = (df: Df, rows: number) => df.chapter * scale.chapter >= rows * SLACK || df.meta * scale.meta >= rows * SLACK;

  const { vocab, texts, df } = readSample(sample);
  const words = vocab.map((w, i): [string, Df, number] => [w, { chapter: df.chapter[i]!, meta: df.meta[i]! }, i])
    .filter(([, d]) => reaches(d, opts.minRows)).sort(byFrequency).slice(0, MAX_KEY_ID);
  const rows: KeyRow[] = words.map(([key], i) => ({ id: i + 1, key }));
  let keys = KeySet.from(rows);

  // The sample's texts as key ids, words too rare to be part of a phrase key as -1.
  const toKey = new Int32Array(vocab.length).fill(-1);
  const previous = new Set<number>();
  words.forEach(([, d, at], i) => {
    if (!reaches(d, opts.phraseWordRows)) return;
    toKey[at] = i + 1;
    previous.add(i + 1);
  });
  for (const t of texts) for (let i = 0; i < t.words.length; i++) t.words[i] = toKey[t.words[i]!]!;

  let prefixes: Set<number> = previous;
  for (let n = 2; n <= MAX_GRAM && prefixes.size > 0 && rows.length < MAX_KEY_ID; n++) {
    const counts = countRuns(keys, texts, n, prefixes);
    const fresh = [...counts].filter(([, d]) => reaches(d, opts.minPhraseRows)).sort((a, b) => byFrequency(a, b)).slice(0, MAX_KEY_ID - rows.length);
    let id = rows.length;
    const added = fresh.map(([code]) => ({ id: ++id, key: `${keys.text(Math.floor(code / STRIDE))} ${keys.text(code % STRIDE)}` }));
    for (const r of added) rows.push(r); // not push(...added): a spread of 100 k arguments overflows the stack
    keys = KeySet.from(rows);
    prefixes = new Set(added.map((r) => r.id));
  }
  return rows;
}

function byFrequency(a: readonly [string | number, Df, ...unknown[]], b: readonly [string | number, Df, ...unknown[]]): number {
  return b[1].chapter + b[1].meta - (a[1].chapter + a[1].meta) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * The sample read once: its vocabulary, each text (metadata column or chapter) as word indexes
 * into it, and each word's document frequency in chapters and in works' metadata.
 */
function readSample(sample: readonly WorkRows[]): { vocab: string[]; texts: Text[]; df: { chapter: Int32Array; meta: Int32Array } } {
  const index = new TermTable();
  const vocab: string[] = [];
  const texts: Text[] = [];
  let buf = new Int32Array(1 << 16);
  const add = (t: string): number => {
    const id = vocab.push(t) - 1;
    index.set(t, id);
    return id;
  };
  const read = (text: string, chapter: boolean) => {
    if (buf.length < text.length + 1) buf = new Int32Array(Math.max(text.length + 1, buf.length * 2));
    let n = 0;
    forEachToken(text, (t) => {
      const id = index.get(t);
      buf[n++] = id >= 0 ? id : add(t);
    }, (start, end) => {
      const id = index.getAscii(text, start, end);
      buf[n++] = id >= 0 ? id : add(text.slice(start, end).toLowerCase());
    });
    texts.push({ words: buf.slice(0, n), chapter });
  };
  for (const w of sample) {
    for (const m of w.meta) {
      read(m, false);
    }
    for (const [, text] of w.chapters) read(text, true);
  }
  const chapterDf = new Int32Array(vocab.length);
  const metaDf = new Int32Array(vocab.length);
  const seen = new Int32Array(vocab.length).fill(-1);
  // A work's five metadata texts count once together; each chapter once.
  let unit = 0;
  let metaLeft = 0;
  let metaUnit = -1;
  for (const t of texts) {
    let mark: number;
    if (t.chapter) mark = ++unit;
    else {
      if (metaLeft === 0) {
        metaUnit = ++unit;
        metaLeft = 5;
      }
      metaLeft--;
      mark = metaUnit;
    }
    const into = t.chapter ? chapterDf : metaDf;
    for (const id of t.words) {
      if (seen[id] === mark) continue;
      seen[id] = mark;
      into[id]!++;
    }
  }
  return { vocab, texts, df: { chapter: chapterDf, meta: metaDf } };
}

/**
 * Document frequencies (chapters; metadata texts) of the runs of `n` words whose first n−1 words
 * are a key in `prefixes` and whose last n−1 words are a key too, by `prefix * 2^21 + last word`.
 */
function countRuns(keys: KeySet, texts: readonly Text[], n: number, prefixes: ReadonlySet<number>): Map<number, Df> {
  const counts = new PairCounts();
  const isPrefix = new Uint8Array(keys.idLimit + 1);
  for (const p of prefixes) isPrefix[p] = 1;
  let floor = 0;
  texts.forEach((t, ti) => {
    const w = t.words;
    for (let i = 0; i + n <= w.length; i++) {
      let prefix = w[i]!;
      for (let m = 1; m < n - 1 && prefix > 0; m++) prefix = w[i + m]! > 0 ? keys.next(prefix, w[i + m]!) : -1;
      if (prefix <= 0 || isPrefix[prefix] !== 1) continue;
      const last = w[i + n - 1]!;
      if (last <= 0) continue;
      if (n > 2) {
        let suffix = w[i + 1]!;
        for (let m = 2; m < n && suffix > 0; m++) suffix = keys.next(suffix, w[i + m]!);
        if (suffix <= 0) continue;
      }
      counts.add(prefix, last, ti, t.chapter, floor);
    }
    // Too many candidates: drop the rarest until half are left; what comes back later starts
    // from the floor (lossy counting).
    while (counts.size > MAX_CANDIDATES) {
      floor++;
      counts.filter((c, m) => c + m > floor);
    }
  });
  return new Map(counts.entries());
}
