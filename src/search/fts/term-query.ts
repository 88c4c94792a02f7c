import type SQLite from 'better-sqlite3';
import roaring from 'roaring';
import type { TermNode } from '../text/ast.ts';
import { META_COLUMNS, META_WEIGHTS, chapterMatch, metaMatch } from '../text/fts-expr.ts';
import { grow } from '../engine/arrays.ts';
import { CHAPTER_SLOTS } from './schema.ts';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

const WEIGHTS = META_COLUMNS.map((c) => META_WEIGHTS[c]).join(', ');
const SHIFT = Math.log2(CHAPTER_SLOTS);
/**
 * Reads ask SQLite for one string (`group_concat`) instead of a row per match through
 * better-sqlite3 (ten times faster for rowids). bm25() cannot be aggregated directly, so scored
 * reads compute it in a MATERIALIZED CTE and concatenate `rowid score` pairs (`%.17g`: the exact
 * double). Scored reads may be restricted to a candidate set of works (`IN json_each(?)`, a
 * filter SQLite applies before the result columns): bm25() costs ten times a plain read per row,
 * so scoring only the rows of candidate works is what makes a narrow relevance query cheap.
 * `+rowid` keeps SQLite from handing the IN list to FTS5 as rowid lookups (one full query each).
 */
const SQL = {
  chapters: 'SELECT group_concat(rowid) FROM search_chapters WHERE search_chapters MATCH ?',
  works: 'SELECT group_concat(rowid) FROM search_works WHERE search_works MATCH ?',
  chaptersScored: scored('rowid, bm25(search_chapters)', 'search_chapters', ''),
  chaptersScoredWithin: scored('rowid, bm25(search_chapters)', 'search_chapters', `AND (rowid >> ${SHIFT}) IN (SELECT value FROM json_each(?))`),
  worksScored: scored(`rowid, bm25(search_works, ${WEIGHTS})`, 'search_works', ''),
  worksScoredWithin: scored(`rowid, bm25(search_works, ${WEIGHTS})`, 'search_works', 'AND +rowid IN (SELECT value FROM json_each(?))'),
};

function scored(columns: string, table: string, where: string): string {
  return `WITH m (r, s) AS MATERIALIZED (SELECT ${columns} FROM ${table} WHERE ${table} MATCH ? ${where}) SELECT group_concat(r || ' ' || printf('%.17g', -s)) FROM m`;
}

/** The rows of a MATCH query as [rowid, bm25 made positive (0 unscored)], in rowid order. */
function* matches(sqlite: SQLite.Database, scoredRead: boolean, table: 'chapters' | 'works', expr: string, within: string | null): Generator<[number, number]> {
  const chapters = table === 'chapters';
  let list: string | null;
  if (!scoredRead) list = (statement(sqlite, chapters ? SQL.chapters : SQL.works).get(expr) as [string | null])[0];
  else if (within === null) list = (statement(sqlite, chapters ? SQL.chaptersScored : SQL.worksScored).get(expr) as [string | null])[0];
  else list = (statement(sqlite, chapters ? SQL.chaptersScoredWithin : SQL.worksScoredWithin).get(expr, within) as [string | null])[0];
  if (!list) return;
  const out: [number, number] = [0, 0];
  let v = 0;
  let scoreAt = -1;
  for (let i = 0; i <= list.length; i++) {
    const c = i < list.length ? list.charCodeAt(i) : 44;
    if (c === 32) {
      scoreAt = i + 1;
      continue;
    }
    if (c !== 44) {
      if (scoreAt < 0) v = v * 10 + (c - 48);
      continue;
    }
    out[0] = v;
    out[1] = scoreAt < 0 ? 0 : Number(list.slice(scoreAt, i));
    yield out;
    v = 0;
    scoreAt = -1;
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
 * from FTS5 in rowid order. With `scored`, bm25 is computed and passed to the visitor; with
 * `within` as well, only for (and only) the works of that set, so the result is then a subset of it.
 */
export function queryTerm(sqlite: SQLite.Database, term: TermNode, scored: boolean, visit: TermVisitor = {}, within: Bitmap | null = null): Bitmap {
  const list = scored && within ? JSON.stringify(Array.from(within.toUint32Array())) : null;
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
    for (const [rowid, score] of matches(sqlite, scored, 'chapters', chapters, list)) {
      const work = Math.floor(rowid / CHAPTER_SLOTS);
      push(work);
      visit.chapter?.(work, rowid - work * CHAPTER_SLOTS, score);
    }
    out.addMany(ids.subarray(0, n));
    n = 0;
  }
  for (const [work, score] of matches(sqlite, scored, 'works', metaMatch(term), list)) {
    push(work);
    visit.meta?.(work, score);
  }
  out.addMany(ids.subarray(0, n));
  return out;
}
