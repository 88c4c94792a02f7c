import { reindexAll } from '../../src/search/fts/reindex.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The full-text index belongs to the search engine (src/search), not to this generator: once the
 * rows are loaded, the engine's own `reindexAll` builds it, exactly as `quire reindex` would.
 */
export async function rebuildSearchIndex(store: Store, onProgress?: (done: number, total: number) => void): Promise<boolean> {
  await reindexAll(store, onProgress);
  return true;
}
