import { visibleWork } from '../interactions/visible-sql.ts';
import { commentPath } from '../interactions/paths.ts';
import type { Subscription } from '../interactions/subscriptions.ts';
import { abs, paths } from '../feeds/links.ts';
import type { Db } from '../store/schema.ts';
import { canView, type Viewer } from '../works/visibility.ts';
import { loadWorks } from '../works/work.repository.ts';
import type { Work } from '../works/work.types.ts';
import { keyCursor, readKeyCursor } from './cursor.ts';
import { workSummaryJson, type ApiContext } from './serialize.ts';

/**
 * The token owner's own lists — bookmarks, kudos, comments, marked for later, subscriptions —
 * each newest first and paged by keyset cursors. Only items on works the owner may still read
 * are listed (as on the web).
 */
export interface Paged<T> {
  total: number;
  items: T[];
  next_cursor: string | null;
}

/** The first `limit` rows, and the cursor after the last of them when there are more. */
function cut<R>(rows: R[], limit: number, keyOf: (r: R) => [string | number, number]): { rows: R[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? keyCursor(...keyOf(last)) : null };
}

async function worksById(db: Db, viewer: Viewer, ids: number[]): Promise<Map<number, Work>> {
  return new Map((await loadWorks(db, ids)).filter((w) => canView(viewer, w)).map((w) => [w.id, w]));
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** The owner's bookmarks (private ones too), last changed first. */
export async function ownerBookmarks(db: Db, c: ApiContext, viewer: Viewer, accountId: number, cursor: string | undefined, limit: number) {
  const after = readKeyCursor(cursor, 'string') as [string, number] | undefined;
  const base = db.selectFrom('bookmarks').innerJoin('works', 'works.id', 'bookmarks.work_id').where('bookmarks.account_id', '=', accountId).where((eb) => visibleWork(viewer)(eb));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let q = base.selectAll('bookmarks');
  if (after) q = q.where((eb) => eb.or([eb('bookmarks.updated_at', '<', after[0]), eb.and([eb('bookmarks.updated_at', '=', after[0]), eb('bookmarks.id', '<', after[1])])]));
  const rows = await q.orderBy('bookmarks.updated_at', 'desc').orderBy('bookmarks.id', 'desc').limit(limit + 1).execute();
  const { rows: page, next } = cut(rows, limit, (r) => [r.updated_at, r.id]);
  const works = await worksById(db, viewer, page.map((r) => r.work_id));
  return {
    total,
    items: page.flatMap((r) => {
      const w = works.get(r.work_id);
      return w ? [{ id: r.id, work: workSummaryJson(c, w), notes_html: r.notes, tags: parseTags(r.tags), rec: r.rec === 1, private: r.private === 1, created_at: r.created_at, updated_at: r.updated_at }] : [];
    }),
    next_cursor: next,
  };
}

/** Works the owner left kudos on, newest first. */
export async function ownerKudos(db: Db, c: ApiContext, viewer: Viewer, accountId: number, cursor: string | undefined, limit: number) {
  const after = readKeyCursor(cursor, 'number');
  const base = db.selectFrom('kudos').innerJoin('works', 'works.id', 'kudos.work_id').where('kudos.account_id', '=', accountId).where((eb) => visibleWork(viewer)(eb));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let q = base.select(['kudos.id', 'kudos.work_id', 'kudos.created_at']);
  if (after) q = q.where('kudos.id', '<', after[1]);
  const rows = await q.orderBy('kudos.id', 'desc').limit(limit + 1).execute();
  const { rows: page, next } = cut(rows, limit, (r) => [r.id, r.id]);
  const works = await worksById(db, viewer, page.map((r) => r.work_id));
  return {
    total,
    items: page.flatMap((r) => {
      const w = works.get(r.work_id);
      return w ? [{ work: workSummaryJson(c, w), created_at: r.created_at }] : [];
    }),
    next_cursor: next,
  };
}

/** The owner's comments that are not deleted (awaiting approval too), newest first. */
export async function ownerComments(db: Db, c: ApiContext, viewer: Viewer, accountId: number, cursor: string | undefined, limit: number) {
  const after = readKeyCursor(cursor, 'number');
  const base = db
    .selectFrom('comments')
    .innerJoin('works', 'works.id', 'comments.work_id')
    .where('comments.account_id', '=', accountId)
    .where('comments.deleted', '=', 0)
    .where((eb) => visibleWork(viewer)(eb));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let q = base.selectAll('comments').select('works.title as work_title');
  if (after) q = q.where('comments.id', '<', after[1]);
  const rows = await q.orderBy('comments.id', 'desc').limit(limit + 1).execute();
  const { rows: page, next } = cut(rows, limit, (r) => [r.id, r.id]);
  return {
    total,
    items: page.map((r) => ({
      id: r.id,
      work_id: r.work_id,
      work_title: r.work_title,
      chapter: r.chapter_position,
      parent_id: r.parent_id,
      html: r.body,
      status: r.status === 'pending' ? ('pending' as const) : ('approved' as const),
      created_at: r.created_at,
      edited_at: r.edited_at,
      url: abs(c, commentPath(r.work_id, r.chapter_position, r.id)),
    })),
    next_cursor: next,
  };
}

/** Works the owner marked for later, newest mark first. */
export async function ownerLater(db: Db, c: ApiContext, viewer: Viewer, accountId: number, cursor: string | undefined, limit: number) {
  const after = readKeyCursor(cursor, 'string') as [string, number] | undefined;
  const base = db.selectFrom('later_works').innerJoin('works', 'works.id', 'later_works.work_id').where('later_works.account_id', '=', accountId).where((eb) => visibleWork(viewer)(eb));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let q = base.select(['later_works.work_id', 'later_works.created_at']);
  if (after) q = q.where((eb) => eb.or([eb('later_works.created_at', '<', after[0]), eb.and([eb('later_works.created_at', '=', after[0]), eb('later_works.work_id', '<', after[1])])]));
  const rows = await q.orderBy('later_works.created_at', 'desc').orderBy('later_works.work_id', 'desc').limit(limit + 1).execute();
  const { rows: page, next } = cut(rows, limit, (r) => [r.created_at, r.work_id]);
  const works = await worksById(db, viewer, page.map((r) => r.work_id));
  return { total, items: page.flatMap((r) => (works.has(r.work_id) ? [workSummaryJson(c, works.get(r.work_id)!)] : [])), next_cursor: next };
}

const SUBSCRIPTION_PATHS = {
  work: (s: Subscription) => paths.work(s.targetId),
  series: (s: Subscription) => paths.series(s.targetId),
  pseud: (s: Subscription) => paths.creator(s.label),
};

/** Pages the owner's subscriptions (the service lists all of them, at most 5,000) by id, newest first. */
export function subscriptionPage(c: ApiContext, all: readonly Subscription[], cursor: string | undefined, limit: number) {
  const after = readKeyCursor(cursor, 'number');
  const rest = after ? all.filter((s) => s.id < after[1]) : [...all];
  const { rows, next } = cut(rest, limit, (s) => [s.id, s.id]);
  return {
    total: all.length,
    items: rows.map((s) => ({ id: s.id, kind: s.kind, target_id: s.targetId, label: s.label, url: abs(c, SUBSCRIPTION_PATHS[s.kind](s)), created_at: s.createdAt })),
    next_cursor: next,
  };
}

/** Works by a pen name the viewer may read, last updated first, one page after `cursor`. */
export async function creatorWorks(db: Db, c: ApiContext, viewer: Viewer, pseudId: number, cursor: string | undefined, limit: number) {
  const after = readKeyCursor(cursor, 'string') as [string, number] | undefined;
  const base = db
    .selectFrom('works')
    .where((eb) => eb.exists(eb.selectFrom('work_creators').select('work_creators.work_id').whereRef('work_creators.work_id', '=', 'works.id').where('work_creators.pseud_id', '=', pseudId)))
    .where((eb) => visibleWork(viewer)(eb));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let q = base.select(['works.id', 'works.updated_on']);
  if (after) q = q.where((eb) => eb.or([eb('works.updated_on', '<', after[0]), eb.and([eb('works.updated_on', '=', after[0]), eb('works.id', '<', after[1])])]));
  const rows = await q.orderBy('works.updated_on', 'desc').orderBy('works.id', 'desc').limit(limit + 1).execute();
  const { rows: page, next } = cut(rows, limit, (r) => [r.updated_on, r.id]);
  const works = await worksById(db, viewer, page.map((r) => r.id));
  return { total, items: page.flatMap((r) => (works.has(r.id) ? [workSummaryJson(c, works.get(r.id)!)] : [])), next_cursor: next };
}
