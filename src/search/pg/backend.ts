import { sql } from 'kysely';
import { logger } from '../../log.ts';
import type { Store } from '../../store/store.ts';
import type { FandomParents } from '../engine/load.ts';
import type { WorkIndex, WorkRow } from '../engine/work-index.ts';
import type { FtsStats } from '../fts/stats.ts';
import type { ProgressFn } from '../fts/reindex.ts';
import type { TextSearchOptions } from '../text-search.ts';
import type { LoadedIndex, TextBackend, TextEvaluator } from '../text-backend.ts';
import { PgIndexer } from './indexer.ts';
import { loadWorkDocs } from '../fts/documents.ts';
import { workRows } from '../fts/rows.ts';
import { PgPostingsIO } from '../postings/pg-io.ts';
import { PG_POSTINGS_DEFAULTS, Postings, type PostingsOptions } from '../postings/postings.ts';
import { PostingsRebuild } from '../postings/rebuild.ts';
import { loadIndexFrom, loadRowsFrom } from './load.ts';
import { corpusStats } from './queries.ts';
import { PG_TEXT_DEFAULTS, PgTextSearch, type PgTextOptions } from './text-search.ts';

const log = logger('search');

/** Format of the PostgreSQL text rows; a different stored value means: reindex. */
export const PG_TEXT_VERSION = 1;
const VERSION_KEY = 'search.pg_version';
/** Reindex batch (works per transaction). */
const BATCH = 250;
/** Statistics are re-read after this long even without a local write (other processes write too). */
const STATS_TTL_MS = 5000;

/**
 * The PostgreSQL text backend: tsvector rows with GIN indexes (tables from migration 0010,
 * rows from pg/indexer.ts), queries in pg/text-search.ts, and the engine loaded through Kysely
 * (pg/load.ts). See docs/search.md, "PostgreSQL".
 */
export class PgTextBackend implements TextBackend {
  readonly kind = 'postgres' as const;
  readonly indexer: PgIndexer;
  readonly postings: Postings;
  private stats: { at: number; value: Promise<{ chapters: FtsStats; works: FtsStats }> } | null = null;
  private stale: boolean | null = null;

  constructor(private readonly store: Store, private readonly tuning: Partial<typeof PG_TEXT_DEFAULTS> = {}, postingsOpts: Partial<PostingsOptions> = {}) {
    this.postings = new Postings(new PgPostingsIO(store.db), (db) => new PgPostingsIO(db), { ...PG_POSTINGS_DEFAULTS, ...postingsOpts });
    this.indexer = new PgIndexer(() => { this.stats = null; }, this.postings);
  }

  async needsReindex(): Promise<boolean> {
    if (this.stale !== null) return this.stale;
    const row = await this.store.db.selectFrom('settings').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
    if (row && Number(row.value) === PG_TEXT_VERSION) return (this.stale = false);
    const any = await this.store.db.selectFrom('works').select('id').limit(1).executeTakeFirst();
    if (!any) {
      await this.markCurrent();
      return (this.stale = false);
    }
    log.warn({ from: row?.value ?? null, to: PG_TEXT_VERSION }, 'PostgreSQL search index missing or in an old format; it will be rebuilt');
    return (this.stale = true);
  }

  /**
   * Rebuilds the tsvector rows (unless `fts` is false) and the frequency postings, in batches of
   * works, each batch's documents loaded once for both.
   */
  async reindex(onProgress?: ProgressFn, what: { fts: boolean } = { fts: true }): Promise<{ works: number }> {
    const started = Date.now();
    const { db } = this.store;
    if (what.fts) {
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM search_pg_chunks`.execute(trx);
        await sql`DELETE FROM search_pg_meta`.execute(trx);
        await sql`DELETE FROM search_pg_docs`.execute(trx);
      });
    }
    const ids = (await db.selectFrom('works').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    const source = { ids, chapters: await this.chapterCount(), load: async (some: readonly number[]) => (await loadWorkDocs(db, some)).map(workRows) };
    const rebuild = await db.transaction().execute((trx) => PostingsRebuild.start(new PgPostingsIO(trx), source, this.postings.opts));
    onProgress?.(0, ids.length);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await db.transaction().execute(async (trx) => {
        const docs = await loadWorkDocs(trx, batch);
        if (what.fts) await this.indexer.writeDocs(trx, batch, docs);
        rebuild.add(docs.map(workRows));
        await rebuild.flush(new PgPostingsIO(trx));
      });
      onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
    }
    const built = await db.transaction().execute((trx) => rebuild.finish(new PgPostingsIO(trx)));
    this.postings.reset();
    if (what.fts) {
      await this.markCurrent();
      this.stale = false;
    }
    log.info({ works: ids.length, keys: built.keys, fts: what.fts, ms: Date.now() - started }, 'full-text index rebuilt');
    return { works: ids.length };
  }

  async chapterCount(): Promise<number> {
    const row = await this.store.db.selectFrom('chapters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  evaluator(index: WorkIndex, opts: TextSearchOptions): TextEvaluator {
    const full: PgTextOptions = { ...opts, ...PG_TEXT_DEFAULTS, ...this.tuning };
    return new PgTextSearch(this.store.db, index, () => this.corpusStats(), full, opts.strategy === 'auto' ? this.postings : null);
  }

  loadIndex(): Promise<LoadedIndex> {
    return loadIndexFrom(this.store.db, (fn) => this.store.db.transaction().setIsolationLevel('repeatable read').execute(fn));
  }

  loadRows(index: WorkIndex, graph: FandomParents, ids: readonly number[]): Promise<WorkRow[]> {
    return loadRowsFrom(this.store.db, index, graph, ids);
  }

  private corpusStats(): Promise<{ chapters: FtsStats; works: FtsStats }> {
    const now = Date.now();
    if (!this.stats || now - this.stats.at > STATS_TTL_MS) this.stats = { at: now, value: corpusStats(this.store.db) };
    return this.stats.value;
  }

  private async markCurrent(): Promise<void> {
    await sql`INSERT INTO settings (key, value) VALUES (${VERSION_KEY}, ${String(PG_TEXT_VERSION)})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(this.store.db);
  }
}
