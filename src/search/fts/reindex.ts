import type { Store } from '../../store/store.ts';
import { logger } from '../../log.ts';
import { FtsIndexer } from './indexer.ts';
import { createFtsTables, markFtsCurrent } from './schema.ts';

const log = logger('search');

/** Progress of a long operation: `done` of `total` works. */
export type ProgressFn = (done: number, total: number) => void;

const BATCH = 250;

/**
 * Rebuilds both full-text tables from the works and chapters, in batches of 250 works, each batch
 * one transaction through the same indexer the writes use. Searches running meanwhile see a
 * partly built index. Marks the index current at the end.
 */
export async function reindexAll(store: Store, onProgress?: ProgressFn): Promise<{ works: number }> {
  const sqlite = requireSqlite(store);
  createFtsTables(sqlite);
  const started = Date.now();
  sqlite.exec(`INSERT INTO search_works (search_works) VALUES ('delete-all')`);
  sqlite.exec(`INSERT INTO search_chapters (search_chapters) VALUES ('delete-all')`);
  const ids = sqlite.prepare('SELECT id FROM works ORDER BY id').pluck().all() as number[];
  const indexer = new FtsIndexer();
  onProgress?.(0, ids.length);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    await store.db.transaction().execute((trx) => indexer.indexWorks(trx, batch));
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  markFtsCurrent(sqlite);
  log.info({ works: ids.length, ms: Date.now() - started }, 'full-text index rebuilt');
  return { works: ids.length };
}

/** The raw SQLite handle: the search engine needs FTS5. */
export function requireSqlite(store: Store): NonNullable<Store['sqlite']> {
  if (!store.sqlite) throw new Error('the search engine needs SQLite (FTS5); this store has no SQLite handle');
  return store.sqlite;
}
