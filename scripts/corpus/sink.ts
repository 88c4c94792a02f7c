import type SQLite from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ChaptersTable, PseudsTable, SeriesTable, WorksTable } from '../../src/store/schema.ts';
import type { TagRow, TagSink } from './tag-registry.ts';

/** Rows with explicit ids (the generator hands out ids in insertion order, as AUTOINCREMENT would). */
export type WorkRow = Selectable<WorksTable>;
export type ChapterRow = Selectable<ChaptersTable>;
export type PseudRow = Selectable<PseudsTable>;
export type SeriesRow = Selectable<SeriesTable>;

/**
 * Multi-row INSERT: rows are buffered and written `batch` at a time with one prepared statement,
 * which is several times faster through better-sqlite3 than one statement per row.
 */
class BatchInsert {
  private readonly big: SQLite.Statement;
  private readonly one: SQLite.Statement;
  private readonly buffer: unknown[] = [];
  private readonly width: number;

  constructor(db: SQLite.Database, table: string, columns: readonly string[], private readonly batch = 100) {
    this.width = columns.length;
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
    this.big = db.prepare(head + Array.from({ length: batch }, () => tuple).join(','));
    this.one = db.prepare(head + tuple);
  }

  add(...values: unknown[]): void {
    for (const v of values) this.buffer.push(v);
    if (this.buffer.length === this.batch * this.width) {
      this.big.run(this.buffer);
      this.buffer.length = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.buffer.length; i += this.width) this.one.run(this.buffer.slice(i, i + this.width));
    this.buffer.length = 0;
  }
}

const WORK_COLUMNS = [
  'id', 'title', 'summary', 'notes', 'end_notes', 'rating', 'language', 'complete', 'expected_chapters', 'word_count',
  'chapter_count', 'status', 'restricted', 'hidden', 'published_on', 'updated_on', 'created_at', 'revised_at', 'revision',
  'import_hash', 'hits', 'kudos_count', 'comments_count', 'bookmarks_count',
] as const satisfies readonly (keyof WorkRow)[];
const CHAPTER_COLUMNS = ['id', 'work_id', 'position', 'title', 'summary', 'notes', 'end_notes', 'body', 'word_count', 'published_on'] as const satisfies readonly (keyof ChapterRow)[];
const TAG_COLUMNS = ['id', 'type', 'name', 'name_key', 'canonical', 'synonym_of', 'unwrangleable', 'created_at'] as const satisfies readonly (keyof TagRow)[];
const SERIES_COLUMNS = ['id', 'title', 'title_key', 'summary', 'notes', 'complete', 'created_at', 'updated_at'] as const satisfies readonly (keyof SeriesRow)[];

/** Tables whose secondary indexes are dropped during the load and rebuilt after it. */
const LOADED_TABLES = ['works', 'chapters', 'tags', 'tag_links', 'work_tags', 'filter_taggings', 'pseuds', 'work_creators', 'series', 'series_works'];

/**
 * Writes the archive's rows straight into SQLite. During the load: no journal, no fsync, no
 * foreign-key checks, secondary indexes dropped (rebuilt by `finish`, from the exact SQL the
 * migrations created them with, so the schema ends up unchanged). Rows are committed in large
 * transactions; call `checkpoint` between batches of works.
 */
export class SqliteSink implements TagSink {
  private readonly inserts: Record<'works' | 'chapters' | 'tags' | 'links' | 'workTags' | 'filterTags' | 'pseuds' | 'creators' | 'series' | 'seriesWorks', BatchInsert>;
  private readonly dropped: string[] = [];

  constructor(private readonly db: SQLite.Database) {
    // better-sqlite3's defensive mode forbids journal_mode=OFF; lift it for the load only.
    db.unsafeMode(true);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED_TABLES.map(() => '?').join(',')}) ORDER BY name`)
      .all(...LOADED_TABLES) as { name: string; sql: string }[];
    for (const ix of indexes) {
      db.exec(`DROP INDEX "${ix.name}"`);
      this.dropped.push(ix.sql);
    }
    this.inserts = {
      works: new BatchInsert(db, 'works', WORK_COLUMNS, 20),
      chapters: new BatchInsert(db, 'chapters', CHAPTER_COLUMNS, 10),
      tags: new BatchInsert(db, 'tags', TAG_COLUMNS, 50),
      links: new BatchInsert(db, 'tag_links', ['tag_id', 'parent_id', 'kind'], 100),
      workTags: new BatchInsert(db, 'work_tags', ['work_id', 'tag_id', 'position'], 200),
      filterTags: new BatchInsert(db, 'filter_taggings', ['work_id', 'tag_id'], 200),
      pseuds: new BatchInsert(db, 'pseuds', ['id', 'name', 'name_key', 'account_id', 'created_at'], 50),
      creators: new BatchInsert(db, 'work_creators', ['work_id', 'pseud_id', 'position'], 100),
      series: new BatchInsert(db, 'series', SERIES_COLUMNS, 50),
      seriesWorks: new BatchInsert(db, 'series_works', ['series_id', 'work_id', 'position'], 100),
    };
    db.exec('BEGIN');
  }

  work(r: WorkRow): void {
    this.inserts.works.add(...WORK_COLUMNS.map((c) => r[c]));
  }
  chapter(r: ChapterRow): void {
    this.inserts.chapters.add(...CHAPTER_COLUMNS.map((c) => r[c]));
  }
  tag(r: TagRow): void {
    this.inserts.tags.add(...TAG_COLUMNS.map((c) => r[c]));
  }
  link(tagId: number, parentId: number, kind: 'meta' | 'fandom'): void {
    this.inserts.links.add(tagId, parentId, kind);
  }
  workTag(workId: number, tagId: number, position: number): void {
    this.inserts.workTags.add(workId, tagId, position);
  }
  filterTag(workId: number, tagId: number): void {
    this.inserts.filterTags.add(workId, tagId);
  }
  pseud(r: PseudRow): void {
    this.inserts.pseuds.add(r.id, r.name, r.name_key, r.account_id, r.created_at);
  }
  creator(workId: number, pseudId: number, position: number): void {
    this.inserts.creators.add(workId, pseudId, position);
  }
  series(r: SeriesRow): void {
    this.inserts.series.add(...SERIES_COLUMNS.map((c) => r[c]));
  }
  seriesWork(seriesId: number, workId: number, position: number): void {
    this.inserts.seriesWorks.add(seriesId, workId, position);
  }
  setting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Writes buffered rows and commits, starting a new transaction. */
  checkpoint(): void {
    for (const ins of Object.values(this.inserts)) ins.flush();
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
  }

  /** Commits, rebuilds the dropped indexes and restores the app's normal settings. */
  finish(onIndex?: (sql: string) => void): void {
    for (const ins of Object.values(this.inserts)) ins.flush();
    this.db.exec('COMMIT');
    for (const sql of this.dropped) {
      onIndex?.(sql);
      this.db.exec(sql);
    }
    this.db.pragma('journal_mode = WAL');
    this.db.unsafeMode(false);
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
  }
}
