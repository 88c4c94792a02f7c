import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Quire's own frequency postings for common words and phrases (src/search/postings, docs/search.md
 * "Frequency postings"), on both databases. Derived data: rebuilt by `quire reindex`, never exported.
 *
 * - `search_keys`: the keys: folded words and runs of two to four words ("of the"), by id.
 * - `search_postings`: for one key and one block of 1,024 work ids, the works that contain it and
 *   where (hits per metadata column, hits per chapter), as varints (postings/block-format.ts),
 *   with the block's counts beside it (works, chapters with hits, works with metadata hits).
 * - `search_lengths`: per block, each work's metadata length and chapter lengths in tokens.
 * - `search_work_keys`: per work, the ids of the keys it contains, so an edit or a deletion knows
 *   which postings rows to rewrite.
 */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const blob = pg ? sql`bytea` : sql`blob`;
  const int = pg ? sql`bigint` : sql`integer`;
  const text = pg ? sql`text collate "C"` : sql`text`;
  const clustered = pg ? sql`` : sql`WITHOUT ROWID`;
  await sql`CREATE TABLE search_keys (id ${int} PRIMARY KEY, key ${text} NOT NULL UNIQUE)`.execute(db);
  await sql`CREATE TABLE search_postings (key_id ${int} NOT NULL, block ${int} NOT NULL, works ${int} NOT NULL,
    chapters ${int} NOT NULL, meta ${int} NOT NULL, data ${blob} NOT NULL, PRIMARY KEY (key_id, block)) ${clustered}`.execute(db);
  await sql`CREATE TABLE search_lengths (block ${int} PRIMARY KEY, data ${blob} NOT NULL)`.execute(db);
  await sql`CREATE TABLE search_work_keys (work_id ${int} PRIMARY KEY, data ${blob} NOT NULL)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['search_postings_stage', 'search_work_keys', 'search_lengths', 'search_postings', 'search_keys']) await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'search.postings'`.execute(db);
}
