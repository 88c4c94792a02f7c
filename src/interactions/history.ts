import type { Viewer } from '../works/visibility.ts';
import { canView } from '../works/visibility.ts';
import type { Page } from '../works/work.service.ts';
import { loadWorks } from '../works/work.repository.ts';
import type { Work } from '../works/work.types.ts';
import { accountOf, paging, type InteractionContext } from './context.ts';
import type { ReaderPreferences } from './reader-settings.ts';
import { visibleWork } from './visible-sql.ts';

export interface HistoryEntry {
  work: Work;
  /** The chapter last opened (null: the entire work). */
  chapterPosition: number | null;
  visits: number;
  firstVisitedAt: string;
  lastVisitedAt: string;
}

/**
 * Reading history: the works a member opened, with when they last did and how often. Only the
 * member sees it; it can be paused (nothing is recorded) and cleared.
 */
export class History {
  constructor(
    private readonly ctx: InteractionContext,
    private readonly prefs: ReaderPreferences,
  ) {}

  /** Records a visit to a work the member is reading, unless their history is paused. Returns whether it was recorded. */
  async record(viewer: Viewer, workId: number, chapterPosition: number | null): Promise<boolean> {
    const accountId = accountOf(viewer);
    if (accountId === undefined) return false;
    if ((await this.prefs.get(accountId)).historyPaused) return false;
    const now = this.ctx.clock().toISOString();
    await this.ctx.db
      .insertInto('reading_history')
      .values({ account_id: accountId, work_id: workId, chapter_position: chapterPosition, visits: 1, first_visited_at: now, last_visited_at: now })
      .onConflict((oc) => oc.columns(['account_id', 'work_id']).doUpdateSet((eb) => ({ visits: eb('reading_history.visits', '+', 1), last_visited_at: now, chapter_position: chapterPosition })))
      .execute();
    return true;
  }

  /** The member's history, most recent visit first, of works they can still read. */
  async page(viewer: Viewer, opts: { page?: number; pageSize?: number } = {}): Promise<Page<HistoryEntry>> {
    const { page, pageSize, offset } = paging(opts.page, opts.pageSize);
    const accountId = accountOf(viewer);
    if (accountId === undefined) return { items: [], total: 0, page, pageSize, pages: 1 };
    const q = this.ctx.db
      .selectFrom('reading_history')
      .innerJoin('works', 'works.id', 'reading_history.work_id')
      .where('reading_history.account_id', '=', accountId)
      .where((eb) => visibleWork(viewer)(eb));
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll('reading_history').orderBy('reading_history.last_visited_at', 'desc').orderBy('reading_history.work_id', 'desc').limit(pageSize).offset(offset).execute();
    const works = new Map((await loadWorks(this.ctx.db, rows.map((r) => r.work_id))).map((w) => [w.id, w]));
    const items = rows.flatMap((r) => {
      const work = works.get(r.work_id);
      return work && canView(viewer, work) ? [{ work, chapterPosition: r.chapter_position, visits: r.visits, firstVisitedAt: r.first_visited_at, lastVisitedAt: r.last_visited_at }] : [];
    });
    const total = Number(count.n);
    return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
  }

  /** Forgets one work, or (without `workId`) the whole history. */
  async clear(accountId: number, workId?: number): Promise<void> {
    let q = this.ctx.db.deleteFrom('reading_history').where('account_id', '=', accountId);
    if (workId !== undefined) q = q.where('work_id', '=', workId);
    await q.execute();
  }

  /** Pauses (or resumes) recording. */
  async setPaused(accountId: number, paused: boolean): Promise<void> {
    await this.prefs.set(accountId, { historyPaused: paused });
  }

  async isPaused(accountId: number): Promise<boolean> {
    return (await this.prefs.get(accountId)).historyPaused;
  }
}
