import { sql } from 'kysely';
import type { Db } from '../../store/schema.ts';
import type { TransactionalIndexer } from '../../works/work.events.ts';
import { loadWorkDocs } from './documents.ts';
import { workRows, type WorkRows } from './rows.ts';
import { chapterRowid } from './schema.ts';

/** Derived data written from the same prepared rows in the same transaction (the frequency postings). */
export interface RowsFollower {
  index(trx: Db, rows: readonly WorkRows[]): Promise<void>;
  remove(trx: Db, ids: readonly number[]): Promise<void>;
}

/**
 * Writes the full-text rows of works inside the transaction that writes the works themselves
 * (registered with `events.addIndexer`), so the index and the works can never disagree.
 * Statements go through Kysely's `sql` on the transaction: on SQLite they run on its one connection.
 * `follower` gets the same prepared rows (src/search/postings), so documents are loaded once.
 */
export class FtsIndexer implements TransactionalIndexer {
  constructor(private readonly follower: RowsFollower | null = null) {}

  async indexWorks(trx: Db, ids: readonly number[]): Promise<void> {
    const docs = await loadWorkDocs(trx, ids);
    await this.removeRows(trx, ids);
    const rows = docs.map(workRows);
    for (const r of rows) await insertRows(trx, r);
    const gone = ids.filter((id) => !docs.some((d) => d.id === id));
    await this.follower?.index(trx, rows);
    if (gone.length > 0) await this.follower?.remove(trx, gone);
  }

  async removeWorks(trx: Db, ids: readonly number[]): Promise<void> {
    await this.removeRows(trx, ids);
    await this.follower?.remove(trx, ids);
  }

  /**
   * Deletes by exact rowid: on a contentless FTS5 table a rowid *range* in DELETE scans the
   * whole table, so the chapter rowids are looked up in FTS5's `_docsize` shadow table (one row
   * per document, `id INTEGER PRIMARY KEY`: a B-tree range).
   */
  private async removeRows(trx: Db, ids: readonly number[]): Promise<void> {
    for (const id of ids) {
      await sql`DELETE FROM search_works WHERE rowid = ${id}`.execute(trx);
      const rows = await sql<{ id: number }>`SELECT id FROM search_chapters_docsize WHERE id >= ${chapterRowid(id, 0)} AND id < ${chapterRowid(id + 1, 0)}`.execute(trx);
      for (const r of rows.rows) await sql`DELETE FROM search_chapters WHERE rowid = ${r.id}`.execute(trx);
    }
  }
}

async function insertRows(trx: Db, rows: WorkRows): Promise<void> {
  const [title, creators, tags, summary, notes] = rows.meta;
  await sql`INSERT INTO search_works (rowid, title, creators, tags, summary, notes) VALUES (${rows.id}, ${title}, ${creators}, ${tags}, ${summary}, ${notes})`.execute(trx);
  for (const [rowid, text] of rows.chapters) await sql`INSERT INTO search_chapters (rowid, text) VALUES (${rowid}, ${text})`.execute(trx);
}
