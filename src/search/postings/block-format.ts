import { ByteReader, ByteWriter } from './bytes.ts';
import type { KeyEntry } from './extract.ts';

/**
 * The stored form of the frequency postings: a key's entries for the works of one block of
 * 1,024 consecutive work ids, as varints (bytes.ts), works ascending.
 *
 * Postings entry:  workDelta · head · hits per metadata column in head's mask · (positionDelta · hits) per chapter
 *   head = metaMask | chapters << 5  (metaMask bit c: column c of title, creators, tags, summary, notes has hits);
 *   head 0 (otherwise impossible: an entry has hits) is the commonest case, a one-shot's text
 *   only: chapter 1 and no metadata, followed by the hits alone.
 * Lengths entry:   workDelta · metaLength · chapters · (positionDelta · tokens) per chapter
 *
 * workDelta is the id minus the previous entry's (the first: minus the block's first id, plus one);
 * positionDelta the chapter position minus the previous one's (the first: the position itself).
 */

export const BLOCK_SHIFT = 10;
/** Works per block. */
export const BLOCK_WORKS = 1 << BLOCK_SHIFT;
export const META_COUNT = 5;

export function blockOf(work: number): number {
  return Math.floor(work / BLOCK_WORKS);
}

/** One work's entry, as stored after its workDelta: what the updater splices without decoding. */
export interface RawEntry {
  work: number;
  body: Uint8Array;
}

/** The stored bytes of one entry after its workDelta. */
export function entryBody(e: KeyEntry): Uint8Array {
  const w = new ByteWriter(16 + e.chapters.length * 2);
  writeEntry(w, e.meta, e.chapters);
  return w.finish();
}

/** Writes an entry body: metadata hits per column (or null), `[position, hits, …]` ascending. */
export function writeEntry(w: ByteWriter, meta: ArrayLike<number> | null, chapters: ArrayLike<number>): void {
  if (meta === null && chapters.length === 2 && chapters[0] === 1) {
    w.varint(0);
    w.varint(chapters[1]!);
    return;
  }
  const e = { meta, chapters };
  let mask = 0;
  if (e.meta) for (let c = 0; c < META_COUNT; c++) if (e.meta[c]! > 0) mask |= 1 << c;
  w.varint(mask | ((e.chapters.length / 2) << 5));
  if (e.meta) for (let c = 0; c < META_COUNT; c++) if (e.meta[c]! > 0) w.varint(e.meta[c]!);
  let prev = 0;
  for (let i = 0; i < e.chapters.length; i += 2) {
    w.varint(e.chapters[i]! - prev);
    w.varint(e.chapters[i + 1]!);
    prev = e.chapters[i]!;
  }
}

/** A block's bytes from its entries (works ascending and distinct, all in `block`). */
export function encodeEntries(block: number, entries: readonly RawEntry[]): Uint8Array {
  const w = new ByteWriter(entries.reduce((s, e) => s + e.body.length + 3, 0));
  let prev = block * BLOCK_WORKS - 1;
  for (const e of entries) {
    if (e.work <= prev || blockOf(e.work) !== block) throw new RangeError(`postings block ${block}: work ${e.work} out of order or out of the block`);
    w.varint(e.work - prev);
    w.bytes(e.body);
    prev = e.work;
  }
  return w.finish();
}

/** Skips one entry's body; returns the reader positioned after it. */
export function skipBody(r: ByteReader): void {
  const head = r.varint();
  if (head === 0) {
    r.varint();
    return;
  }
  for (let c = 0; c < META_COUNT; c++) if (head & (1 << c)) r.varint();
  for (let n = Math.floor(head / 32); n > 0; n--) {
    r.varint();
    r.varint();
  }
}

/** A block's entries, each body as a view into `data`. */
export function decodeEntries(block: number, data: Uint8Array): RawEntry[] {
  const r = new ByteReader(data);
  const out: RawEntry[] = [];
  let work = block * BLOCK_WORKS - 1;
  while (!r.done) {
    work += r.varint();
    const start = r.pos;
    skipBody(r);
    out.push({ work, body: data.subarray(start, r.pos) });
  }
  return out;
}

/** The counts stored beside a block: works with an entry, chapters with hits, works with metadata hits. */
export interface BlockCounts {
  works: number;
  chapters: number;
  meta: number;
}

export function countEntries(entries: readonly RawEntry[]): BlockCounts {
  const out = { works: entries.length, chapters: 0, meta: 0 };
  for (const e of entries) {
    const head = new ByteReader(e.body).varint();
    out.chapters += head === 0 ? 1 : Math.floor(head / 32);
    if (head & 31) out.meta++;
  }
  return out;
}

/** A work's lengths entry body (after its workDelta). */
export function lengthsBody(metaLength: number, chapters: readonly number[]): Uint8Array {
  const w = new ByteWriter(8 + chapters.length * 2);
  w.varint(metaLength);
  w.varint(chapters.length / 2);
  let prev = 0;
  for (let i = 0; i < chapters.length; i += 2) {
    w.varint(chapters[i]! - prev);
    w.varint(chapters[i + 1]!);
    prev = chapters[i]!;
  }
  return w.finish();
}

/** The lengths entries of a block, each body as a view into `data`. */
export function decodeLengthEntries(block: number, data: Uint8Array): RawEntry[] {
  const r = new ByteReader(data);
  const out: RawEntry[] = [];
  let work = block * BLOCK_WORKS - 1;
  while (!r.done) {
    work += r.varint();
    const start = r.pos;
    r.varint();
    for (let n = r.varint(); n > 0; n--) {
      r.varint();
      r.varint();
    }
    out.push({ work, body: data.subarray(start, r.pos) });
  }
  return out;
}

/** A lengths body read back: metadata length and `[position, tokens, …]`. */
export function readLengths(body: Uint8Array): { metaLength: number; chapters: number[] } {
  const r = new ByteReader(body);
  const metaLength = r.varint();
  const chapters: number[] = [];
  let pos = 0;
  for (let n = r.varint(); n > 0; n--) {
    pos += r.varint();
    chapters.push(pos, r.varint());
  }
  return { metaLength, chapters };
}

/** An entry body read back (tests and the updater's checks). */
export function readEntry(body: Uint8Array): KeyEntry {
  const r = new ByteReader(body);
  const head = r.varint();
  if (head === 0) return { meta: null, chapters: [1, r.varint()] };
  let meta: number[] | null = null;
  if (head & 31) {
    meta = [0, 0, 0, 0, 0];
    for (let c = 0; c < META_COUNT; c++) if (head & (1 << c)) meta[c] = r.varint();
  }
  const chapters: number[] = [];
  let pos = 0;
  for (let n = Math.floor(head / 32); n > 0; n--) {
    pos += r.varint();
    chapters.push(pos, r.varint());
  }
  return { meta, chapters };
}
