import type { Selectable } from 'kysely';
import { refreshFilterTags } from '../tags/filter-tags.ts';
import { ensureTag, findTagsByIds } from '../tags/tag.repository.ts';
import { foldName, type Category, type Rating, type TagType, type Warning } from '../tags/tag.types.ts';
import type { ChaptersTable, Db, WorksTable } from '../store/schema.ts';
import type { Chapter, Work } from './work.types.ts';
import type { ValidWork } from './work.validate.ts';

/**
 * Rows in, domain objects out. Every function takes a `Db`, so callers choose the transaction;
 * `writeWork` must be called inside one (WorkService does).
 */

/** Inserts a new work (id undefined) or replaces every part of an existing one. Returns its id. */
export async function writeWork(trx: Db, work: ValidWork, id: number | undefined, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const values = {
    title: work.title,
    summary: work.summary,
    notes: work.notes,
    end_notes: work.endNotes,
    rating: work.rating,
    language: work.language,
    complete: work.complete ? 1 : 0,
    expected_chapters: work.expectedChapters,
    word_count: work.words,
    chapter_count: work.chapters.length,
    status: work.status,
    restricted: work.restricted ? 1 : 0,
    published_on: work.publishedOn,
    updated_on: work.updatedOn,
    revised_at: stamp,
  };
  let workId: number;
  if (id === undefined) {
    const row = await trx
      .insertInto('works')
      .values({ ...values, created_at: stamp, import_hash: work.importHash, hidden: 0, revision: 1, hits: 0, kudos_count: 0, comments_count: 0, bookmarks_count: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    workId = row.id;
  } else {
    await trx.updateTable('works').set((eb) => ({ ...values, revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
    workId = id;
    await trx.deleteFrom('chapters').where('work_id', '=', id).execute();
    await trx.deleteFrom('work_tags').where('work_id', '=', id).execute();
    await trx.deleteFrom('work_creators').where('work_id', '=', id).execute();
    await trx.deleteFrom('series_works').where('work_id', '=', id).execute();
  }

  for (const [i, c] of work.chapters.entries()) {
    await trx
      .insertInto('chapters')
      .values({ work_id: workId, position: i + 1, title: c.title, summary: c.summary, notes: c.notes, end_notes: c.endNotes, body: c.html, word_count: c.words, published_on: c.publishedOn })
      .execute();
  }

  await replaceTags(trx, workId, work, now);

  for (const [i, name] of work.creators.entries()) {
    const pseudId = await ensurePseud(trx, name, now);
    await trx.insertInto('work_creators').values({ work_id: workId, pseud_id: pseudId, position: i }).execute();
  }

  for (const s of work.series) {
    const seriesId = await ensureSeries(trx, s.title, now);
    const last = await trx.selectFrom('series_works').select((eb) => eb.fn.max('position').as('max')).where('series_id', '=', seriesId).executeTakeFirst();
    const position = s.position ?? Number(last?.max ?? 0) + 1;
    await trx.insertInto('series_works').values({ series_id: seriesId, work_id: workId, position }).execute();
    await trx.updateTable('series').set({ updated_at: stamp }).where('id', '=', seriesId).execute();
  }
  return workId;
}

/** Replaces a work's tags (rating, warnings, categories and the four free kinds) and its filter tags. */
export async function replaceTags(trx: Db, workId: number, work: ValidWork, now: Date): Promise<void> {
  await trx.deleteFrom('work_tags').where('work_id', '=', workId).execute();
  const typed: [TagType, readonly string[]][] = [
    ['rating', [work.rating]], ['warning', work.warnings], ['category', work.categories],
    ['fandom', work.fandoms], ['relationship', work.relationships], ['character', work.characters], ['additional', work.tags],
  ];
  let position = 0;
  const seen = new Set<number>();
  for (const [type, names] of typed) {
    for (const name of names) {
      const tag = await ensureTag(trx, type, name, now);
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      await trx.insertInto('work_tags').values({ work_id: workId, tag_id: tag.id, position: position++ }).execute();
    }
  }
  await refreshFilterTags(trx, [workId]);
}

export async function ensurePseud(trx: Db, name: string, now: Date): Promise<number> {
  const key = foldName(name);
  const found = await trx.selectFrom('pseuds').select('id').where('name_key', '=', key).executeTakeFirst();
  if (found) return found.id;
  const row = await trx.insertInto('pseuds').values({ name, name_key: key, account_id: null, created_at: now.toISOString() }).onConflict((oc) => oc.column('name_key').doNothing()).returning('id').executeTakeFirst();
  // No row: another process made the same pen name a moment ago (PostgreSQL); use theirs.
  return row ? row.id : ensurePseud(trx, name, now);
}

async function ensureSeries(trx: Db, title: string, now: Date): Promise<number> {
  const key = foldName(title);
  const found = await trx.selectFrom('series').select('id').where('title_key', '=', key).orderBy('id').executeTakeFirst();
  if (found) return found.id;
  const stamp = now.toISOString();
  const row = await trx
    .insertInto('series')
    .values({ title, title_key: key, summary: '', notes: '', complete: 0, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Loads works by id, in the order given, with tags, creators and series. Missing ids are skipped. */
export async function loadWorks(db: Db, ids: readonly number[]): Promise<Work[]> {
  if (ids.length === 0) return [];
  const out = new Map<number, Work>();
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const rows = await db.selectFrom('works').selectAll().where('id', 'in', batch).execute();
    for (const r of rows) out.set(r.id, toWork(r));
    // Two indexed look-ups rather than a join: with PostgreSQL's stock planner settings the join
    // hashed the whole tags table for a page of 20 works (17 ms instead of 1 ms at 35 k tags).
    const links = await db
      .selectFrom('work_tags')
      .select(['work_id', 'tag_id'])
      .where('work_id', 'in', batch)
      .orderBy('work_id')
      .orderBy('position')
      .execute();
    const names = new Map((await findTagsByIds(db, [...new Set(links.map((l) => l.tag_id))])).map((t) => [t.id, t]));
    for (const l of links) {
      const w = out.get(l.work_id);
      const t = names.get(l.tag_id);
      if (!w || !t) continue;
      switch (t.type) {
        case 'warning': w.warnings.push(t.name as Warning); break;
        case 'category': w.categories.push(t.name as Category); break;
        case 'fandom': w.fandoms.push(t.name); break;
        case 'relationship': w.relationships.push(t.name); break;
        case 'character': w.characters.push(t.name); break;
        case 'additional': w.tags.push(t.name); break;
      }
    }
    const creators = await db
      .selectFrom('work_creators')
      .innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
      .select(['work_creators.work_id', 'pseuds.id', 'pseuds.name'])
      .where('work_creators.work_id', 'in', batch)
      .orderBy('work_creators.work_id')
      .orderBy('work_creators.position')
      .execute();
    for (const c of creators) out.get(c.work_id)?.creators.push({ id: c.id, name: c.name });
    const series = await db
      .selectFrom('series_works')
      .innerJoin('series', 'series.id', 'series_works.series_id')
      .select(['series_works.work_id', 'series.id', 'series.title', 'series_works.position'])
      .where('series_works.work_id', 'in', batch)
      .orderBy('series.id')
      .execute();
    for (const s of series) out.get(s.work_id)?.series.push({ id: s.id, title: s.title, position: s.position });
  }
  return ids.flatMap((id) => out.get(id) ?? []);
}

export function toWork(r: Selectable<WorksTable>): Work {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    notes: r.notes,
    endNotes: r.end_notes,
    rating: r.rating as Rating,
    warnings: [],
    categories: [],
    fandoms: [],
    relationships: [],
    characters: [],
    tags: [],
    language: r.language,
    series: [],
    complete: r.complete === 1,
    expectedChapters: r.expected_chapters,
    creators: [],
    publishedOn: r.published_on,
    updatedOn: r.updated_on,
    status: r.status === 'draft' ? 'draft' : 'posted',
    restricted: r.restricted === 1,
    hidden: r.hidden === 1,
    words: r.word_count,
    chapterCount: r.chapter_count,
    revision: r.revision,
    stats: { hits: r.hits, kudos: r.kudos_count, comments: r.comments_count, bookmarks: r.bookmarks_count },
  };
}

export function toChapter(r: Selectable<ChaptersTable>): Chapter {
  return {
    id: r.id,
    position: r.position,
    title: r.title,
    summary: r.summary,
    notes: r.notes,
    endNotes: r.end_notes,
    html: r.body,
    words: r.word_count,
    publishedOn: r.published_on,
  };
}

export async function loadChapters(db: Db, workId: number): Promise<Chapter[]> {
  const rows = await db.selectFrom('chapters').selectAll().where('work_id', '=', workId).orderBy('position').execute();
  return rows.map(toChapter);
}
