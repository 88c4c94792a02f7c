import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's full-text tables (issue 7, docs/search.md "PostgreSQL"). On SQLite this migration
 * does nothing: there the search module creates its FTS5 tables itself (src/search/fts/schema.ts).
 *
 * - `search_pg_chunks`: one row per chapter chunk (a chapter of more than 15,000 tokens, or with a
 *   word repeated more than 250 times, has several; src/search/pg/vectors.ts), its `tsvector`
 *   built from Quire's own tokens; GIN-indexed. `start` is the chunk's first token's index in the
 *   chapter (chunks overlap), `tokens` the chapter's token count.
 * - `search_pg_meta`: a work's title, creators, tags, summary and notes, one row per field (and
 *   chunk), weighted A (title), B (creators), C (tags), D (summary, notes); GIN-indexed.
 * - `search_pg_docs`: per work, the token counts relevance needs (metadata tokens, chapters,
 *   chapter tokens): the statistics FTS5 keeps itself.
 *
 * The setting `search.pg_version` marks the index complete; it is written here when the archive
 * has no works yet, otherwise by the first full reindex.
 */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE TABLE search_pg_chunks (
    work_id bigint NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    position integer NOT NULL,
    chunk integer NOT NULL,
    start integer NOT NULL,
    tokens integer NOT NULL,
    tsv tsvector NOT NULL,
    PRIMARY KEY (work_id, position, chunk))`.execute(db);
  await sql`CREATE INDEX search_pg_chunks_tsv ON search_pg_chunks USING gin (tsv)`.execute(db);
  await sql`CREATE TABLE search_pg_meta (
    work_id bigint NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    field smallint NOT NULL,
    chunk integer NOT NULL,
    start integer NOT NULL,
    tsv tsvector NOT NULL,
    PRIMARY KEY (work_id, field, chunk))`.execute(db);
  await sql`CREATE INDEX search_pg_meta_tsv ON search_pg_meta USING gin (tsv)`.execute(db);
  await sql`CREATE TABLE search_pg_docs (
    work_id bigint PRIMARY KEY REFERENCES works (id) ON DELETE CASCADE,
    meta_tokens bigint NOT NULL,
    chapters integer NOT NULL,
    chapter_tokens bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO settings (key, value) SELECT 'search.pg_version', '1' WHERE NOT EXISTS (SELECT 1 FROM works)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP TABLE IF EXISTS search_pg_chunks`.execute(db);
  await sql`DROP TABLE IF EXISTS search_pg_meta`.execute(db);
  await sql`DROP TABLE IF EXISTS search_pg_docs`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'search.pg_version'`.execute(db);
}
