import { notFound, QuireError } from '../errors.ts';
import { logger } from '../log.ts';
import type { WorkService } from './work.service.ts';
import type { Work } from './work.types.ts';
import { canView, type Viewer } from './visibility.ts';

const log = logger('works');

/** What an administrator did to a work. */
export type ModerationAction = 'hide' | 'unhide';

/** One row of the moderation record, newest last. */
export interface ModerationEntry {
  id: number;
  workId: number;
  workTitle: string;
  action: ModerationAction;
  accountId: number | null;
  actor: string;
  reason: string;
  createdAt: string;
}

/** The result of a hide or unhide: the work as it is now, and whether anything changed. */
export interface ModerationResult {
  work: Work;
  changed: boolean;
}

/** The longest reason kept in the record. */
export const REASON_MAX = 1000;

/** True for those who may hide works: administrators, and the CLI's operator. */
export function moderatesWorks(viewer: Viewer): boolean {
  return viewer.kind === 'operator' || (viewer.kind === 'member' && !!viewer.admin);
}

/**
 * Hiding works (issue 4): a hidden work is seen only by administrators and its creators, on
 * every page, list, count, feed and download (src/works/visibility.ts). Each hide or unhide is one
 * transaction that sets the flag, writes an audit row and tells the work events (`written` inside,
 * `changed` after), so the search engine drops or restores the work before the call returns.
 *
 * @example await new Moderation(archive.works).hide(adminViewer, 12, 'reported spam')
 */
export class Moderation {
  constructor(
    private readonly works: WorkService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Hides work `workId`. Anyone but an administrator or the operator gets `not_found`, as does a work they cannot see. */
  hide(viewer: Viewer, workId: number, reason = ''): Promise<ModerationResult> {
    return this.set(viewer, workId, 'hide', reason);
  }

  /** Shows a hidden work again. */
  unhide(viewer: Viewer, workId: number, reason = ''): Promise<ModerationResult> {
    return this.set(viewer, workId, 'unhide', reason);
  }

  /** The record for one work, oldest first (for administrators). */
  async history(workId: number): Promise<ModerationEntry[]> {
    const rows = await this.works.store.db.selectFrom('work_moderation').selectAll().where('work_id', '=', workId).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, workId: r.work_id, workTitle: r.work_title, action: r.action, accountId: r.account_id, actor: r.actor, reason: r.reason, createdAt: r.created_at }));
  }

  private async set(viewer: Viewer, workId: number, action: ModerationAction, reason: string): Promise<ModerationResult> {
    // Nothing here tells a non-administrator that the work, or this action, exists.
    if (!moderatesWorks(viewer)) throw notFound('work', workId);
    const why = reason.replace(/\s+/g, ' ').trim();
    if ([...why].length > REASON_MAX) throw new QuireError('bad_request', `the reason is ${[...why].length} characters; at most ${REASON_MAX}`);
    const hidden = action === 'hide' ? 1 : 0;
    const db = this.works.store.db;
    const changed = await db.transaction().execute(async (trx) => {
      const work = await this.works.get(workId, trx);
      // An administrator sees posted works (hidden or not) but never another's draft.
      if (!work || !canView(viewer, work)) throw notFound('work', workId);
      if (work.hidden === (hidden === 1)) return false;
      await trx.updateTable('works').set({ hidden }).where('id', '=', workId).execute();
      await trx
        .insertInto('work_moderation')
        .values({
          work_id: workId,
          work_title: work.title,
          action,
          account_id: viewer.kind === 'member' ? (viewer.accountId ?? null) : null,
          actor: viewer.kind === 'member' ? (viewer.username ?? `account ${viewer.accountId}`) : 'operator (CLI)',
          reason: why,
          created_at: this.clock().toISOString(),
        })
        .execute();
      await this.works.events.written(trx, [workId]);
      return true;
    });
    if (changed) {
      log.info({ workId, action, accountId: viewer.accountId ?? null }, action === 'hide' ? 'work hidden' : 'work unhidden');
      await this.works.events.changed([workId]);
    }
    return { work: (await this.works.get(workId))!, changed };
  }
}
