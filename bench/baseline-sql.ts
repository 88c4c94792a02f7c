import type SQLite from 'better-sqlite3';
import { isCrossover } from '../src/search/engine/crossover.ts';
import { CHAPTER_SLOTS } from '../src/search/fts/schema.ts';
import type { SearchQuery } from '../src/search/query.ts';
import type { TermNode, TextNode } from '../src/search/text/ast.ts';
import { META_COLUMNS, META_WEIGHTS, chapterMatch, metaMatch } from '../src/search/text/fts-expr.ts';
import { parseText } from '../src/search/text/parse-text.ts';
import { TAG_TYPES, foldName, type TagType } from '../src/tags/tag.types.ts';

/**
 * The plain-SQL baseline: the same searches as the engine (guest visibility, filters, text, exact
 * total, facets, one page) answered by SQLite alone on the same database, the way an archive
 * without an in-memory engine would:
 *
 * - tag filters as `IN` / `NOT IN` subqueries on `filter_taggings` (its `(tag_id, work_id)` index);
 *   rating, language, completion, word count and dates on `works` columns;
 * - crossovers from a temporary table (`bench_crossover`), filled at setup with the engine's own
 *   rule (src/search/engine/crossover.ts): what a stored `works.crossover` column would hold;
 * - text on the search module's FTS5 tables with the same MATCH strings (fts-expr.ts: the text as
 *   typed, prepared as indexed text, quoted): a term matches a work when it is in any of its
 *   chapters (`search_chapters`, rowid = work × 65,536 + chapter) or in its metadata
 *   (`search_works`); terms combine with INTERSECT / UNION / EXCEPT;
 * - best match: per positive term, the best chapter's `-bm25()` plus the metadata's weighted
 *   `-bm25()`, summed (the engine's definition);
 * - `COUNT(*)` for the total, `GROUP BY` with `row_number()` for the top tags of each type,
 *   `ORDER BY … LIMIT … OFFSET` for the page. Three statements, as a web page would run them.
 *
 * Titles and creators are ordered by `title COLLATE NOCASE` and the first creator's folded name,
 * which is close to, but not, the engine's order (no article stripping), so only the other sorts'
 * pages are compared with the engine.
 */
export interface BaselineResult {
  total: number;
  ids: number[];
  /** Relevance of each page entry when sorted by best match. */
  scores: number[] | null;
  facets: Record<TagType, { id: number; count: number }[]>;
}

const CHAPTER_SHIFT = Math.log2(CHAPTER_SLOTS);
const WEIGHTS = META_COLUMNS.map((c) => META_WEIGHTS[c]).join(', ');

const ORDER_COLUMN: Record<string, string> = {
  posted: 'w.published_on', updated: 'w.updated_on', words: 'w.word_count', hits: 'w.hits',
  kudos: 'w.kudos_count', comments: 'w.comments_count', bookmarks: 'w.bookmarks_count',
  title: 'w.title COLLATE NOCASE',
  creator: '(SELECT p.name_key FROM work_creators wc JOIN pseuds p ON p.id = wc.pseud_id WHERE wc.work_id = w.id ORDER BY wc.position LIMIT 1)',
};

/** SQL with its parameters, built up piece by piece. */
interface Sql {
  text: string;
  params: unknown[];
}

function emptyFacets(): BaselineResult['facets'] {
  return Object.fromEntries(TAG_TYPES.map((t) => [t, []])) as unknown as BaselineResult['facets'];
}

export class SqlBaseline {
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(private readonly db: SQLite.Database) {}

  /**
   * Creates `temp.bench_crossover` (work ids of crossovers, by the engine's rule over each work's
   * fandom filter tags and the fandom metatag graph). Run once per connection.
   */
  setup(): { crossovers: number } {
    const parents = new Map<number, number[]>();
    for (const [tag, parent] of this.db.prepare(`SELECT l.tag_id, l.parent_id FROM tag_links l JOIN tags t ON t.id = l.tag_id WHERE l.kind = 'meta' AND t.type = 'fandom'`).raw().iterate() as Iterable<[number, number]>) {
      parents.set(tag, [...(parents.get(tag) ?? []), parent]);
    }
    const rows = this.db.prepare(`SELECT ft.work_id, group_concat(ft.tag_id) FROM filter_taggings ft JOIN tags t ON t.id = ft.tag_id
      WHERE t.type = 'fandom' GROUP BY ft.work_id HAVING count(*) > 1`).raw().iterate() as Iterable<[number, string]>;
    const crossovers: number[] = [];
    for (const [work, list] of rows) {
      if (isCrossover(list.split(',').map(Number), (id) => parents.get(id) ?? [])) crossovers.push(work);
    }
    this.db.exec(`DROP TABLE IF EXISTS temp.bench_crossover; CREATE TEMP TABLE bench_crossover (work_id INTEGER PRIMARY KEY);
      DROP TABLE IF EXISTS temp.bench_match; CREATE TEMP TABLE bench_match (id INTEGER PRIMARY KEY);
      DROP TABLE IF EXISTS temp.bench_score; CREATE TEMP TABLE bench_score (id INTEGER PRIMARY KEY, score REAL NOT NULL)`);
    const insert = this.db.prepare('INSERT INTO temp.bench_crossover (work_id) VALUES (?)');
    this.db.transaction(() => { for (const id of crossovers) insert.run(id); })();
    return { crossovers: crossovers.length };
  }

  private stmt(sql: string): SQLite.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Name → filter tag id (a synonym gives its canonical tag), as the search planner resolves names. */
  private tagId(name: string): number | undefined {
    return this.stmt('SELECT coalesce(synonym_of, id) FROM tags WHERE name_key = ?').pluck().get(foldName(name)) as number | undefined;
  }

  /** One search, as a guest sees it. */
  run(q: SearchQuery): BaselineResult {
    const text = parseText(q.q);
    const relevance = q.sort === 'relevance' && text !== null;
    const where = this.where(q, text !== null);
    if (!where) return { total: 0, ids: [], scores: relevance ? [] : null, facets: emptyFacets() };
    if (text) {
      // The text's matches once per search (not once per statement): one FTS5 scan per term.
      const m = this.matchSql(text);
      this.stmt('DELETE FROM temp.bench_match').run();
      this.stmt(`INSERT INTO temp.bench_match (id) ${m.text}`).run(...m.params);
    }
    const total = this.stmt(`SELECT count(*) FROM works w WHERE ${where.text}`).pluck().get(...where.params) as number;
    const facets = emptyFacets();
    if (total > 0 && q.facetLimit > 0) {
      const sql = `SELECT type, tag_id, n FROM (
          SELECT t.type, ft.tag_id, count(*) AS n, row_number() OVER (PARTITION BY t.type ORDER BY count(*) DESC, ft.tag_id) AS rk
          FROM works w JOIN filter_taggings ft ON ft.work_id = w.id JOIN tags t ON t.id = ft.tag_id
          WHERE ${where.text} GROUP BY ft.tag_id)
        WHERE rk <= ?`;
      for (const [type, id, count] of this.stmt(sql).raw().iterate(...where.params, q.facetLimit) as Iterable<[TagType, number, number]>) {
        facets[type]?.push({ id, count });
      }
      for (const t of TAG_TYPES) facets[t].sort((a, b) => b.count - a.count || a.id - b.id);
    }
    const offset = (q.page - 1) * q.perPage;
    if (total <= offset) return { total, ids: [], scores: relevance ? [] : null, facets };
    if (relevance) {
      const score = this.scoreSql(text);
      this.stmt('DELETE FROM temp.bench_score').run();
      this.stmt(`INSERT INTO temp.bench_score (id, score) WITH ${score.text} SELECT id, score FROM s`).run(...score.params);
      const dir = q.order === 'asc' ? 'ASC' : 'DESC';
      const rows = this.stmt(`SELECT w.id, s.score FROM works w JOIN temp.bench_score s ON s.id = w.id WHERE ${where.text}
        ORDER BY s.score ${dir}, w.id DESC LIMIT ? OFFSET ?`).raw().all(...where.params, q.perPage, offset) as [number, number][];
      return { total, ids: rows.map((r) => r[0]), scores: rows.map((r) => r[1]), facets };
    }
    const key = q.sort === 'relevance' ? 'updated' : q.sort;
    const dir = q.order === 'asc' ? 'ASC' : 'DESC';
    const ids = this.stmt(`SELECT w.id FROM works w WHERE ${where.text} ORDER BY ${ORDER_COLUMN[key]} ${dir}, w.id DESC LIMIT ? OFFSET ?`)
      .pluck().all(...where.params, q.perPage, offset) as number[];
    return { total, ids, scores: null, facets };
  }

  /** The WHERE clause over `works w`, or null when an included tag does not exist (nothing can match). */
  private where(q: SearchQuery, text: boolean): Sql | null {
    const parts: string[] = ["w.status = 'posted'", 'w.hidden = 0', 'w.restricted = 0'];
    const params: unknown[] = [];
    for (const name of [...q.include, ...q.warnings, ...q.categories]) {
      const id = this.tagId(name);
      if (id === undefined) return null;
      parts.push('w.id IN (SELECT work_id FROM filter_taggings WHERE tag_id = ?)');
      params.push(id);
    }
    for (const name of [...q.exclude, ...q.excludeWarnings, ...q.excludeCategories]) {
      const id = this.tagId(name);
      if (id === undefined) continue;
      parts.push('w.id NOT IN (SELECT work_id FROM filter_taggings WHERE tag_id = ?)');
      params.push(id);
    }
    const list = (column: string, values: readonly string[], not = false) => {
      parts.push(`${column} ${not ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (q.ratings.length > 0) list('w.rating', q.ratings);
    if (q.excludeRatings.length > 0) list('w.rating', q.excludeRatings, true);
    if (q.languages.length > 0) list('w.language', q.languages);
    if (q.complete !== 'all') parts.push(`w.complete = ${q.complete === 'complete' ? 1 : 0}`);
    if (q.crossover !== 'include') parts.push(`w.id ${q.crossover === 'only' ? 'IN' : 'NOT IN'} (SELECT work_id FROM temp.bench_crossover)`);
    const bound = (column: string, op: string, value: unknown) => {
      if (value === undefined) return;
      parts.push(`${column} ${op} ?`);
      params.push(value);
    };
    bound('w.word_count', '>=', q.wordsMin);
    bound('w.word_count', '<=', q.wordsMax);
    bound('w.published_on', '>=', q.postedFrom);
    bound('w.published_on', '<=', q.postedTo);
    bound('w.updated_on', '>=', q.updatedFrom);
    bound('w.updated_on', '<=', q.updatedTo);
    if (text) parts.push('w.id IN (SELECT id FROM temp.bench_match)');
    return { text: parts.join(' AND '), params };
  }

  /** Work ids matching a text node, as one compound SELECT over the FTS tables. */
  private matchSql(n: TextNode): Sql {
    switch (n.kind) {
      case 'term':
        return termSql(n);
      case 'or':
        return compound(n.children.map((c) => this.matchSql(c)), 'UNION');
      case 'not': {
        const inner = this.matchSql(n.child);
        return { text: `SELECT id FROM works WHERE id NOT IN (${inner.text})`, params: inner.params };
      }
      case 'and': {
        const pos = n.children.filter((c) => c.kind !== 'not').map((c) => this.matchSql(c));
        const neg = n.children.filter((c): c is Extract<TextNode, { kind: 'not' }> => c.kind === 'not').map((c) => this.matchSql(c.child));
        const base = pos.length > 0 ? compound(pos, 'INTERSECT') : { text: 'SELECT id FROM works', params: [] };
        return neg.length > 0 ? compound([base, ...neg], 'EXCEPT') : base;
      }
    }
  }

  /**
   * CTEs ending in `s(id, score)` for every work matching some positive term: Σ over terms (best
   * chapter -bm25 + metadata -bm25). Each MATCH is its own MATERIALIZED CTE: bm25() may only be
   * called in the query that scans the FTS table, which flattening would otherwise break.
   */
  private scoreSql(root: TextNode): Sql {
    const terms: TermNode[] = [];
    const walk = (n: TextNode, positive: boolean) => {
      if (n.kind === 'term') { if (positive) terms.push(n); } else if (n.kind === 'not') walk(n.child, !positive);
      else for (const c of n.children) walk(c, positive);
    };
    walk(root, true);
    const ctes: string[] = [];
    const params: unknown[] = [];
    const sums: string[] = [];
    for (const t of terms) {
      const chapters = chapterMatch(t);
      if (chapters) {
        const name = `p${ctes.length}`;
        ctes.push(`${name} AS MATERIALIZED (SELECT rowid >> ${CHAPTER_SHIFT} AS id, -bm25(search_chapters) AS s FROM search_chapters WHERE search_chapters MATCH ?)`);
        params.push(chapters);
        sums.push(`SELECT id, max(s) AS s FROM ${name} GROUP BY id`);
      }
      const name = `p${ctes.length}`;
      ctes.push(`${name} AS MATERIALIZED (SELECT rowid AS id, -bm25(search_works, ${WEIGHTS}) AS s FROM search_works WHERE search_works MATCH ?)`);
      params.push(metaMatch(t));
      sums.push(`SELECT id, s FROM ${name}`);
    }
    ctes.push(`s AS (SELECT id, sum(s) AS score FROM (${sums.join(' UNION ALL ')}) GROUP BY id)`);
    return { text: ctes.join(',\n'), params };
  }
}

function termSql(t: TermNode): Sql {
  const chapters = chapterMatch(t);
  const meta: Sql = { text: 'SELECT rowid FROM search_works WHERE search_works MATCH ?', params: [metaMatch(t)] };
  if (!chapters) return meta;
  return compound([{ text: `SELECT rowid >> ${CHAPTER_SHIFT} FROM search_chapters WHERE search_chapters MATCH ?`, params: [chapters] }, meta], 'UNION');
}

function compound(parts: Sql[], op: string): Sql {
  if (parts.length === 1) return parts[0]!;
  return { text: parts.map((p) => `SELECT * FROM (${p.text})`).join(` ${op} `), params: parts.flatMap((p) => p.params) };
}
