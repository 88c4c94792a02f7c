import type SQLite from 'better-sqlite3';
import type { Store } from '../store/store.ts';
import { loadIndex } from './engine/bulk-load.ts';
import { loadRows, type FandomParents } from './engine/load.ts';
import { refreshMemberships } from './engine/memberships.ts';
import type { WorkIndex, WorkRow } from './engine/work-index.ts';
import { loadWorkDocs } from './fts/documents.ts';
import { FtsIndexer } from './fts/indexer.ts';
import { reindexAll, requireSqlite, type ProgressFn } from './fts/reindex.ts';
import { ensureFtsTables } from './fts/schema.ts';
import { TextSearch, type TextSearchOptions } from './text-search.ts';
import type { LoadedIndex, TextBackend, TextEvaluator } from './text-backend.ts';

/**
 * The SQLite text backend: a thin adapter over the FTS5 code (src/search/fts, text-search.ts)
 * and the raw better-sqlite3 engine loaders (engine/bulk-load.ts, engine/load.ts). The FTS tables
 * are created (or recreated after a format change) when the backend is constructed, so writes
 * made before the first search are indexed.
 */
export class SqliteTextBackend implements TextBackend {
  readonly kind = 'sqlite' as const;
  readonly indexer = new FtsIndexer();
  private readonly sqlite: SQLite.Database;
  private stale: boolean;

  constructor(private readonly store: Store) {
    this.sqlite = requireSqlite(store);
    this.stale = ensureFtsTables(this.sqlite).needsReindex;
  }

  async needsReindex(): Promise<boolean> {
    return this.stale;
  }

  async reindex(onProgress?: ProgressFn): Promise<{ works: number }> {
    const done = await reindexAll(this.store, onProgress);
    this.stale = false;
    return done;
  }

  evaluator(index: WorkIndex, opts: TextSearchOptions): TextEvaluator {
    return new TextSearch(this.sqlite, index, (ids) => loadWorkDocs(this.store.db, ids), opts);
  }

  loadIndex(): LoadedIndex {
    return loadIndex(this.sqlite);
  }

  loadRows(index: WorkIndex, graph: FandomParents, ids: readonly number[]): WorkRow[] {
    const rows = loadRows(this.sqlite, index, graph, ids);
    refreshMemberships(this.sqlite, index.members, rows.map((r) => r.id));
    return rows;
  }
}
