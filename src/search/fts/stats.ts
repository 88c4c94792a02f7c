import type SQLite from 'better-sqlite3';
import type { TermNode } from '../text/ast.ts';
import { chapterMatch, metaMatch } from '../text/fts-expr.ts';

export type FtsTable = 'search_chapters' | 'search_works';

/** Row count and total tokens per column of an FTS5 table: what bm25 needs besides the term. */
export interface FtsStats {
  rows: number;
  tokens: number[];
}

function readVarint(buf: Uint8Array, pos: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const b = buf[pos + i] ?? 0;
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [v, pos + i + 1];
  }
  return [v * 256 + (buf[pos + 8] ?? 0), pos + 9];
}

/**
 * Reads FTS5's "averages" record (row 1 of the `_data` table: a varint row count, then one varint
 * per column with its total token count), the same numbers FTS5's own bm25() uses.
 */
export function ftsStats(sqlite: SQLite.Database, table: FtsTable, columns: number): FtsStats {
  const block = sqlite.prepare(`SELECT block FROM ${table}_data WHERE id = 1`).pluck().get() as Uint8Array | undefined;
  if (!block || block.length === 0) return { rows: 0, tokens: new Array<number>(columns).fill(0) };
  let [rows, pos] = readVarint(block, 0);
  const tokens: number[] = [];
  for (let c = 0; c < columns; c++) {
    const [n, next] = readVarint(block, pos);
    tokens.push(n);
    pos = next;
  }
  return { rows, tokens };
}

/**
 * About how many rows of `table` contain `term`, from the fts5vocab table: exact for a word,
 * the rarest word's count for a phrase (an upper bound), the sum over matching words for a prefix.
 */
export function docFrequency(sqlite: SQLite.Database, table: FtsTable, term: TermNode): number {
  const vocab = `${table}_vocab`;
  const one = sqlite.prepare(`SELECT doc FROM ${vocab} WHERE term = ?`).pluck();
  const counts = term.tokens.map((t, i) => {
    if (term.prefix && i === term.tokens.length - 1) {
      const sum = sqlite.prepare(`SELECT coalesce(sum(doc), 0) FROM ${vocab} WHERE term >= ? AND term < ?`).pluck().get(t, `${t}\u{10FFFF}`) as number;
      return sum;
    }
    return (one.get(t) as number | undefined) ?? 0;
  });
  return Math.min(...counts);
}

/** The cost of reading a term's matches from FTS5: every token's full doclist is read. */
export function readCost(sqlite: SQLite.Database, table: FtsTable, term: TermNode): number {
  return term.tokens.reduce((sum, _t, i) => sum + docFrequency(sqlite, table, { ...term, tokens: [term.tokens[i]!], prefix: term.prefix && i === term.tokens.length - 1 }), 0);
}

/**
 * Exactly how many rows of `table` match `term` (a phrase, a prefix, a column filter): the
 * document frequency FTS5's bm25() itself uses, at the cost of reading the term's matches.
 */
export function countMatches(sqlite: SQLite.Database, table: FtsTable, term: TermNode): number {
  const expr = table === 'search_chapters' ? chapterMatch(term) : metaMatch(term);
  if (expr === null) return 0;
  return sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(expr) as number;
}
