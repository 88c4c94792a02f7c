import roaring from 'roaring';
import { logger } from '../../log.ts';
import type { Db } from '../../store/schema.ts';
import { grow } from '../engine/arrays.ts';
import { creatorSortKey, dayNumber, titleSortKey } from '../engine/keys.ts';
import { addParents, crossoverOf, crossoversOf, type FandomParents } from '../engine/load.ts';
import { Pairs } from '../engine/membership-rows.ts';
import { TagLists } from '../engine/tag-lists.ts';
import { TagPostings } from '../engine/tag-postings.ts';
import { NUMERIC_KEYS, WorkIndex, emptyParts, typeCode, type IndexParts, type WorkRow } from '../engine/work-index.ts';
import type { LoadedIndex } from '../text-backend.ts';

const { RoaringBitmap32 } = roaring;
const log = logger('search');

/** Works per read. */
const CHUNK = 50_000;

interface WorkRecord {
  id: number; title: string; language: string; complete: number; word_count: number; status: string;
  restricted: number; hidden: number; published_on: string; updated_on: string;
  hits: number; kudos_count: number; comments_count: number; bookmarks_count: number;
}

const WORK_COLUMNS = ['id', 'title', 'language', 'complete', 'word_count', 'status', 'restricted', 'hidden', 'published_on', 'updated_on',
  'hits', 'kudos_count', 'comments_count', 'bookmarks_count'] as const;

/**
 * The engine's rows read through Kysely instead of raw better-sqlite3: what the engine is built
 * from on PostgreSQL (portable, so it also runs, and is tested, on SQLite). It fills the same
 * `IndexParts` as engine/bulk-load.ts from the same columns, in one repeatable-read transaction;
 * titles and creator keys are read at once (bulk-load reads them on the first such sort, but
 * that hook is synchronous).
 */
export async function loadIndexFrom(db: Db, snapshot: (fn: (trx: Db) => Promise<LoadedIndex>) => Promise<LoadedIndex>): Promise<LoadedIndex> {
  return snapshot(async (trx) => {
    const started = performance.now();
    const p = emptyParts();
    const max = await trx.selectFrom('works').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    const maxId = Number(max?.max ?? 0);
    const alive = await loadWorks(trx, p, maxId);
    for (const t of await trx.selectFrom('tags').select(['id', 'type']).execute()) {
      p.tagTypes = grow(p.tagTypes, t.id);
      p.tagTypes[t.id] = typeCode(t.type);
    }
    await loadTaggings(trx, p, maxId);
    const index = new WorkIndex(p);
    const graph: FandomParents = new Map();
    addParents(graph, await fandomLinks(trx));
    p.crossover.addMany(crossoversOf(index, graph, maxId));
    await loadCreatorsAndMembers(trx, index, maxId);
    log.debug({ works: alive.length, ms: Math.round(performance.now() - started) }, 'search engine loaded through Kysely');
    return { index, graph };
  });
}

async function fandomLinks(db: Db, tagIds?: readonly number[]): Promise<[number, number][]> {
  let q = db.selectFrom('tag_links').innerJoin('tags', 'tags.id', 'tag_links.tag_id')
    .select(['tag_links.tag_id', 'tag_links.parent_id']).where('tag_links.kind', '=', 'meta').where('tags.type', '=', 'fandom');
  if (tagIds) {
    if (tagIds.length === 0) return [];
    q = q.where('tag_links.tag_id', 'in', [...tagIds]);
  }
  return (await q.execute()).map((r) => [Number(r.tag_id), Number(r.parent_id)]);
}

async function loadWorks(db: Db, p: IndexParts, maxId: number): Promise<number[]> {
  for (const k of NUMERIC_KEYS) p.num[k] = new Uint32Array(maxId + 1);
  const ids = { alive: [] as number[], posted: [] as number[], guest: [] as number[], member: [] as number[], complete: [] as number[] };
  const languages = new Map<string, number[]>();
  for (let lo = 0; lo <= maxId; lo += CHUNK) {
    const rows = (await db.selectFrom('works').select([...WORK_COLUMNS]).where('id', '>=', lo).where('id', '<', lo + CHUNK).execute()) as WorkRecord[];
    for (const r of rows) {
      const row = toRow(r, []);
      const id = row.id;
      ids.alive.push(id);
      if (row.complete) ids.complete.push(id);
      if (row.status === 'posted') ids.posted.push(id);
      const visible = row.status === 'posted' && !row.hidden;
      if (visible) ids.member.push(id);
      if (visible && !row.restricted) ids.guest.push(id);
      for (const k of NUMERIC_KEYS) p.num[k][id] = row[k];
      p.titleKey[id] = row.titleKey;
      let list = languages.get(row.language);
      if (!list) languages.set(row.language, (list = []));
      list.push(id);
      p.languageOf[id] = row.language;
    }
  }
  p.alive.addMany(ids.alive);
  p.posted.addMany(ids.posted);
  p.guest.addMany(ids.guest);
  p.member.addMany(ids.member);
  p.complete.addMany(ids.complete);
  for (const [code, list] of languages) {
    for (const id of list) p.languageOf[id] = code; // one string per language
    p.languages.set(code, RoaringBitmap32.from(list));
  }
  return ids.alive.sort((a, b) => a - b);
}

function toRow(r: WorkRecord, tags: number[]): Omit<WorkRow, 'crossover' | 'creatorKey'> {
  return {
    id: Number(r.id), titleKey: titleSortKey(r.title), language: r.language, complete: Number(r.complete) === 1, words: Number(r.word_count),
    status: r.status, restricted: Number(r.restricted) === 1, hidden: Number(r.hidden) === 1,
    posted: dayNumber(r.published_on), updated: dayNumber(r.updated_on),
    hits: Number(r.hits), kudos: Number(r.kudos_count), comments: Number(r.comments_count), bookmarks: Number(r.bookmarks_count), tags,
  };
}

/** Filter taggings: each work's tags in ascending id order and each tag's works, as bulk-load builds them. */
async function loadTaggings(db: Db, p: IndexParts, maxId: number): Promise<void> {
  const offsets = new Uint32Array(maxId + 2);
  let tags = new Uint32Array(1024);
  let n = 0;
  let maxTag = 0;
  for (let lo = 0; lo <= maxId; lo += CHUNK) {
    const rows = await db.selectFrom('filter_taggings').select(['work_id', 'tag_id']).where('work_id', '>=', lo).where('work_id', '<', lo + CHUNK)
      .orderBy('work_id').orderBy('tag_id').execute();
    if (n + rows.length > tags.length) tags = grow(tags, n + rows.length);
    for (const r of rows) {
      const w = Number(r.work_id);
      const t = Number(r.tag_id);
      if (w > maxId) continue;
      offsets[w + 1]!++;
      tags[n++] = t;
      if (t > maxTag) maxTag = t;
    }
  }
  for (let w = 1; w < offsets.length; w++) offsets[w]! += offsets[w - 1]!;
  const data = tags.slice(0, n);
  p.tags = TagPostings.fromWorkRows(offsets, data, maxTag);
  p.tagLists = TagLists.fromIds(offsets, data, maxTag, (t) => p.tags.count(t));
}

/** Creator sort keys (pen names' folded keys, by position) and the pen name and series memberships. */
async function loadCreatorsAndMembers(db: Db, index: WorkIndex, maxId: number): Promise<void> {
  const pseuds = new Pairs();
  const keys = new Map<number, string[]>();
  for (let lo = 0; lo <= maxId; lo += CHUNK) {
    const rows = await db.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
      .select(['work_creators.work_id', 'work_creators.pseud_id', 'pseuds.name_key'])
      .where('work_creators.work_id', '>=', lo).where('work_creators.work_id', '<', lo + CHUNK)
      .orderBy('work_creators.work_id').orderBy('work_creators.position').execute();
    for (const r of rows) {
      const w = Number(r.work_id);
      keys.set(w, [...(keys.get(w) ?? []), r.name_key]);
      pseuds.push(w, Number(r.pseud_id));
    }
  }
  for (const [w, list] of keys) index.p.creatorKey[w] = creatorSortKey(list);
  index.members.load('pseud', pseuds);
  const series = new Pairs();
  for (const r of await db.selectFrom('series_works').select(['series_id', 'work_id']).execute()) series.push(Number(r.work_id), Number(r.series_id));
  index.members.load('series', series);
}

/**
 * Reads the rows of the given works for a live update (absent: the work is gone), refreshes
 * `graph` for their fandoms, tells `index` their tags' types, and resets their pen name and series
 * memberships: engine/load.ts's `loadRows` and `refreshMemberships`, through Kysely.
 */
export async function loadRowsFrom(db: Db, index: WorkIndex, graph: FandomParents, ids: readonly number[]): Promise<WorkRow[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const tags = new Map<number, number[]>(list.map((id) => [id, []]));
  for (const r of await db.selectFrom('filter_taggings').select(['work_id', 'tag_id']).where('work_id', 'in', list).orderBy('tag_id').execute()) {
    tags.get(Number(r.work_id))?.push(Number(r.tag_id));
  }
  const allTags = [...new Set([...tags.values()].flat())];
  if (allTags.length > 0) {
    for (const t of await db.selectFrom('tags').select(['id', 'type']).where('id', 'in', allTags).execute()) index.setTagType(t.id, t.type);
  }
  const fandoms = allTags.filter((t) => index.tagType(t) === 'fandom');
  for (const f of fandoms) graph.delete(f);
  addParents(graph, await fandomLinks(db, fandoms));
  const creators = new Map<number, string[]>();
  const pseuds = new Map<number, number[]>(list.map((id) => [id, []]));
  const crows = await db.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
    .select(['work_creators.work_id', 'work_creators.pseud_id', 'pseuds.name_key'])
    .where('work_creators.work_id', 'in', list).orderBy('work_creators.work_id').orderBy('work_creators.position').execute();
  for (const r of crows) {
    const w = Number(r.work_id);
    creators.set(w, [...(creators.get(w) ?? []), r.name_key]);
    pseuds.get(w)?.push(Number(r.pseud_id));
  }
  const series = new Map<number, number[]>(list.map((id) => [id, []]));
  for (const r of await db.selectFrom('series_works').select(['work_id', 'series_id']).where('work_id', 'in', list).execute()) {
    series.get(Number(r.work_id))?.push(Number(r.series_id));
  }
  const rows: WorkRow[] = [];
  const records = (await db.selectFrom('works').select([...WORK_COLUMNS]).where('id', 'in', list).execute()) as WorkRecord[];
  for (const r of records) {
    const workTags = tags.get(Number(r.id)) ?? [];
    const row = toRow(r, workTags);
    rows.push({ ...row, creatorKey: creatorSortKey(creators.get(row.id) ?? []), crossover: crossoverOf(index, workTags, graph) });
  }
  for (const r of rows) {
    index.members.set('pseud', r.id, pseuds.get(r.id) ?? []);
    index.members.set('series', r.id, series.get(r.id) ?? []);
  }
  return rows;
}
