import { QuireError } from '../errors.ts';
import type { Viewer } from '../works/visibility.ts';
import { canView } from '../works/visibility.ts';
import type { Page } from '../works/work.service.ts';
import { loadWorks } from '../works/work.repository.ts';
import type { Work } from '../works/work.types.ts';
import { accountOf, paging, readableWork, type InteractionContext } from './context.ts';
import { visibleWork } from './visible-sql.ts';

/** At most this many works marked for later (a bound, not an AO3 figure). */
export const LATER_LIMIT = 5000;

/** "Mark for later": a member's private list of works to read, newest mark first. */
export class Later {
  constructor(private readonly ctx: InteractionContext) {}

  /** Marks a work the member can read (again: no change). */
  async add(viewer: Viewer, workId: number): Promise<void> {
    const accountId = accountOf(viewer);
    if (accountId === undefined) throw new QuireError('forbidden', 'Log in to mark works for later.');
    await readableWork(this.ctx.works, viewer, workId);
    const count = await this.ctx.db.selectFrom('later_works').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    if (Number(count.n) >= LATER_LIMIT && !(await this.has(accountId, workId))) throw new QuireError('conflict', `You have ${LATER_LIMIT.toLocaleString('en')} works marked for later, the most allowed.`);
    await this.ctx.db
      .insertInto('later_works')
      .values({ account_id: accountId, work_id: workId, created_at: this.ctx.clock().toISOString() })
      .onConflict((oc) => oc.columns(['account_id', 'work_id']).doNothing())
      .execute();
  }

  async remove(accountId: number, workId: number): Promise<void> {
    await this.ctx.db.deleteFrom('later_works').where('account_id', '=', accountId).where('work_id', '=', workId).execute();
  }

  async has(accountId: number, workId: number): Promise<boolean> {
    return !!(await this.ctx.db.selectFrom('later_works').select('work_id').where('account_id', '=', accountId).where('work_id', '=', workId).executeTakeFirst());
  }

  /** The member's list, of works they can still read. */
  async page(viewer: Viewer, opts: { page?: number; pageSize?: number } = {}): Promise<Page<Work>> {
    const { page, pageSize, offset } = paging(opts.page, opts.pageSize);
    const accountId = accountOf(viewer);
    if (accountId === undefined) return { items: [], total: 0, page, pageSize, pages: 1 };
    const q = this.ctx.db
      .selectFrom('later_works')
      .innerJoin('works', 'works.id', 'later_works.work_id')
      .where('later_works.account_id', '=', accountId)
      .where((eb) => visibleWork(viewer)(eb));
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.select('later_works.work_id').orderBy('later_works.created_at', 'desc').orderBy('later_works.work_id', 'desc').limit(pageSize).offset(offset).execute();
    const items = (await loadWorks(this.ctx.db, rows.map((r) => r.work_id))).filter((w) => canView(viewer, w));
    const total = Number(count.n);
    return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
  }
}
