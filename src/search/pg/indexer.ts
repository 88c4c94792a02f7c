import { sql } from 'kysely';
import type { Db } from '../../store/schema.ts';
import type { TransactionalIndexer } from '../../works/work.events.ts';
import { loadWorkDocs, type WorkDoc } from '../fts/documents.ts';
import type { RowsFollower } from '../fts/indexer.ts';
import { workRows } from '../fts/rows.ts';
import { META_COLUMNS, type MetaColumn } from '../text/fts-expr.ts';
import { chunkTokens, indexTokens, vectorLiteral } from './vectors.ts';

/** Field codes of `search_pg_meta.field`: the index in META_COLUMNS. */
export const FIELD_CODE = Object.fromEntries(META_COLUMNS.map((c, i) => [c, i])) as Record<MetaColumn, number>;
/** tsvector weights of the metadata fields, in the order of FTS5's bm25 weights (10, 6, 4, 2, 1). */
export const FIELD_WEIGHT: Record<MetaColumn, string> = { title: 'A', creators: 'B', tags: 'C', summary: 'D', notes: 'D' };

/** Rows per INSERT statement. */
const BATCH = 200;

/**
 * Writes a work's PostgreSQL text rows inside the transaction that writes the work (registered
 * with `events.addIndexer`), from the same documents the SQLite index and the in-memory matcher
 * read (fts/documents.ts). Statements go through the transaction, so the index commits with the work.
 */
export class PgIndexer implements TransactionalIndexer {
  /**
   * `onWrite` is called after each write (PgTextBackend drops its cached statistics); `follower`
   * gets the same documents' prepared rows (the frequency postings).
   */
  constructor(private readonly onWrite: () => void = () => {}, private readonly follower: RowsFollower | null = null) {}

  async indexWorks(trx: Db, ids: readonly number[]): Promise<void> {
    const docs = await loadWorkDocs(trx, ids);
    await this.writeDocs(trx, ids, docs);
    await this.follower?.index(trx, docs.map(workRows));
    const gone = ids.filter((id) => !docs.some((d) => d.id === id));
    if (gone.length > 0) await this.follower?.remove(trx, gone);
  }

  /** Replaces the text rows of works `ids` with those of `docs` (a rebuild calls it without the follower). */
  async writeDocs(trx: Db, ids: readonly number[], docs: readonly WorkDoc[]): Promise<void> {
    await this.removeRows(trx, ids);
    const chunks: ReturnType<typeof sql>[] = [];
    const meta: ReturnType<typeof sql>[] = [];
    const stats: ReturnType<typeof sql>[] = [];
    for (const doc of docs) {
      const s = rowsOf(doc, chunks, meta);
      stats.push(sql`(${doc.id}, ${s.metaTokens}, ${s.chapters}, ${s.chapterTokens})`);
    }
    for (let i = 0; i < chunks.length; i += BATCH) {
      await sql`INSERT INTO search_pg_chunks (work_id, position, chunk, start, tokens, tsv) VALUES ${sql.join(chunks.slice(i, i + BATCH))}`.execute(trx);
    }
    for (let i = 0; i < meta.length; i += BATCH) {
      await sql`INSERT INTO search_pg_meta (work_id, field, chunk, start, tsv) VALUES ${sql.join(meta.slice(i, i + BATCH))}`.execute(trx);
    }
    for (let i = 0; i < stats.length; i += BATCH) {
      await sql`INSERT INTO search_pg_docs (work_id, meta_tokens, chapters, chapter_tokens) VALUES ${sql.join(stats.slice(i, i + BATCH))}`.execute(trx);
    }
    this.onWrite();
  }

  async removeWorks(trx: Db, ids: readonly number[]): Promise<void> {
    await this.removeRows(trx, ids);
    await this.follower?.remove(trx, ids);
  }

  private async removeRows(trx: Db, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    const list = [...ids];
    await sql`DELETE FROM search_pg_chunks WHERE work_id = ANY(${list})`.execute(trx);
    await sql`DELETE FROM search_pg_meta WHERE work_id = ANY(${list})`.execute(trx);
    await sql`DELETE FROM search_pg_docs WHERE work_id = ANY(${list})`.execute(trx);
    this.onWrite();
  }
}

/**
 * Appends the chunk and metadata rows of one work; returns the token counts FTS5 would keep:
 * every chapter counts as a row (positions 1–65,535, as in SQLite), every token counts.
 */
function rowsOf(doc: WorkDoc, chunks: ReturnType<typeof sql>[], meta: ReturnType<typeof sql>[]): { metaTokens: number; chapters: number; chapterTokens: number } {
  let metaTokens = 0;
  for (const col of META_COLUMNS) {
    const tokens = indexTokens(doc[col]);
    metaTokens += tokens.length;
    if (tokens.length === 0) continue;
    chunkTokens(tokens).forEach((part, i) => {
      meta.push(sql`(${doc.id}, ${FIELD_CODE[col]}, ${i}, ${part.start}, ${vectorLiteral(part.tokens, FIELD_WEIGHT[col])}::tsvector)`);
    });
  }
  let chapters = 0;
  let chapterTokens = 0;
  for (const c of doc.chapters) {
    if (c.position < 1 || c.position >= 65536) continue;
    const tokens = indexTokens(c.text);
    chapters++;
    chapterTokens += tokens.length;
    chunkTokens(tokens).forEach((part, i) => {
      chunks.push(sql`(${doc.id}, ${c.position}, ${i}, ${part.start}, ${tokens.length}, ${vectorLiteral(part.tokens)}::tsvector)`);
    });
  }
  return { metaTokens, chapters, chapterTokens };
}
