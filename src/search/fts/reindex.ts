import { Worker } from 'node:worker_threads';
import type { Store } from '../../store/store.ts';
import { logger } from '../../log.ts';
import { loadWorkDocs } from './documents.ts';
import type { ReindexWorkerData, ReindexWorkerMessage } from './reindex-worker.ts';
import { workRows, type WorkRows } from './rows.ts';
import { createFtsTables, markFtsCurrent } from './schema.ts';
import type { PostingsWriter } from '../postings/io.ts';
import type { PostingsOptions } from '../postings/postings.ts';
import { PostingsRebuild } from '../postings/rebuild.ts';
import type { BuiltRows } from '../postings/builder.ts';

const log = logger('search');

/** Progress of a long operation: `done` of `total` works. */
export type ProgressFn = (done: number, total: number) => void;

/** Works per batch (one transaction each). */
const BATCH = 500;
/** Archives smaller than this are indexed on the main thread (a worker costs ≈ 0.3 s to start). */
const WORKER_MIN_WORKS = 2000;
/** Chapter positions the index holds (rows.ts skips the rest). */
const CHAPTER_LIMIT = 65535;

/**
 * Rebuilds both full-text tables from the works and chapters. The documents are the indexer's
 * (documents.ts → rows.ts), so a rebuild writes exactly what the write path writes.
 *
 * Speed (measured at 10 k works; docs/search.md): reading and preparing the documents costs about
 * as much CPU as FTS5's own tokenizing and writing, so for a file database a worker thread reads
 * and prepares batch n+1 on its own read-only connection while this thread writes batch n through
 * prepared statements (no Kysely round trips per row), in transactions of 500 works with
 * `synchronous = OFF` (a crash mid-rebuild leaves the version unmarked, so it is redone anyway).
 * Searches running meanwhile see a partly built index. Marks the index current at the end and
 * refreshes the planner statistics (`PRAGMA optimize`).
 */
export interface ReindexOptions {
  batch?: number;
  workerMinWorks?: number;
  /** Rebuild the FTS5 tables (default true; false: the postings alone). */
  fts?: boolean;
  /** Rebuild the frequency postings from the same rows (src/search/postings). */
  postings?: { writer: PostingsWriter; opts: PostingsOptions };
}

export async function reindexAll(store: Store, onProgress?: ProgressFn, opts: ReindexOptions = {}): Promise<{ works: number }> {
  const batchSize = opts.batch ?? BATCH;
  const fts = opts.fts ?? true;
  const sqlite = requireSqlite(store);
  createFtsTables(sqlite);
  const started = Date.now();
  if (fts) {
    sqlite.exec(`INSERT INTO search_works (search_works) VALUES ('delete-all')`);
    sqlite.exec(`INSERT INTO search_chapters (search_chapters) VALUES ('delete-all')`);
  }
  const ids = sqlite.prepare('SELECT id FROM works ORDER BY id').pluck().all() as number[];
  const post = opts.postings;
  const rebuild = post
    ? await PostingsRebuild.start(post.writer, {
      ids,
      chapters: sqlite.prepare(`SELECT count(*) FROM chapters WHERE position BETWEEN 1 AND ${CHAPTER_LIMIT}`).pluck().get() as number,
      load: async (some) => (await loadWorkDocs(store.db, some)).map(workRows),
    }, post.opts)
    : null;
  const insertWork = sqlite.prepare('INSERT INTO search_works (rowid, title, creators, tags, summary, notes) VALUES (?, ?, ?, ?, ?, ?)');
  const insertChapter = sqlite.prepare('INSERT INTO search_chapters (rowid, text) VALUES (?, ?)');
  const write = sqlite.transaction((batch: WorkRows[]) => {
    if (!fts) return;
    for (const w of batch) {
      insertWork.run(w.id, ...w.meta);
      for (const [rowid, text] of w.chapters) insertChapter.run(rowid, text);
    }
  });
  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  // The postings' rows of a block are written together, one per key: a larger page cache keeps
  // the B-tree pages they land on in memory (256 MiB, for the rebuild only).
  sqlite.pragma('cache_size = -262144');
  let done = 0;
  const written = async (batch: WorkRows[], postings: BuiltRows | null, count: number) => {
    write(batch);
    if (rebuild && post) {
      if (postings) rebuild.addBuilt(postings, count);
      else rebuild.add(batch);
      await store.db.transaction().execute(() => rebuild.flush(post.writer));
    }
    done += count;
    onProgress?.(Math.min(done, ids.length), ids.length);
  };
  try {
    onProgress?.(0, ids.length);
    const file = sqlite.memory ? '' : sqlite.name;
    if (file !== '' && ids.length >= (opts.workerMinWorks ?? WORKER_MIN_WORKS)) {
      await viaWorker({ file, ids, batch: batchSize, ahead: 2, rows: fts, keys: rebuild ? rebuild.keys.rows() : null }, written);
    } else {
      for (let i = 0; i < ids.length; i += batchSize) {
        const rows = (await loadWorkDocs(store.db, ids.slice(i, i + batchSize))).map(workRows);
        await written(rows, null, rows.length);
      }
    }
    if (rebuild && post) {
      const built = await store.db.transaction().execute(() => rebuild.finish(post.writer));
      log.info({ ...built, ms: Date.now() - started }, 'frequency postings rebuilt');
    }
  } finally {
    sqlite.pragma(`synchronous = ${synchronous}`);
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  if (fts) markFtsCurrent(sqlite);
  sqlite.pragma('optimize');
  log.info({ works: ids.length, ms: Date.now() - started }, 'full-text index rebuilt');
  return { works: ids.length };
}

/** Reads and prepares in a worker thread, writing each batch here as it arrives. */
function viaWorker(data: ReindexWorkerData, written: (batch: WorkRows[], postings: BuiltRows | null, count: number) => Promise<void>): Promise<void> {
  // The worker is TypeScript: it registers tsx's loader itself before importing its module
  // (workers inherit neither an in-process `register()` nor, on Node 20, `--import` hooks).
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./reindex-worker.ts', import.meta.url).href);
  const worker = new Worker(`import(${api}).then((m) => { m.register(); return import(${entry}); })`, { eval: true, workerData: data });
  return new Promise((resolve, reject) => {
    let settled = false;
    let chain = Promise.resolve();
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (m: ReindexWorkerMessage) => {
      if (m.kind === 'error') return fail(new Error(`reindex worker: ${m.message}`));
      if (m.kind === 'done') {
        void chain.then(() => {
          if (settled) return;
          settled = true;
          void worker.terminate().then(() => resolve());
        });
        return;
      }
      // Batches arrive in order; each is written (and the postings flushed) before the next.
      chain = chain.then(() => written(m.rows, m.postings, m.works)).then(() => worker.postMessage('next')).catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => { if (code !== 0) fail(new Error(`reindex worker exited with ${code}`)); });
  });
}

/** The raw SQLite handle: the search engine needs FTS5. */
export function requireSqlite(store: Store): NonNullable<Store['sqlite']> {
  if (!store.sqlite) throw new Error('the search engine needs SQLite (FTS5); this store has no SQLite handle');
  return store.sqlite;
}
