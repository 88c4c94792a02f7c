import type SQLite from 'better-sqlite3';
import { isCrossover } from './crossover.ts';
import { creatorSortKey, dayNumber, titleSortKey } from './keys.ts';
import { typeCode, type WorkIndex, type WorkRow } from './work-index.ts';

/**
 * Reading the rows of a few works for a live update, with raw better-sqlite3 statements (the
 * bulk load at start-up is bulk-load.ts), and what both share: the fandom graph and crossovers.
 */
const WORKS_SQL = `SELECT id, title, language, complete, word_count, status, restricted, hidden, published_on, updated_on,
  hits, kudos_count, comments_count, bookmarks_count FROM works`;
const CREATORS_SQL = `SELECT wc.work_id, p.name_key FROM work_creators wc JOIN pseuds p ON p.id = wc.pseud_id`;
export const FANDOM_LINKS_SQL = `SELECT l.tag_id, l.parent_id FROM tag_links l JOIN tags t ON t.id = l.tag_id WHERE l.kind = 'meta' AND t.type = 'fandom'`;
const IDS = `(SELECT value FROM json_each(?))`;

type WorkTuple = [number, string, string, number, number, string, number, number, string, string, number, number, number, number];

/** Fandom tag → its direct metatags: what crossover detection needs. */
export type FandomParents = Map<number, number[]>;

function toRow(t: WorkTuple, tags: number[], creators: string[]): Omit<WorkRow, 'crossover'> {
  return {
    id: t[0], titleKey: titleSortKey(t[1]), language: t[2], complete: t[3] === 1, words: t[4], status: t[5],
    restricted: t[6] === 1, hidden: t[7] === 1, posted: dayNumber(t[8]), updated: dayNumber(t[9]),
    hits: t[10], kudos: t[11], comments: t[12], bookmarks: t[13], tags, creatorKey: creatorSortKey(creators),
  };
}

export function addParents(graph: FandomParents, rows: Iterable<unknown>): void {
  for (const r of rows as Iterable<[number, number]>) {
    const list = graph.get(r[0]) ?? [];
    if (!list.includes(r[1])) list.push(r[1]);
    graph.set(r[0], list);
  }
}

/** Whether a work with these filter tags is a crossover, given tag types known to `index`. */
export function crossoverOf(index: WorkIndex, tags: ArrayLike<number>, graph: FandomParents): boolean {
  const fandoms: number[] = [];
  for (let i = 0; i < tags.length; i++) if (index.tagType(tags[i]!) === 'fandom') fandoms.push(tags[i]!);
  return isCrossover(fandoms, (id) => graph.get(id) ?? []);
}

/** The crossover works (`crossoverOf`) after a bulk load, checking only the works with two fandom tags or more. */
export function crossoversOf(index: WorkIndex, graph: FandomParents, maxId: number): number[] {
  const { tags, tagTypes, tagLists } = index.p;
  const fandom = typeCode('fandom');
  const fandoms = new Uint8Array(maxId + 1);
  tags.forEach((t) => {
    if (tagTypes[t] !== fandom) return;
    const works = tags.loadedWorks(t);
    for (let i = 0; i < works.length; i++) if (fandoms[works[i]!]! < 2) fandoms[works[i]!]!++;
  });
  const out: number[] = [];
  for (let w = 0; w <= maxId; w++) if (fandoms[w] === 2 && crossoverOf(index, tagLists.get(w), graph)) out.push(w);
  return out;
}

/**
 * Reads the rows of the given works for a live update. Ids that no longer exist are absent from
 * the result. Refreshes `graph` for their fandoms and tells `index` the types of their tags.
 */
export function loadRows(sqlite: SQLite.Database, index: WorkIndex, graph: FandomParents, ids: readonly number[]): WorkRow[] {
  const json = JSON.stringify(ids);
  const tags = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const [w, t] of sqlite.prepare(`SELECT work_id, tag_id FROM filter_taggings WHERE work_id IN ${IDS}`).raw().iterate(json) as Iterable<[number, number]>) {
    tags.get(w)?.push(t);
  }
  const allTags = JSON.stringify([...new Set([...tags.values()].flat())]);
  for (const [id, type] of sqlite.prepare(`SELECT id, type FROM tags WHERE id IN ${IDS}`).raw().iterate(allTags) as Iterable<[number, string]>) {
    index.setTagType(id, type);
  }
  const fandoms = [...new Set([...tags.values()].flat())].filter((t) => index.tagType(t) === 'fandom');
  for (const f of fandoms) graph.delete(f);
  addParents(graph, sqlite.prepare(`SELECT tag_id, parent_id FROM tag_links WHERE kind = 'meta' AND tag_id IN ${IDS}`).raw().iterate(JSON.stringify(fandoms)));
  const creators = new Map<number, string[]>();
  for (const [w, key] of sqlite.prepare(`${CREATORS_SQL} WHERE wc.work_id IN ${IDS} ORDER BY wc.work_id, wc.position`).raw().iterate(json) as Iterable<[number, string]>) {
    creators.set(w, [...(creators.get(w) ?? []), key]);
  }
  const rows: WorkRow[] = [];
  for (const t of sqlite.prepare(`${WORKS_SQL} WHERE id IN ${IDS}`).raw().iterate(json) as Iterable<WorkTuple>) {
    const workTags = tags.get(t[0]) ?? [];
    rows.push({ ...toRow(t, workTags, creators.get(t[0]) ?? []), crossover: crossoverOf(index, workTags, graph) });
  }
  return rows;
}
