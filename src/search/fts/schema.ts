import type SQLite from 'better-sqlite3';
import { logger } from '../../log.ts';

/**
 * The full-text tables. They are SQLite-only (FTS5), so the search module creates them itself
 * instead of a portable migration. Their format has a version stored in `settings`; when the code's
 * version differs, the tables are dropped and created empty, and the index must be rebuilt from the
 * works (`SearchService.prepare()` does it, or `quire reindex`). The version is written only once a
 * full reindex has finished, so an interrupted rebuild is redone at the next start.
 *
 * - `search_chapters(text)`: one row per chapter, rowid = work id × 65,536 + chapter position, so
 *   a hit names its work and chapter without a join.
 * - `search_works(title, creators, tags, summary, notes)`: one row per work, rowid = work id.
 *
 * Both are contentless (`content=''`, `contentless_delete=1`): they hold the index only, not a
 * second copy of the text (measured: the copy would add 1.0× the plain text, the index itself is
 * about 0.65×). Snippets are cut from `chapters.body` instead (snippet.ts).
 */
export const FTS_VERSION = 1;
export const VERSION_KEY = 'search.fts_version';

/** Chapter positions per work in the chapter rowid space. */
export const CHAPTER_SLOTS = 65536;

/** The FTS rowid of chapter `position` (1-based) of work `workId`. */
export function chapterRowid(workId: number, position: number): number {
  return workId * CHAPTER_SLOTS + position;
}

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1`;

const CREATE = [
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_chapters USING fts5(text, ${TOKENIZE})`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_works USING fts5(title, creators, tags, summary, notes, ${TOKENIZE})`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_chapters_vocab USING fts5vocab(search_chapters, 'row')`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_works_vocab USING fts5vocab(search_works, 'row')`,
];
const TABLES = ['search_chapters_vocab', 'search_works_vocab', 'search_chapters', 'search_works'];

const log = logger('search');

function storedVersion(sqlite: SQLite.Database): number | undefined {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(VERSION_KEY) as { value: string } | undefined;
  return row ? Number(row.value) : undefined;
}

/** Records that the full-text index is complete in the current format. */
export function markFtsCurrent(sqlite: SQLite.Database): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(VERSION_KEY, String(FTS_VERSION));
}

/** Creates the tables if they do not exist (nothing else). */
export function createFtsTables(sqlite: SQLite.Database): void {
  for (const ddl of CREATE) sqlite.exec(ddl);
}

/**
 * Creates the tables when missing; drops and recreates them when their version is not this code's.
 * Returns whether the works must be reindexed (the tables are new and the archive is not empty).
 */
export function ensureFtsTables(sqlite: SQLite.Database): { needsReindex: boolean } {
  const present = sqlite
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN (${TABLES.map(() => '?').join(', ')})`)
    .get(...TABLES) as { n: number };
  const version = storedVersion(sqlite);
  if (version === FTS_VERSION && present.n === TABLES.length) return { needsReindex: false };
  if (present.n > 0) log.warn({ from: version ?? null, to: FTS_VERSION }, 'search index format changed; recreating it');
  sqlite.transaction(() => {
    for (const t of TABLES) sqlite.exec(`DROP TABLE IF EXISTS ${t}`);
    createFtsTables(sqlite);
  })();
  const hasWorks = sqlite.prepare('SELECT 1 FROM works LIMIT 1').get() !== undefined;
  if (!hasWorks) markFtsCurrent(sqlite);
  return { needsReindex: hasWorks };
}
