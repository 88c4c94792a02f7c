import { BLOCK_WORKS, META_COUNT } from './block-format.ts';
import type { KeyBlock } from './io.ts';

/** One key's postings decoded for a search: parallel typed arrays, works ascending. */
export interface DecodedKey {
  /** Works with an entry. */
  works: Uint32Array;
  /** Per work, where its metadata hits are in `meta` (META_COUNT numbers from there), or -1 for none. */
  metaAt: Int32Array;
  /** Hits per metadata column, `META_COUNT` per work that has any. */
  meta: Uint32Array;
  /** Work i's chapters are `chPos/chHits[chStart[i] .. chStart[i + 1])`. */
  chStart: Uint32Array;
  chPos: Uint16Array;
  chHits: Uint32Array;
  /** Rough size in bytes (for the decoded-postings cache). */
  bytes: number;
}

/**
 * Decodes a key's blocks (ascending, as stored) into one DecodedKey. The blocks' stored counts
 * size the arrays exactly; varints are read inline (this runs over every entry of the commonest
 * words, a hundred thousand works a key at 100 k works).
 */
export function decodeKey(rows: readonly KeyBlock[]): DecodedKey {
  let n = 0;
  let c = 0;
  for (const r of rows) {
    n += r.works;
    c += r.chapters;
  }
  const works = new Uint32Array(n);
  const metaAt = new Int32Array(n);
  const chStart = new Uint32Array(n + 1);
  const chPos = new Uint16Array(c);
  const chHits = new Uint32Array(c);
  let meta = new Uint32Array(64);
  let metaN = 0;
  let wi = 0;
  let ci = 0;
  for (const row of rows) {
    const b = row.data;
    let p = 0;
    const end = b.length;
    let work = row.block * BLOCK_WORKS - 1;
    while (p < end) {
      // workDelta
      let v = b[p++]!;
      if (v >= 128) {
        let x = v & 127;
        let s = 128;
        do { v = b[p++]!; x += (v & 127) * s; s *= 128; } while (v >= 128);
        v = x;
      }
      work += v;
      if (wi >= n || p > end) throw new RangeError('postings: a block holds more entries than its count says');
      works[wi] = work;
      chStart[wi] = ci;
      // head
      let head = b[p++]!;
      if (head >= 128) {
        let x = head & 127;
        let s = 128;
        do { v = b[p++]!; x += (v & 127) * s; s *= 128; } while (v >= 128);
        head = x;
      }
      if (head === 0) {
        metaAt[wi++] = -1;
        let h = b[p++]!;
        if (h >= 128) {
          let x = h & 127;
          let s = 128;
          do { v = b[p++]!; x += (v & 127) * s; s *= 128; } while (v >= 128);
          h = x;
        }
        chPos[ci] = 1;
        chHits[ci++] = h;
        continue;
      }
      if (head & 31) {
        if (metaN + META_COUNT > meta.length) {
          const grown = new Uint32Array(meta.length * 2);
          grown.set(meta);
          meta = grown;
        }
        metaAt[wi] = metaN;
        for (let col = 0; col < META_COUNT; col++) {
          let h = 0;
          if (head & (1 << col)) {
            h = b[p++]!;
            if (h >= 128) {
              let x = h & 127;
              let s = 128;
              do { v = b[p++]!; x += (v & 127) * s; s *= 128; } while (v >= 128);
              h = x;
            }
          }
          meta[metaN++] = h;
        }
      } else metaAt[wi] = -1;
      wi++;
      let pos = 0;
      for (let k = Math.floor(head / 32); k > 0; k--) {
        let d = b[p++]!;
        if (d >= 128) {
          let x = d & 127;
          let s = 128;
          do { v = b[p++]!; x += (v & 127) * s; s *= 128; } while (v >= 128);
          d = x;
        }
        let h = b[p++]!;
        if (h >= 128) {
          let x = h & 127;
          let s = 128;
          do { v = b[p++]!; x += (v & 127) * s; s *= 128; } while (v >= 128);
          h = x;
        }
        pos += d;
        chPos[ci] = pos;
        chHits[ci++] = h;
      }
    }
  }
  if (wi !== n || ci !== c) throw new RangeError(`postings: blocks hold ${wi} works and ${ci} chapters, their counts say ${n} and ${c}`);
  chStart[n] = ci;
  const m = meta.slice(0, metaN);
  return { works, metaAt, meta: m, chStart, chPos, chHits, bytes: works.byteLength * 3 + chPos.byteLength + chHits.byteLength + m.byteLength };
}
