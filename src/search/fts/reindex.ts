import { Worker } from 'node:worker_threads';
import type { Store } from '../../store/store.ts';
import { logger } from '../../log.ts';
import { loadWorkDocs } from './documents.ts';
import type { ReindexWorkerData, ReindexWorkerMessage } from './reindex-worker.ts';
import { workRows, type WorkRows } from './rows.ts';
import { createFtsTables, markFtsCurrent } from './schema.ts';

const log = logger('search');

/** Progress of a long operation: `done` of `total` works. */
export type ProgressFn = (done: number, total: number) => void;

/** Works per batch (one transaction each). */
const BATCH = 500;
/** Archives smaller than this are indexed on the main thread (a worker costs ≈ 0.3 s to start). */
const WORKER_MIN_WORKS = 2000;

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
export async function reindexAll(store: Store, onProgress?: ProgressFn, opts: { batch?: number; workerMinWorks?: number } = {}): Promise<{ works: number }> {
  const batchSize = opts.batch ?? BATCH;
  const sqlite = requireSqlite(store);
  createFtsTables(sqlite);
  const started = Date.now();
  sqlite.exec(`INSERT INTO search_works (search_works) VALUES ('delete-all')`);
  sqlite.exec(`INSERT INTO search_chapters (search_chapters) VALUES ('delete-all')`);
  const ids = sqlite.prepare('SELECT id FROM works ORDER BY id').pluck().all() as number[];
  const insertWork = sqlite.prepare('INSERT INTO search_works (rowid, title, creators, tags, summary, notes) VALUES (?, ?, ?, ?, ?, ?)');
  const insertChapter = sqlite.prepare('INSERT INTO search_chapters (rowid, text) VALUES (?, ?)');
  const write = sqlite.transaction((batch: WorkRows[]) => {
    for (const w of batch) {
      insertWork.run(w.id, ...w.meta);
      for (const [rowid, text] of w.chapters) insertChapter.run(rowid, text);
    }
  });
  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  let done = 0;
  const written = (batch: WorkRows[]) => {
    write(batch);
    done += batch.length;
    onProgress?.(Math.min(done, ids.length), ids.length);
  };
  try {
    onProgress?.(0, ids.length);
    const file = sqlite.memory ? '' : sqlite.name;
    if (file !== '' && ids.length >= (opts.workerMinWorks ?? WORKER_MIN_WORKS)) await viaWorker(file, ids, batchSize, written);
    else {
      for (let i = 0; i < ids.length; i += batchSize) written((await loadWorkDocs(store.db, ids.slice(i, i + batchSize))).map(workRows));
    }
  } finally {
    sqlite.pragma(`synchronous = ${synchronous}`);
  }
  markFtsCurrent(sqlite);
  sqlite.pragma('optimize');
  log.info({ works: ids.length, ms: Date.now() - started }, 'full-text index rebuilt');
  return { works: ids.length };
}

/** Reads and prepares in a worker thread, writing each batch here as it arrives. */
function viaWorker(file: string, ids: number[], batch: number, written: (batch: WorkRows[]) => void): Promise<void> {
  const data: ReindexWorkerData = { file, ids, batch, ahead: 2 };
  // The worker is TypeScript: it registers tsx's loader itself before importing its module
  // (workers inherit neither an in-process `register()` nor, on Node 20, `--import` hooks).
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./reindex-worker.ts', import.meta.url).href);
  const worker = new Worker(`import(${api}).then((m) => { m.register(); return import(${entry}); })`, { eval: true, workerData: data });
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (m: ReindexWorkerMessage) => {
      if (m.kind === 'error') return fail(new Error(`reindex worker: ${m.message}`));
      if (m.kind === 'done') {
        settled = true;
        void worker.terminate().then(() => resolve());
        return;
      }
      try {
        written(m.rows);
        worker.postMessage('next');
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
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
