import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../migrate.ts';

/**
 * On SQLite, a covering index of the columns the search engine reads of every work at start-up
 * (src/search/engine/bulk-load.ts): the read walks this index (59 MB at 1 M works) instead
 * of the works table with its titles and summaries (359 MB), which matters when the
 * database is not in the page cache (a first start, or after other large files pushed it out).
 * The index holds the hit, kudos, comment and bookmark counts too, so a counter update rewrites
 * its entry as well as the row. PostgreSQL reads works through its own loader
 * (src/search/pg/load.ts) and gets no such index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`CREATE INDEX works_engine_scan ON works (id, status, restricted, hidden, complete, word_count, published_on,
    updated_on, hits, kudos_count, comments_count, bookmarks_count, language)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`DROP INDEX IF EXISTS works_engine_scan`.execute(db);
}
