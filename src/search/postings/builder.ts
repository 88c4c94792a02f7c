import { ByteReader, ByteWriter } from './bytes.ts';
import { BLOCK_WORKS, blockOf, lengthsBody } from './block-format.ts';
import type { WorkPostings } from './extract.ts';
import type { PostingRow, PostingsWriter } from './io.ts';
import { encodeKeyList } from './updater.ts';

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
