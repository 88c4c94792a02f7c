import { foldName } from '../tags/tag.types.ts';
import type { Db } from '../store/schema.ts';
import type { OwnSeries, SeriesChoice } from './posting.types.ts';

/**
 * The rows the posting service writes piece by piece (WorkService.update replaces a whole work,
 * chapters included; editing the metadata must leave chapter rows, and what hangs on them, alone).
 * Every function takes a `Db`, so the caller chooses the transaction.
 */

/** An account's pen names, oldest first. */
export async function accountPseuds(db: Db, accountId: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('pseuds').select(['id', 'name']).where('account_id', '=', accountId).orderBy('id').execute();
}

/** True when one of the account's pen names is a creator of the work. */
export async function isCreatorAccount(db: Db, workId: number, accountId: number): Promise<boolean> {
  const row = await db
    .selectFrom('work_creators')
    .innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
    .select('work_creators.work_id')
    .where('work_creators.work_id', '=', workId)
    .where('pseuds.account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The series an account writes in: those holding a work credited to one of its pen names. */
export async function ownSeries(db: Db, accountId: number): Promise<OwnSeries[]> {
  const rows = await db
    .selectFrom('series')
    .innerJoin('series_works', 'series_works.series_id', 'series.id')
    .select((eb) => ['series.id', 'series.title', 'series.title_key', eb.fn.count<number>('series_works.work_id').distinct().as('works')])
    .where((eb) =>
      eb.exists(
        eb.selectFrom('series_works as sw')
          .innerJoin('work_creators', 'work_creators.work_id', 'sw.work_id')
          .innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
          .select('sw.work_id')
          .whereRef('sw.series_id', '=', 'series.id')
          .where('pseuds.account_id', '=', accountId),
      ),
    )
    .groupBy(['series.id', 'series.title', 'series.title_key'])
    .orderBy('series.title_key')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, works: Number(r.works) }));
}

/** The day (`YYYY-MM-DD`) a work row was made. */
export async function createdDay(db: Db, workId: number): Promise<string> {
  const row = await db.selectFrom('works').select('created_at').where('id', '=', workId).executeTakeFirstOrThrow();
  return row.created_at.slice(0, 10);
}

export { replaceTags } from './work.repository.ts';

/**
 * Credits exactly `ownIds` among the account's pen names on a work: those unticked leave, new
 * ones join after the others. Other accounts' pen names keep their places.
 */
export async function setOwnCreators(trx: Db, workId: number, accountId: number, ownIds: readonly number[]): Promise<void> {
  const rows = await trx
    .selectFrom('work_creators')
    .leftJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
    .select(['work_creators.pseud_id', 'work_creators.position', 'pseuds.account_id'])
    .where('work_creators.work_id', '=', workId)
    .orderBy('work_creators.position')
    .execute();
  const leaving = rows.filter((r) => r.account_id === accountId && !ownIds.includes(r.pseud_id)).map((r) => r.pseud_id);
  if (leaving.length > 0) await trx.deleteFrom('work_creators').where('work_id', '=', workId).where('pseud_id', 'in', leaving).execute();
  let next = rows.reduce((m, r) => Math.max(m, r.position + 1), 0);
  for (const id of ownIds) {
    if (rows.some((r) => r.pseud_id === id)) continue;
    await trx.insertInto('work_creators').values({ work_id: workId, pseud_id: id, position: next++ }).execute();
  }
}

/** Makes a new series (always new: two creators may well use the same title). */
async function newSeries(trx: Db, title: string, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const row = await trx
    .insertInto('series')
    .values({ title, title_key: foldName(title), summary: '', notes: '', complete: 0, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Puts a work in the chosen series (at `position`, or at the end), after taking it out of
 * `leaving` (the series the form showed). Returns the series id, if any.
 */
export async function placeInSeries(trx: Db, workId: number, choice: SeriesChoice | undefined, leaving: number | undefined, now: Date): Promise<number | undefined> {
  if (leaving !== undefined) await trx.deleteFrom('series_works').where('series_id', '=', leaving).where('work_id', '=', workId).execute();
  if (!choice) return undefined;
  const seriesId = 'seriesId' in choice ? choice.seriesId : await newSeries(trx, choice.newTitle, now);
  await trx.deleteFrom('series_works').where('series_id', '=', seriesId).where('work_id', '=', workId).execute();
  const last = await trx.selectFrom('series_works').select((eb) => eb.fn.max('position').as('max')).where('series_id', '=', seriesId).executeTakeFirst();
  const position = choice.position ?? Number(last?.max ?? 0) + 1;
  await trx.insertInto('series_works').values({ series_id: seriesId, work_id: workId, position }).execute();
  await trx.updateTable('series').set({ updated_at: now.toISOString() }).where('id', '=', seriesId).execute();
  return seriesId;
}

/** Chapter count, total words and the latest chapter day of a work, from its chapter rows. */
export async function chapterTotals(db: Db, workId: number): Promise<{ chapters: number; words: number; lastDay: string | null }> {
  const row = await db
    .selectFrom('chapters')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('word_count').as('words'), eb.fn.max('published_on').as('last')])
    .where('work_id', '=', workId)
    .executeTakeFirstOrThrow();
  return { chapters: Number(row.n), words: Number(row.words ?? 0), lastDay: (row.last as string | null) ?? null };
}

export interface TouchOptions {
  complete?: boolean;
  expectedChapters?: number | null;
  /** A day the work was updated on (a chapter added today). */
  updatedOn?: string;
  /** Forget the stored update day (the dates were changed): the latest chapter day counts. */
  recomputeUpdated?: boolean;
}

/**
 * Brings a work row in line with its chapters (count, words, last update day) and bumps its
 * revision, as every write does: downloads and caches key on it.
 */
export async function touchWork(trx: Db, workId: number, now: Date, set: TouchOptions = {}): Promise<void> {
  const totals = await chapterTotals(trx, workId);
  const row = await trx.selectFrom('works').select(['published_on', 'updated_on']).where('id', '=', workId).executeTakeFirstOrThrow();
  const candidates = [row.published_on, totals.lastDay ?? row.published_on, set.updatedOn ?? row.published_on, set.recomputeUpdated ? row.published_on : row.updated_on];
  const updatedOn = candidates.reduce((m, d) => (d > m ? d : m));
  await trx
    .updateTable('works')
    .set((eb) => ({
      chapter_count: totals.chapters,
      word_count: totals.words,
      updated_on: updatedOn,
      revised_at: now.toISOString(),
      revision: eb('revision', '+', 1),
      ...(set.complete !== undefined ? { complete: set.complete ? 1 : 0 } : {}),
      ...(set.expectedChapters !== undefined ? { expected_chapters: set.expectedChapters } : {}),
    }))
    .where('id', '=', workId)
    .execute();
}

/** Who a pen name belongs to: the account's username, or null for an unattached (imported) one; undefined when no such pen name exists. */
export async function penNameOwner(db: Db, name: string): Promise<{ pseudId: number; name: string; username: string | null } | undefined> {
  const row = await db
    .selectFrom('pseuds')
    .leftJoin('accounts', 'accounts.id', 'pseuds.account_id')
    .select(['pseuds.id', 'pseuds.name', 'accounts.username'])
    .where('pseuds.name_key', '=', foldName(name))
    .executeTakeFirst();
  return row ? { pseudId: row.id, name: row.name, username: row.username ?? null } : undefined;
}
