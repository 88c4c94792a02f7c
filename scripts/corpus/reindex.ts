import { SqliteTextBackend } from '../../src/search/sqlite-backend.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The search index belongs to the search engine (src/search), not to this generator: once the
 * rows are loaded, the engine's own SQLite backend builds the FTS5 tables and the frequency
 * postings, exactly as `quire reindex` would (so the first start does not build the postings).
 */
export async function rebuildSearchIndex(store: Store, onProgress?: (done: number, total: number) => void): Promise<boolean> {
  await new SqliteTextBackend(store).reindex(onProgress);
  return true;
}
