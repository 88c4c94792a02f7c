import type SQLite from 'better-sqlite3';
import roaring from 'roaring';
import type { TermNode } from '../text/ast.ts';
import { META_COLUMNS, META_WEIGHTS, chapterMatch, metaMatch } from '../text/fts-expr.ts';
import { grow } from '../engine/arrays.ts';
import { CHAPTER_SLOTS } from './schema.ts';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

const WEIGHTS = META_COLUMNS.map((c) => META_WEIGHTS[c]).join(', ');
/**
 * Unscored reads ask SQLite for one comma-separated string of rowids (`group_concat`): ten times
 * faster than a row per match through better-sqlite3. bm25() cannot be aggregated, and costs more
 * than the row overhead anyway, so scored reads go row by row.
 */
const SQL = {
  chapters: 'SELECT group_concat(rowid) FROM search_chapters WHERE search_chapters MATCH ?',
  chaptersScored: 'SELECT rowid, bm25(search_chapters) FROM search_chapters WHERE search_chapters MATCH ?',
  works: 'SELECT group_concat(rowid) FROM search_works WHERE search_works MATCH ?',
  worksScored: `SELECT rowid, bm25(search_works, ${WEIGHTS}) FROM search_works WHERE search_works MATCH ?`,
};

/** The rows of a MATCH query as [rowid, bm25 made positive (0 unscored)]. */
function* matches(sqlite: SQLite.Database, scored: boolean, table: 'chapters' | 'works', expr: string): Generator<[number, number]> {
  if (scored) {
    for (const [rowid, rank] of statement(sqlite, table === 'chapters' ? SQL.chaptersScored : SQL.worksScored).iterate(expr) as Iterable<[number, number]>) yield [rowid, -rank];
    return;
  }
  const list = (statement(sqlite, table === 'chapters' ? SQL.chapters : SQL.works).get(expr) as [string | null])[0];
  if (!list) return;
  const out: [number, number] = [0, 0];
  let v = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = i < list.length ? list.charCodeAt(i) : 44;
    if (c !== 44) {
      v = v * 10 + (c - 48);
      continue;
    }
    out[0] = v;
    yield out;
    v = 0;
  }
}

const cache = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
function statement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  let m = cache.get(sqlite);
  if (!m) cache.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql).raw()));
  return s;
}

export interface TermVisitor {
  /** A chapter containing the term; `score` is bm25 made positive (0 when not scoring). */
  chapter?(work: number, position: number, score: number): void;
  /** A work whose metadata contains the term. */
  meta?(work: number, score: number): void;
}

/**
 * All works containing `term` (in their metadata, or for unfielded terms in any chapter), read
 * from FTS5 in rowid order. With `scored`, bm25 is computed and passed to the visitor.
 */
export function queryTerm(sqlite: SQLite.Database, term: TermNode, scored: boolean, visit: TermVisitor = {}): Bitmap {
  let ids = new Uint32Array(1024);
  let n = 0;
  const push = (w: number) => {
    if (n > 0 && ids[n - 1] === w) return;
    ids = grow(ids, n);
    ids[n++] = w;
  };
  const out = new RoaringBitmap32();
  const chapters = chapterMatch(term);
  if (chapters) {
    for (const [rowid, score] of matches(sqlite, scored, 'chapters', chapters)) {
      const work = Math.floor(rowid / CHAPTER_SLOTS);
      push(work);
      visit.chapter?.(work, rowid - work * CHAPTER_SLOTS, score);
    }
    out.addMany(ids.subarray(0, n));
    n = 0;
  }
  for (const [work, score] of matches(sqlite, scored, 'works', metaMatch(term))) {
    push(work);
    visit.meta?.(work, score);
  }
  out.addMany(ids.subarray(0, n));
  return out;
}
