import { ByteReader, ByteWriter } from './bytes.ts';
import { BLOCK_WORKS, blockOf, bodyCounts, lengthsBody, skipBody, skipLengthsBody, spliceEntry } from './block-format.ts';
import { bodyOf, type WorkPostings } from './extract.ts';
import { pairKey, type PostingRow, type PostingsWriter } from './io.ts';

/** A work's key ids as stored in `search_work_keys`: ascending, varint deltas. */
export function encodeKeyList(ids: Iterable<number> | Uint32Array): Uint8Array {
  const sorted = ids instanceof Uint32Array && isAscending(ids) ? ids : [...ids].sort((a, b) => a - b);
  const w = new ByteWriter(sorted.length * 2 + 4);
  let prev = 0;
  for (const id of sorted) {
    w.varint(id - prev);
    prev = id;
  }
  return w.finish();
}

function isAscending(a: Uint32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! <= a[i - 1]!) return false;
  return true;
}

export function decodeKeyList(data: Uint8Array): number[] {
  const r = new ByteReader(data);
  const out: number[] = [];
  let id = 0;
  while (!r.done) out.push((id += r.varint()));
  return out;
}

/**
 * Rewrites the postings of some works inside the caller's write transaction: `written` are the
 * works' new postings (extract.ts), `removed` works that are gone. Every (key, block) row that
 * holds or will hold one of them is read, spliced and written back once; so are the blocks'
 * lengths and the works' key lists. Returns the ids of the keys whose rows changed.
 */
export async function updatePostings(w: PostingsWriter, written: readonly WorkPostings[], removed: readonly number[]): Promise<Set<number>> {
  await w.lock();
  const ids = [...new Set([...written.map((p) => p.id), ...removed])];
  if (ids.length === 0) return new Set();
  const old = await w.workKeys(ids);
  const byId = new Map(written.map((p) => [p.id, p]));
  // (key, block) → the works of this batch that were or will be in that row.
  const touched = new Map<string, { key: number; block: number; works: Set<number> }>();
  const note = (key: number, work: number) => {
    const block = blockOf(work);
    const k = pairKey(key, block);
    let t = touched.get(k);
    if (!t) touched.set(k, (t = { key, block, works: new Set() }));
    t.works.add(work);
  };
  for (const id of ids) {
    const before = old.get(id);
    if (before) for (const key of decodeKeyList(before)) note(key, id);
    for (const key of byId.get(id)?.keys ?? []) note(key, id);
  }
  const pairs = [...touched.values()].sort((a, b) => a.key - b.key || a.block - b.block);
  const stored = await w.postings(pairs);
  const rows: PostingRow[] = [];
  for (const t of pairs) {
    const got = stored.get(pairKey(t.key, t.block));
    let data = got?.data;
    const counts = { works: got?.works ?? 0, chapters: got?.chapters ?? 0, meta: got?.meta ?? 0 };
    for (const work of t.works) {
      const p = byId.get(work);
      const body = (p ? bodyOf(p, t.key) : undefined) ?? null;
      const spliced = spliceEntry(t.block, data, work, body, skipBody);
      data = spliced.data;
      const [minus, plus] = [bodyCounts(spliced.old), bodyCounts(body)];
      counts.works += plus.works - minus.works;
      counts.chapters += plus.chapters - minus.chapters;
      counts.meta += plus.meta - minus.meta;
    }
    rows.push({ key: t.key, block: t.block, ...counts, data: data! });
  }
  await w.putPostings(rows);
  await writeLengths(w, ids, byId);
  await w.putWorkKeys(ids.map((id) => {
    const p = byId.get(id);
    return { work: id, data: p ? encodeKeyList(p.keys) : null };
  }));
  return new Set(pairs.map((p) => p.key));
}

async function writeLengths(w: PostingsWriter, ids: readonly number[], byId: ReadonlyMap<number, WorkPostings>): Promise<void> {
  const blocks = [...new Set(ids.map(blockOf))].sort((a, b) => a - b);
  const stored = await w.lengthBlocks(blocks);
  const rows = blocks.map((block) => {
    const mine = ids.filter((id) => blockOf(id) === block);
    const fresh = mine.flatMap((id) => {
      const p = byId.get(id);
      return p ? [{ work: id, body: lengthsBody(p.metaLength, p.chapters) }] : [];
    }).sort((a, b) => a.work - b.work);
    let data = stored.get(block);
    for (const work of mine) data = spliceEntry(block, data, work, fresh.find((f) => f.work === work)?.body ?? null, skipLengthsBody).data;
    return { block, data: data! };
  });
  await w.putLengths(rows);
}

/**
 * Writes the postings of a whole archive from empty, works in ascending id order (a rebuild):
 * each key's entries for the current block are appended to one buffer as the works come, and a
 * block's rows are written once, when the works move past it, with no reads.
 */
export class PostingsBuilder {
  private block = -1;
  private last = -1;
  private readonly writers: (ByteWriter | undefined)[] = [];
  private prev = new Float64Array(0);
  private counts = new Uint32Array(0);
  private touched: number[] = [];
  private lengths = new ByteWriter(1 << 12);
  private lastLength = -1;
  private workKeys: { work: number; data: Uint8Array }[] = [];
  private pending: PostingRow[] = [];
  private lengthRows: { block: number; data: Uint8Array }[] = [];

  /** Adds a work; throws when ids do not ascend. */
  add(p: WorkPostings): void {
    if (p.id <= this.last) throw new RangeError(`postings builder: work ${p.id} is not after work ${this.last}`);
    this.last = p.id;
    const block = blockOf(p.id);
    if (block !== this.block) {
      this.close();
      this.block = block;
      this.lastLength = block * BLOCK_WORKS - 1;
    }
    const base = block * BLOCK_WORKS - 1;
    for (let i = 0; i < p.keys.length; i++) {
      const key = p.keys[i]!;
      if (key >= this.prev.length) this.grow(key);
      let w = this.writers[key];
      if (this.prev[key] === -2) {
        if (!w) this.writers[key] = w = new ByteWriter(64);
        w.length = 0;
        this.prev[key] = base;
        this.counts.fill(0, key * 3, key * 3 + 3);
        this.touched.push(key);
      }
      const from = i > 0 ? p.ends[i - 1]! : 0;
      w!.varint(p.id - this.prev[key]!);
      w!.range(p.bodies, from, p.ends[i]!);
      this.prev[key] = p.id;
      const b0 = p.bodies[from]!;
      const head = b0 < 128 ? b0 : new ByteReader(p.bodies.subarray(from)).varint();
      this.counts[key * 3]!++;
      this.counts[key * 3 + 1]! += head === 0 ? 1 : Math.floor(head / 32);
      if (head & 31) this.counts[key * 3 + 2]!++;
    }
    this.lengths.varint(p.id - this.lastLength);
    this.lengths.bytes(lengthsBody(p.metaLength, p.chapters));
    this.lastLength = p.id;
    this.workKeys.push({ work: p.id, data: encodeKeyList(p.keys) });
  }

  private grow(key: number): void {
    const size = Math.max(key + 1, this.prev.length * 2, 1024);
    const prev = new Float64Array(size).fill(-2);
    prev.set(this.prev);
    this.prev = prev;
    const counts = new Uint32Array(size * 3);
    counts.set(this.counts);
    this.counts = counts;
  }

  /** Moves the current block's rows to the pending writes. */
  private close(): void {
    if (this.block < 0) return;
    for (const key of this.touched.sort((a, b) => a - b)) {
      this.pending.push({ key, block: this.block, works: this.counts[key * 3]!, chapters: this.counts[key * 3 + 1]!, meta: this.counts[key * 3 + 2]!, data: this.writers[key]!.finish() });
      this.prev[key] = -2;
    }
    this.touched = [];
    if (this.lengths.length > 0) this.lengthRows.push({ block: this.block, data: this.lengths.finish() });
    this.lengths.length = 0;
  }

  /** Writes what is complete (everything, with `all`) through `w`. */
  async flush(w: PostingsWriter, all = false): Promise<void> {
    await writeBuilt(w, this.take(all));
  }

  /** Hands over what is complete (everything, with `all`), to be written elsewhere (`writeBuilt`). */
  take(all = false): BuiltRows {
    if (all) {
      this.close();
      this.block = -1;
    }
    const out = { postings: this.pending, lengths: this.lengthRows, workKeys: this.workKeys };
    this.pending = [];
    this.lengthRows = [];
    this.workKeys = [];
    return out;
  }
}

/** Rows a builder completed (plain data: they may come from a worker thread). */
export interface BuiltRows {
  postings: PostingRow[];
  lengths: { block: number; data: Uint8Array }[];
  workKeys: { work: number; data: Uint8Array }[];
}

/** Writes a builder's completed rows through `w` (postings to the staging table: a rebuild's). */
export async function writeBuilt(w: PostingsWriter, rows: BuiltRows): Promise<void> {
  if (rows.postings.length > 0) await w.putStaged(rows.postings);
  if (rows.lengths.length > 0) await w.putLengths(rows.lengths);
  if (rows.workKeys.length > 0) await w.putWorkKeys(rows.workKeys);
}
