import { logger } from '../../log.ts';
import type { WorkListener } from '../../works/work.events.ts';
import type { Work } from '../../works/work.types.ts';
import { creatorAccounts, type InteractionContext } from '../context.ts';
import type { Subscriptions } from '../subscriptions.ts';
import type { Inbox } from './inbox.ts';
import type { NewNotice } from './notice.types.ts';

const log = logger('interactions');

/**
 * Files subscription notices when works change (a listener on the work events, so every path
 * that posts a work or adds a chapter is covered: web forms, imports, the CLI).
 * - a posted work it has not announced is new: subscribers of any of its creators' pen names
 *   hear "new work", subscribers of its series "new work in series";
 * - a posted work whose chapter count grew past what was announced: its subscribers hear of
 *   each new chapter.
 * What was announced is kept in `notified_works`. Drafts and hidden works are not announced
 * (posting a draft, or unhiding a work, announces it then). Creators are not told of their own
 * works, nor are readers who muted a creator of the work.
 */
export class Notifier implements WorkListener {
  constructor(
    private readonly ctx: InteractionContext,
    private readonly subscriptions: Subscriptions,
    private readonly inbox: Inbox,
  ) {}

  async worksChanged(ids: readonly number[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.check(id);
      } catch (err) {
        // A failed notice must never fail the write that caused it.
        log.error({ workId: id, reason: err instanceof Error ? err.message : String(err) }, 'subscription notices failed');
      }
    }
  }

  async worksDeleted(ids: readonly number[]): Promise<void> {
    try {
      await this.subscriptions.dropTargets('work', ids);
    } catch (err) {
      log.error({ reason: err instanceof Error ? err.message : String(err) }, 'dropping subscriptions of deleted works failed');
    }
  }

  private async check(id: number): Promise<void> {
    const db = this.ctx.db;
    const work = await this.ctx.works.get(id);
    if (!work || work.status !== 'posted' || work.hidden) return;
    const now = this.ctx.clock().toISOString();
    const state = await db.selectFrom('notified_works').select('chapter_count').where('work_id', '=', id).executeTakeFirst();
    if (!state) {
      const claimed = await db
        .insertInto('notified_works')
        .values({ work_id: id, chapter_count: work.chapterCount, notified_at: now })
        .onConflict((oc) => oc.column('work_id').doNothing())
        .returning('work_id')
        .executeTakeFirst();
      if (claimed) await this.announceWork(work);
      return;
    }
    if (work.chapterCount === state.chapter_count) return;
    const res = await db
      .updateTable('notified_works')
      .set({ chapter_count: work.chapterCount, notified_at: now })
      .where('work_id', '=', id)
      .where('chapter_count', '=', state.chapter_count)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0 || work.chapterCount < state.chapter_count) return;
    const subscribers = await this.subscriptions.subscribers('work', [id]);
    const notices: NewNotice[] = [];
    for (const accountId of await this.recipients(work, subscribers.map((s) => s.accountId))) {
      for (let position = state.chapter_count + 1; position <= work.chapterCount; position++) {
        notices.push({ accountId, kind: 'chapter', workId: id, chapterPosition: position });
      }
    }
    await this.inbox.add(notices);
    if (notices.length > 0) log.info({ workId: id, notices: notices.length }, 'new chapter notices filed');
  }

  private async announceWork(work: Work): Promise<void> {
    const byCreator = await this.subscriptions.subscribers('pseud', work.creators.map((c) => c.id));
    const bySeries = await this.subscriptions.subscribers('series', work.series.map((s) => s.id));
    const allowed = new Set(await this.recipients(work, [...byCreator, ...bySeries].map((s) => s.accountId)));
    const notices = new Map<number, NewNotice>();
    for (const s of byCreator) {
      if (allowed.has(s.accountId) && !notices.has(s.accountId)) notices.set(s.accountId, { accountId: s.accountId, kind: 'work', workId: work.id, pseudId: s.targetId });
    }
    for (const s of bySeries) {
      if (allowed.has(s.accountId) && !notices.has(s.accountId)) notices.set(s.accountId, { accountId: s.accountId, kind: 'series_work', workId: work.id, seriesId: s.targetId });
    }
    await this.inbox.add([...notices.values()]);
    if (notices.size > 0) log.info({ workId: work.id, notices: notices.size }, 'new work notices filed');
  }

  /** Subscribers minus the work's own creators and readers who muted one of them. */
  private async recipients(work: Work, accountIds: readonly number[]): Promise<number[]> {
    const unique = [...new Set(accountIds)];
    if (unique.length === 0) return [];
    const creators = await creatorAccounts(this.ctx.db, work);
    const muting = creators.length
      ? (await this.ctx.db.selectFrom('account_relations').select('account_id').where('kind', '=', 'mute').where('target_account_id', 'in', creators).where('account_id', 'in', unique).execute()).map((r) => r.account_id)
      : [];
    return unique.filter((a) => !creators.includes(a) && !muting.includes(a));
  }
}
