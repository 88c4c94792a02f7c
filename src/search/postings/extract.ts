import type { WorkRows } from '../fts/rows.ts';
import { CHAPTER_SLOTS } from '../fts/schema.ts';
import { forEachToken } from '../text/tokens.ts';
import { ByteWriter } from './bytes.ts';
import { META_COUNT, writeEntry } from './block-format.ts';
import { forEachKey, type KeySet } from './keys.ts';

/** One key's occurrences in one work (the readable form of an entry body; block-format.ts). */
export interface KeyEntry {
  /** Hits per metadata column (title, creators, tags, summary, notes), or null when none. */
  meta: number[] | null;
  /** `[position, hits, position, hits, …]`, positions ascending; empty when only the metadata has it. */
  chapters: number[];
}

/** What the frequency postings hold of one work: its lengths, and its entry under every key it contains. */
export interface WorkPostings {
  id: number;
  /** Tokens in the metadata row (all five columns): FTS5's document length of the work's metadata. */
  metaLength: number;
  /** `[position, tokens, …]` per chapter, positions ascending. */
  chapters: number[];
  /** The keys the work contains, ascending. */
  keys: Uint32Array;
  /** Their entry bodies, one after the other: key i's is `bodies[ends[i - 1] ?? 0 .. ends[i])`. */
  bodies: Uint8Array;
  ends: Uint32Array;
}

/** Key i's entry body. */
export function bodyAt(p: WorkPostings, i: number): Uint8Array {
  return p.bodies.subarray(i > 0 ? p.ends[i - 1]! : 0, p.ends[i]!);
}

/** The entry body of `key` in the work, or undefined. */
export function bodyOf(p: WorkPostings, key: number): Uint8Array | undefined {
  let lo = 0;
  let hi = p.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return p.keys[lo] === key ? bodyAt(p, lo) : undefined;
}

// Hits of a key in a text are packed with the key and the text's slot (metadata columns 0–4,
// then chapters) into one exact double, so a work's hits sort by key then slot in one native sort.
const HITS = 2 ** 18;
const SLOTS = 2 ** 17;
/** Key ids stay below this (select.ts caps the key set), so a packed hit fits in 53 bits. */
export const MAX_KEY_ID = 2 ** 18 - 1;

/** Reusable scratch space (extraction runs on one thread at a time). */
class Scratch {
  words = new Int32Array(1024);
  counts = new Int32Array(1024);
  touched: number[] = [];
  packed = new Float64Array(4096);
  n = 0;
  readonly out = new ByteWriter(1 << 16);

  /** The text's tokens as word key ids (-1: not a key); returns the token count. */
  read(keys: KeySet, text: string): number {
    // At most one token per character.
    if (this.words.length < text.length + 1) this.words = new Int32Array(Math.max(text.length + 1, this.words.length * 2));
    const words = this.words;
    let n = 0;
    forEachToken(text, (term) => { words[n++] = keys.unigram(term); }, (start, end) => { words[n++] = keys.unigramAscii(text, start, end); });
    return n;
  }

  /** Counts the key occurrences of the text last read and packs them with `slot`. */
  count(keys: KeySet, length: number, slot: number): void {
    if (this.counts.length < keys.idLimit) this.counts = new Int32Array(keys.idLimit);
    const { counts, touched } = this;
    forEachKey(keys, this.words, length, (id) => {
      if (counts[id]!++ === 0) touched.push(id);
    });
    for (const id of touched) {
      if (this.n === this.packed.length) {
        const grown = new Float64Array(this.packed.length * 2);
        grown.set(this.packed);
        this.packed = grown;
      }
      this.packed[this.n++] = (id * SLOTS + slot) * HITS + Math.min(counts[id]!, HITS - 1);
      counts[id] = 0;
    }
    touched.length = 0;
  }
}

const scratch = new Scratch();

/**
 * A work's postings from its prepared full-text rows (fts/rows.ts: the exact text the full-text
 * index holds), so lengths and hit counts are FTS5's own: a hit of an n-gram key is a place where
 * its words stand next to each other, as FTS5 counts a phrase. No n-gram spans two columns or
 * chapters.
 */
export function extractWork(rows: WorkRows, keys: KeySet): WorkPostings {
  const s = scratch;
  s.n = 0;
  let metaLength = 0;
  rows.meta.forEach((text, column) => {
    const n = s.read(keys, text);
    metaLength += n;
    s.count(keys, n, column);
  });
  const chapters: number[] = [];
  const positions: number[] = [];
  const sorted = rows.chapters.length > 1 ? [...rows.chapters].sort((a, b) => a[0] - b[0]) : rows.chapters;
  for (const [rowid, text] of sorted) {
    const position = rowid % CHAPTER_SLOTS;
    const n = s.read(keys, text);
    chapters.push(position, n);
    s.count(keys, n, META_COUNT + positions.length);
    positions.push(position);
  }
  const packed = s.packed.subarray(0, s.n).sort();
  return { id: rows.id, metaLength, chapters, ...encodeGroups(packed, positions) };
}

/** Entry bodies from packed hits sorted by key and slot. */
function encodeGroups(packed: Float64Array, positions: readonly number[]): Pick<WorkPostings, 'keys' | 'bodies' | 'ends'> {
  const w = scratch.out;
  w.length = 0;
  const keys: number[] = [];
  const ends: number[] = [];
  const meta = [0, 0, 0, 0, 0];
  const chapters: number[] = [];
  for (let i = 0; i < packed.length;) {
    const key = Math.floor(packed[i]! / (SLOTS * HITS));
    let hasMeta = false;
    meta.fill(0);
    chapters.length = 0;
    for (; i < packed.length; i++) {
      const v = packed[i]!;
      const k = Math.floor(v / (SLOTS * HITS));
      if (k !== key) break;
      const slot = Math.floor(v / HITS) % SLOTS;
      const hits = v % HITS;
      if (slot < META_COUNT) {
        meta[slot] = hits;
        hasMeta = true;
      } else chapters.push(positions[slot - META_COUNT]!, hits);
    }
    writeEntry(w, hasMeta ? meta : null, chapters);
    keys.push(key);
    ends.push(w.length);
  }
  return { keys: Uint32Array.from(keys), bodies: w.finish(), ends: Uint32Array.from(ends) };
}
