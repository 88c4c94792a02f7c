import { sql } from 'kysely';
import { logger } from '../../log.ts';
import type { Db } from '../../store/schema.ts';
import type { TransactionalIndexer } from '../../works/work.events.ts';
import { prepareForIndex } from '../text/tokens.ts';
import { loadWorkDocs, type WorkDoc } from './documents.ts';
import { CHAPTER_SLOTS, chapterRowid } from './schema.ts';

const log = logger('search');

/**
 * Writes the full-text rows of works inside the transaction that writes the works themselves
 * (registered with `events.addIndexer`), so the index and the works can never disagree.
 * Statements go through Kysely's `sql` on the transaction: on SQLite they run on its one connection.
 */
export class FtsIndexer implements TransactionalIndexer {
  async indexWorks(trx: Db, ids: readonly number[]): Promise<void> {
    const docs = await loadWorkDocs(trx, ids);
    await this.removeWorks(trx, ids);
    for (const doc of docs) await insertDoc(trx, doc);
  }

  /**
   * Deletes by exact rowid: on a contentless FTS5 table a rowid *range* in DELETE scans the
   * whole table, so the chapter rowids are looked up in FTS5's `_docsize` shadow table (one row
   * per document, `id INTEGER PRIMARY KEY`: a B-tree range).
   */
  async removeWorks(trx: Db, ids: readonly number[]): Promise<void> {
    for (const id of ids) {
      await sql`DELETE FROM search_works WHERE rowid = ${id}`.execute(trx);
      const rows = await sql<{ id: number }>`SELECT id FROM search_chapters_docsize WHERE id >= ${chapterRowid(id, 0)} AND id < ${chapterRowid(id + 1, 0)}`.execute(trx);
      for (const r of rows.rows) await sql`DELETE FROM search_chapters WHERE rowid = ${r.id}`.execute(trx);
    }
  }
}

async function insertDoc(trx: Db, doc: WorkDoc): Promise<void> {
  await sql`INSERT INTO search_works (rowid, title, creators, tags, summary, notes) VALUES (${doc.id}, ${prepareForIndex(doc.title)}, ${prepareForIndex(doc.creators)}, ${prepareForIndex(doc.tags)}, ${prepareForIndex(doc.summary)}, ${prepareForIndex(doc.notes)})`.execute(trx);
  for (const c of doc.chapters) {
    if (c.position < 1 || c.position >= CHAPTER_SLOTS) {
      log.warn({ workId: doc.id, position: c.position }, 'chapter position outside the search index range; not indexed');
      continue;
    }
    await sql`INSERT INTO search_chapters (rowid, text) VALUES (${chapterRowid(doc.id, c.position)}, ${prepareForIndex(c.text)})`.execute(trx);
  }
}
