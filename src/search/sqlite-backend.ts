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
import { Postings, POSTINGS_DEFAULTS, type PostingsOptions } from './postings/postings.ts';
import { SqlitePostingsIO } from './postings/sqlite-io.ts';
import { TextSearch, type TextSearchOptions } from './text-search.ts';
import type { LoadedIndex, TextBackend, TextEvaluator } from './text-backend.ts';

/**
 * The SQLite text backend: a thin adapter over the FTS5 code (src/search/fts, text-search.ts),
 * the frequency postings (src/search/postings, on raw statements) and the raw better-sqlite3
 * engine loaders (engine/bulk-load.ts, engine/load.ts). The FTS tables are created (or recreated
 * after a format change) when the backend is constructed, so writes made before the first search
 * are indexed.
 */
export class SqliteTextBackend implements TextBackend {
  readonly kind = 'sqlite' as const;
  readonly indexer: FtsIndexer;
  readonly postings: Postings;
  private readonly sqlite: SQLite.Database;
  private readonly io: SqlitePostingsIO;
  private stale: boolean;

  constructor(private readonly store: Store, postingsOpts: Partial<PostingsOptions> = {}) {
    this.sqlite = requireSqlite(store);
    this.stale = ensureFtsTables(this.sqlite).needsReindex;
    this.io = new SqlitePostingsIO(this.sqlite);
    this.postings = new Postings(this.io, () => this.io, { ...POSTINGS_DEFAULTS, ...postingsOpts });
    this.indexer = new FtsIndexer(this.postings);
  }

  async needsReindex(): Promise<boolean> {
    return this.stale;
  }

  async reindex(onProgress?: ProgressFn, what: { fts: boolean } = { fts: true }): Promise<{ works: number }> {
    const done = await reindexAll(this.store, onProgress, { fts: what.fts, postings: { writer: this.io, opts: this.postings.opts } });
    this.postings.reset();
    if (what.fts) this.stale = false;
    return done;
  }

  async chapterCount(): Promise<number> {
    return this.sqlite.prepare('SELECT count(*) FROM chapters').pluck().get() as number;
  }

  evaluator(index: WorkIndex, opts: TextSearchOptions): TextEvaluator {
    return new TextSearch(this.sqlite, index, (ids) => loadWorkDocs(this.store.db, ids), opts, opts.strategy === 'auto' ? this.postings : null);
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
