import { ByteReader, ByteWriter } from './bytes.ts';
import { BLOCK_WORKS, type BlockCounts } from './block-format.ts';

/** Skips one lengths body. */
export function skipLengthsBody(r: ByteReader): void {
  r.varint();
  for (let n = r.varint(); n > 0; n--) {
    r.varint();
    r.varint();
  }
}

/**
 * Replaces `work`'s entry in a block's bytes with `body` (inserting it, or with null removing it),
 * without decoding the other entries: the bytes before it are kept, the next entry's work delta
 * is rewritten, the rest is kept. Returns the new bytes and the entry's old body (null: none).
 * Most live writes are a new work at the end of the last block: an append.
 */
export function spliceEntry(block: number, data: Uint8Array | undefined, work: number, body: Uint8Array | null, skip: (r: ByteReader) => void): { data: Uint8Array; old: Uint8Array | null } {
  const buf = data ?? new Uint8Array(0);
  const r = new ByteReader(buf);
  let prev = block * BLOCK_WORKS - 1;
  let start = 0;
  let cur = -1;
  let bodyStart = 0;
  while (!r.done) {
    start = r.pos;
    cur = prev + r.varint();
    bodyStart = r.pos;
    if (cur >= work) break;
    skip(r);
    prev = cur;
    start = r.pos;
    cur = -1;
  }
  // [0, start): entries before `work`; at `start`: the entry of `cur` (≥ work) or the end.
  let old: Uint8Array | null = null;
  let restStart = start;
  if (cur === work) {
    skip(r);
    old = buf.subarray(bodyStart, r.pos);
    restStart = r.pos;
  }
  const w = new ByteWriter(buf.length + (body?.length ?? 0) + 8);
  w.range(buf, 0, start);
  const last = body ? work : prev;
  if (body) {
    w.varint(work - prev);
    w.bytes(body);
  }
  if (restStart < buf.length) {
    const next = new ByteReader(buf);
    next.pos = restStart;
    const nextWork = (cur === work ? work : prev) + next.varint();
    w.varint(nextWork - last);
    w.range(buf, next.pos, buf.length);
  }
  return { data: w.finish(), old };
}

/** Works, chapters with hits and metadata presence one entry body counts for. */
export function bodyCounts(body: Uint8Array | null): BlockCounts {
  if (!body) return { works: 0, chapters: 0, meta: 0 };
  const head = new ByteReader(body).varint();
  return head === 0 ? { works: 1, chapters: 1, meta: 0 } : { works: 1, chapters: Math.floor(head / 32), meta: head & 31 ? 1 : 0 };
}
