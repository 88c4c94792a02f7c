import { sql } from 'kysely';
import type { Db } from '../../store/schema.ts';
import type { FtsStats } from '../fts/stats.ts';
import type { TermNode } from '../text/ast.ts';
import { FIELD_COLUMN } from '../text/fts-expr.ts';
import { FIELD_CODE } from './indexer.ts';
import { quoteLexeme } from './vectors.ts';

/**
 * One query term → a `tsquery` literal, cast with `::tsquery` (no parser: lexemes as written).
 * The term's tokens are already folded exactly as the index's (text/tokens.ts), so `Zoë` is
 * `'zoe'`, a phrase is `'silver' <-> 'ship'`, a Chinese word `'东' <-> '京'` and a prefix ends
 * in `:*`. Null when a token is longer than any indexed lexeme (the term can match nothing).
 */
export function tsquery(term: TermNode): string | null {
  if (term.tokens.some((t) => Buffer.byteLength(t, 'utf8') > 2000)) return null;
  return term.tokens.map((t, i) => `${quoteLexeme(t)}${term.prefix && i === term.tokens.length - 1 ? ':*' : ''}`).join(' <-> ');
}

/** Restricts a query to some works when the candidate set is small enough to send. */
function within(ids: readonly number[] | null) {
  return ids ? sql`AND work_id = ANY(${[...ids]})` : sql``;
}

function fieldOf(term: TermNode) {
  return term.field ? sql`AND field = ${FIELD_CODE[FIELD_COLUMN[term.field]]}` : sql``;
}

/** Works whose chapter text contains the term, with the first such chapter. */
export async function chapterHits(db: Db, q: string, ids: readonly number[] | null): Promise<{ work: number; position: number }[]> {
  const { rows } = await sql<{ work_id: number; position: number }>`SELECT work_id, min(position) AS position FROM search_pg_chunks
    WHERE tsv @@ ${q}::tsquery ${within(ids)} GROUP BY work_id`.execute(db);
  return rows.map((r) => ({ work: Number(r.work_id), position: Number(r.position) }));
}

/** Works whose metadata (the term's field, or any) contains the term. */
export async function metaHits(db: Db, term: TermNode, q: string, ids: readonly number[] | null): Promise<number[]> {
  const { rows } = await sql<{ work_id: number }>`SELECT DISTINCT work_id FROM search_pg_meta WHERE tsv @@ ${q}::tsquery ${fieldOf(term)} ${within(ids)}`.execute(db);
  return rows.map((r) => Number(r.work_id));
}

/** Exact document frequencies, as FTS5's bm25 counts them: chapters, and metadata rows (works) in the term's field. */
export async function docFrequencies(db: Db, term: TermNode, q: string): Promise<{ chapters: number; works: number }> {
  const chapters = term.field
    ? 0
    : Number((await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT DISTINCT work_id, position FROM search_pg_chunks WHERE tsv @@ ${q}::tsquery) s`.execute(db)).rows[0]?.n ?? 0);
  const works = Number((await sql<{ n: number }>`SELECT count(DISTINCT work_id) AS n FROM search_pg_meta WHERE tsv @@ ${q}::tsquery ${fieldOf(term)}`.execute(db)).rows[0]?.n ?? 0);
  return { chapters, works };
}

/** Row counts and token totals of the chapter and metadata "tables", as FTS5 keeps them. */
export async function corpusStats(db: Db): Promise<{ chapters: FtsStats; works: FtsStats }> {
  const { rows } = await sql<{ works: number; meta: number; chapters: number; tokens: number }>`SELECT count(*) AS works,
    coalesce(sum(meta_tokens), 0) AS meta, coalesce(sum(chapters), 0) AS chapters, coalesce(sum(chapter_tokens), 0) AS tokens FROM search_pg_docs`.execute(db);
  const r = rows[0];
  return {
    chapters: { rows: Number(r?.chapters ?? 0), tokens: [Number(r?.tokens ?? 0)] },
    works: { rows: Number(r?.works ?? 0), tokens: [Number(r?.meta ?? 0)] },
  };
}

/** Matching rows ranked per query, at most this many (so ts_rank_cd runs on a bounded set). */
export const PRESELECT_ROWS = 20_000;

/**
 * A cheap first ranking for a large result: `ts_rank_cd` over at most PRESELECT_ROWS matching
 * chunk rows and as many metadata rows (weights D 0.1, C 0.4, B 0.6, A 1.0), best row per work.
 */
export async function roughRanks(db: Db, term: TermNode, q: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const add = (rows: { work_id: number; r: number }[]) => {
    for (const row of rows) out.set(Number(row.work_id), (out.get(Number(row.work_id)) ?? 0) + Number(row.r));
  };
  if (!term.field) {
    add((await sql<{ work_id: number; r: number }>`SELECT work_id, max(ts_rank_cd(tsv, ${q}::tsquery)) AS r FROM
      (SELECT work_id, tsv FROM search_pg_chunks WHERE tsv @@ ${q}::tsquery LIMIT ${PRESELECT_ROWS}) m GROUP BY work_id`.execute(db)).rows);
  }
  add((await sql<{ work_id: number; r: number }>`SELECT work_id, max(ts_rank_cd('{0.1, 0.4, 0.6, 1.0}', tsv, ${q}::tsquery)) * 4 AS r FROM
    (SELECT work_id, tsv FROM search_pg_meta WHERE tsv @@ ${q}::tsquery ${fieldOf(term)} LIMIT ${PRESELECT_ROWS}) m GROUP BY work_id`.execute(db)).rows);
  return out;
}

/** Where a term's tokens occur in one chapter or one metadata field: lexeme → token indexes in that text. */
export interface Occurrences {
  work: number;
  /** Chapter position, or the field code of a metadata row. */
  slot: number;
  /** The chapter's token count (0 for metadata). */
  tokens: number;
  lexemes: Map<string, Set<number>>;
}

/**
 * The positions of the term's tokens (a prefix: of every lexeme it starts) in the chapters or
 * metadata fields of `ids` that match it, read from the tsvectors themselves (`unnest`), with
 * chunk positions mapped back to token indexes in the whole text (so overlapping chunks count once).
 */
export async function occurrences(db: Db, table: 'chapters' | 'meta', term: TermNode, q: string, ids: readonly number[]): Promise<Occurrences[]> {
  const exact = term.prefix ? term.tokens.slice(0, -1) : term.tokens;
  const prefix = term.prefix ? term.tokens[term.tokens.length - 1]! : null;
  const lexemes = sql`(u.lexeme = ANY(${exact}::text[]) OR starts_with(u.lexeme, ${prefix}::text))`;
  const { rows } = table === 'chapters'
    ? await sql<{ work_id: number; slot: number; start: number; tokens: number; lexeme: string; positions: number[] }>`SELECT c.work_id,
        c.position AS slot, c.start, c.tokens, u.lexeme, u.positions FROM search_pg_chunks c, unnest(c.tsv) u
        WHERE c.tsv @@ ${q}::tsquery AND c.work_id = ANY(${[...ids]}) AND ${lexemes}`.execute(db)
    : await sql<{ work_id: number; slot: number; start: number; tokens: number; lexeme: string; positions: number[] }>`SELECT m.work_id,
        m.field AS slot, m.start, 0 AS tokens, u.lexeme, u.positions FROM search_pg_meta m, unnest(m.tsv) u
        WHERE m.tsv @@ ${q}::tsquery ${fieldOf(term)} AND m.work_id = ANY(${[...ids]}) AND ${lexemes}`.execute(db);
  const out = new Map<string, Occurrences>();
  for (const r of rows) {
    const key = `${r.work_id}:${r.slot}`;
    let o = out.get(key);
    if (!o) out.set(key, (o = { work: Number(r.work_id), slot: Number(r.slot), tokens: Number(r.tokens), lexemes: new Map() }));
    let set = o.lexemes.get(r.lexeme);
    if (!set) o.lexemes.set(r.lexeme, (set = new Set()));
    for (const p of r.positions) set.add(Number(r.start) + Number(p) - 1);
  }
  return [...out.values()];
}

/** Occurrences of the term as a phrase (last token a prefix if it is one): FTS5's hit count. */
export function phraseHits(o: Occurrences, term: TermNode): number {
  const k = term.tokens.length;
  const sets = term.tokens.map((t, j) => {
    if (!(term.prefix && j === k - 1)) return o.lexemes.get(t) ?? new Set<number>();
    const all = new Set<number>();
    for (const [lexeme, set] of o.lexemes) if (lexeme.startsWith(t)) for (const p of set) all.add(p);
    return all;
  });
  let hits = 0;
  for (const g of sets[0]!) if (sets.every((s, j) => s.has(g + j))) hits++;
  return hits;
}

/** Metadata token counts (every field) of some works. */
export async function metaLengths(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  const { rows } = await sql<{ work_id: number; meta_tokens: number }>`SELECT work_id, meta_tokens FROM search_pg_docs WHERE work_id = ANY(${[...ids]})`.execute(db);
  return new Map(rows.map((r) => [Number(r.work_id), Number(r.meta_tokens)]));
}
