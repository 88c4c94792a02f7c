import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/schema.ts';
import type { WorkRows } from '../fts/rows.ts';
import { extractWork, type WorkPostings } from './extract.ts';
import type { PostingsWriter } from './io.ts';
import { KeySet } from './keys.ts';
import { POSTINGS_VERSION, type PostingsOptions } from './postings.ts';
import { selectKeys } from './select.ts';
import { PostingsBuilder, writeBuilt, type BuiltRows } from './builder.ts';

/** What a rebuild reads: every work id (ascending), the archive's chapter count, and a loader of prepared rows. */
export interface RebuildSource {
  ids: readonly number[];
  chapters: number;
  load(ids: readonly number[]): Promise<WorkRows[]>;
}

/** Chapters to sample: enough for about 30 hits of the lowest threshold, within [sampleChapters, 20,000]. */
export function sampleSize(chapters: number, opts: PostingsOptions): number {
  const lowest = Math.max(1, Math.min(opts.minRows, opts.minPhraseRows));
  return Math.round(Math.min(20_000, Math.max(opts.sampleChapters, (30 * chapters) / lowest)));
}

/** Evenly spaced works holding about `chapters` chapters (all works when the archive is smaller). */
export function sampleIds(ids: readonly number[], totalChapters: number, chapters: number): number[] {
  if (ids.length === 0) return [];
  const perWork = Math.max(1, totalChapters / ids.length);
  const want = Math.ceil(chapters / perWork);
  if (want >= ids.length) return [...ids];
  const step = ids.length / want;
  const out: number[] = [];
  for (let i = 0; i < want; i++) out.push(ids[Math.floor(i * step)]!);
  return out;
}

/**
 * One rebuild of the postings: `start` empties the tables and chooses the keys from a sample;
 * then the caller feeds every work's rows in ascending id order (`add`, usually beside writing the
 * full-text rows of the same batch), writing what is complete now and then (`flush`, in a
 * transaction of its choice), and `finish` writes the rest and marks the postings built.
 */
export class PostingsRebuild {
  private readonly builder = new PostingsBuilder();
  private added = 0;

  private constructor(readonly keys: KeySet, private readonly chapters: number, private readonly opts: PostingsOptions) {}

  static async start(w: PostingsWriter, src: RebuildSource, opts: PostingsOptions): Promise<PostingsRebuild> {
    await w.lock();
    await w.clear();
    const sample = await src.load(sampleIds(src.ids, src.chapters, sampleSize(src.chapters, opts)));
    const rows = src.chapters >= opts.minRows || src.ids.length >= opts.minRows
      ? selectKeys(sample, { ...opts, chapters: src.chapters, works: src.ids.length })
      : [];
    await w.putKeys(rows);
    return new PostingsRebuild(KeySet.from(rows), src.chapters, opts);
  }

  /** Adds works (ids ascending across calls). */
  add(rows: readonly WorkRows[]): void {
    this.addExtracted(rows.map((r) => extractWork(r, this.keys)));
  }

  /** Adds works already extracted with this rebuild's keys (in a worker thread). */
  addExtracted(postings: readonly WorkPostings[]): void {
    for (const p of postings) this.builder.add(p);
    this.added += postings.length;
  }

  /** Adds the rows of `works` works built elsewhere (a worker thread ran its own PostingsBuilder over them, in order). */
  addBuilt(rows: BuiltRows, works: number): void {
    this.built.push(rows);
    this.added += works;
  }

  private built: BuiltRows[] = [];

  /** Writes the blocks already complete. */
  async flush(w: PostingsWriter): Promise<void> {
    for (const rows of this.built.splice(0)) await writeBuilt(w, rows);
    await this.builder.flush(w);
  }

  /** Writes everything left and marks the postings built. */
  async finish(w: PostingsWriter): Promise<{ works: number; keys: number }> {
    await this.flush(w);
    await this.builder.flush(w, true);
    await w.commitStaged();
    const { minRows, phraseWordRows, minPhraseRows } = this.opts;
    await w.setState({ version: POSTINGS_VERSION, chapters: this.chapters, minRows, phraseWordRows, minPhraseRows, built: randomUUID() });
    return { works: this.added, keys: this.keys.size };
  }
}

/** A rebuild through `db` alone, batch by batch (PostgreSQL; SQLite's runs beside its FTS5 rebuild). */
export async function rebuildAll(db: Db, writerFor: (db: Db) => PostingsWriter, src: RebuildSource, opts: PostingsOptions, onProgress?: (done: number, total: number) => void, batch = 500): Promise<{ works: number; keys: number }> {
  const run = await db.transaction().execute((trx) => PostingsRebuild.start(writerFor(trx), src, opts));
  for (let i = 0; i < src.ids.length; i += batch) {
    const rows = await src.load(src.ids.slice(i, i + batch));
    run.add(rows);
    await db.transaction().execute((trx) => run.flush(writerFor(trx)));
    onProgress?.(Math.min(i + batch, src.ids.length), src.ids.length);
  }
  return db.transaction().execute((trx) => run.finish(writerFor(trx)));
}
