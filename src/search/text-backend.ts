import type { FandomParents } from './engine/load.ts';
import type { Bitmap, WorkIndex, WorkRow } from './engine/work-index.ts';
import type { ProgressFn } from './fts/reindex.ts';
import type { TextNode } from './text/ast.ts';
import type { TextOutcome, TextSearchOptions } from './text-search.ts';
import type { TransactionalIndexer } from '../works/work.events.ts';
import type { Postings } from './postings/postings.ts';

/**
 * What `SearchService` needs from the database behind it: the full-text index (written inside
 * each work's write transaction, rebuilt by `quire reindex`, asked per query) and the rows the
 * in-process engine is built from. Two implementations: SQLite (FTS5 and raw better-sqlite3
 * reads; sqlite-backend.ts) and PostgreSQL (tsvector and GIN, Kysely reads; pg/backend.ts).
 * Both answer the same planned query (text/ast.ts) with the same TextOutcome, so the engine,
 * facets, sorting and paging above them are shared.
 */
export interface TextEvaluator {
  /** The works of `universe` matching `root`, with relevance when `scored` and best chapters. */
  evaluate(root: TextNode, universe: Bitmap, scored: boolean): Promise<TextOutcome>;
}

/** The engine as loaded from the database: the index and the fandom graph crossovers need. */
export interface LoadedIndex {
  index: WorkIndex;
  graph: FandomParents;
}

export interface TextBackend {
  readonly kind: 'sqlite' | 'postgres';
  /** Registered with `events.addIndexer`: writes a work's text rows inside its write transaction. */
  readonly indexer: TransactionalIndexer;
  /** Whether the text index must be rebuilt before searching (format changed, or never built). */
  needsReindex(): Promise<boolean>;
  /**
   * Rebuilds the whole text index from the works, reporting progress (`quire reindex`): the
   * database's own text index (unless `fts` is false) and the frequency postings.
   */
  reindex(onProgress?: ProgressFn, what?: { fts: boolean }): Promise<{ works: number }>;
  /** The frequency postings of common words and phrases (src/search/postings). */
  readonly postings: Postings;
  /** Chapters in the archive (whether the postings should choose their keys again). */
  chapterCount(): Promise<number>;
  /** A text evaluator for one search over `index`. */
  evaluator(index: WorkIndex, opts: TextSearchOptions): TextEvaluator;
  /**
   * Builds the in-process engine from the database. SQLite answers synchronously (a plain value),
   * so a caller that does not await still sees the engine loaded; PostgreSQL answers a promise.
   */
  loadIndex(): LoadedIndex | Promise<LoadedIndex>;
  /**
   * Re-reads works for a live update: their engine rows (absent when the work is gone) and
   * their pen names and series in `index.members`.
   */
  loadRows(index: WorkIndex, graph: FandomParents, ids: readonly number[]): WorkRow[] | Promise<WorkRow[]>;
}
