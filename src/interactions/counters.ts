import { sql } from 'kysely';
import type { Db } from '../store/schema.ts';
import type { WorkEvents } from '../works/work.events.ts';

/** Which of a work's counters to recount from their tables. */
export type Counter = 'kudos' | 'comments' | 'bookmarks';

/**
 * Recounts a work's counters from the rows (not by increments, so they cannot drift) and tells
 * the work events, so the in-process search engine picks up the new sort keys at once.
 * Comments count when approved and not deleted; bookmarks when public (as on AO3).
 */
export async function recount(db: Db, events: WorkEvents, workId: number, which: readonly Counter[]): Promise<void> {
  const set: Record<string, unknown> = {};
  if (which.includes('kudos')) set.kudos_count = sql`(SELECT COUNT(*) FROM kudos WHERE kudos.work_id = works.id)`;
  if (which.includes('comments')) set.comments_count = sql`(SELECT COUNT(*) FROM comments WHERE comments.work_id = works.id AND comments.status = 'approved' AND comments.deleted = 0)`;
  if (which.includes('bookmarks')) set.bookmarks_count = sql`(SELECT COUNT(*) FROM bookmarks WHERE bookmarks.work_id = works.id AND bookmarks.private = 0)`;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('works').set(set).where('id', '=', workId).execute();
  await events.counted(db, [workId]);
  await events.changed([workId]);
}

/**
 * Recounts every work's kudos, comments and bookmarks (after bulk changes such as deleted
 * accounts, whose bookmarks go with them). Returns how many works were updated.
 */
export async function recountAll(db: Db, events: WorkEvents): Promise<number> {
  const before = await db.selectFrom('works').select(['id', 'kudos_count', 'comments_count', 'bookmarks_count']).execute();
  await db
    .updateTable('works')
    .set({
      kudos_count: sql`(SELECT COUNT(*) FROM kudos WHERE kudos.work_id = works.id)`,
      comments_count: sql`(SELECT COUNT(*) FROM comments WHERE comments.work_id = works.id AND comments.status = 'approved' AND comments.deleted = 0)`,
      bookmarks_count: sql`(SELECT COUNT(*) FROM bookmarks WHERE bookmarks.work_id = works.id AND bookmarks.private = 0)`,
    })
    .execute();
  const after = new Map((await db.selectFrom('works').select(['id', 'kudos_count', 'comments_count', 'bookmarks_count']).execute()).map((r) => [r.id, r]));
  const changed = before.filter((b) => {
    const a = after.get(b.id);
    return a && (a.kudos_count !== b.kudos_count || a.comments_count !== b.comments_count || a.bookmarks_count !== b.bookmarks_count);
  }).map((b) => b.id);
  await events.counted(db, changed);
  await events.changed(changed);
  return changed.length;
}
