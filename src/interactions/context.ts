import type { Kysely } from 'kysely';
import { notFound } from '../errors.ts';
import type { Database, Db } from '../store/schema.ts';
import type { WorkEvents } from '../works/work.events.ts';
import type { WorkService } from '../works/work.service.ts';
import type { Work } from '../works/work.types.ts';
import { canView, type Viewer } from '../works/visibility.ts';
import type { VisitorKey } from './visitor-key.ts';

/** What every part of the reader's life needs: the database, the works, their events, a clock, the visitor key. */
export interface InteractionContext {
  readonly db: Kysely<Database>;
  readonly works: WorkService;
  readonly events: WorkEvents;
  readonly clock: () => Date;
  readonly visitors: VisitorKey;
}

/**
 * Who acts: the viewer of the request and the address it came from (guests are told apart by
 * address; the address is only ever stored as a keyed hash).
 */
export interface Actor {
  viewer: Viewer;
  ip: string;
}

/**
 * The work if `viewer` may read it, else `not_found`: every action on a work starts here, so a
 * work a reader cannot see behaves as if it did not exist.
 */
export async function readableWork(works: WorkService, viewer: Viewer, workId: number): Promise<Work> {
  const work = await works.get(workId);
  if (!work || !canView(viewer, work)) throw notFound('work', workId);
  return work;
}

/** True when one of the viewer's pen names is among the work's creators. */
export function isCreator(viewer: Viewer, work: Pick<Work, 'creators'>): boolean {
  const mine = viewer.pseudIds ?? [];
  return work.creators.some((c) => mine.includes(c.id));
}

/** The accounts behind a work's pen names (imported creators have none). */
export async function creatorAccounts(db: Db, work: Pick<Work, 'creators'>): Promise<number[]> {
  const ids = work.creators.map((c) => c.id);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('pseuds').select('account_id').distinct().where('id', 'in', ids).where('account_id', 'is not', null).execute();
  return rows.flatMap((r) => (r.account_id === null ? [] : [r.account_id]));
}

/** The signed-in member's account id, or undefined for guests and the operator. */
export function accountOf(viewer: Viewer): number | undefined {
  return viewer.kind === 'member' ? viewer.accountId : undefined;
}

/** `YYYY-MM-DD` (UTC) of a date. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Clamps paging input: page ≥ 1, 1 ≤ pageSize ≤ 200. */
export function paging(page: number | undefined, pageSize: number | undefined, fallback = 20): { page: number; pageSize: number; offset: number } {
  const size = Math.min(Math.max(Math.trunc(pageSize ?? fallback), 1), 200);
  const p = Math.max(Math.trunc(page ?? 1), 1);
  return { page: p, pageSize: size, offset: (p - 1) * size };
}
