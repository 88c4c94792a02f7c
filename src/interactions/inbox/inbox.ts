import { htmlToText } from '../../formats/sanitize.ts';
import type { Db } from '../../store/schema.ts';
import { canView, type Viewer } from '../../works/visibility.ts';
import type { Page } from '../../works/work.service.ts';
import { loadWorks } from '../../works/work.repository.ts';
import { findComments } from '../comments/comment.repository.ts';
import { paging, type InteractionContext } from '../context.ts';
import { visibleWork } from '../visible-sql.ts';
import { NOTICE_KINDS, type NewNotice, type Notice, type NoticeKind } from './notice.types.ts';

/** How much of a comment an inbox entry quotes. */
const EXCERPT_CHARS = 200;

export interface InboxQuery {
  page?: number;
  pageSize?: number;
  /** Only unread notices. */
  unread?: boolean;
}

function excerpt(htmlText: string): string {
  const text = htmlToText(htmlText).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;
}

/**
 * A member's inbox: updates of what they subscribe to and comments on their works. Only the
 * owner reads it; entries about works they can no longer see are left out (and come back if the
 * work does).
 */
export class Inbox {
  constructor(private readonly ctx: InteractionContext) {}

  /** Files notices (in the caller's transaction when `db` is given). */
  async add(notices: readonly NewNotice[], db: Db = this.ctx.db): Promise<void> {
    if (notices.length === 0) return;
    const now = this.ctx.clock().toISOString();
    for (let i = 0; i < notices.length; i += 200) {
      await db
        .insertInto('notices')
        .values(notices.slice(i, i + 200).map((n) => ({
          account_id: n.accountId,
          kind: n.kind,
          work_id: n.workId ?? null,
          chapter_position: n.chapterPosition ?? null,
          series_id: n.seriesId ?? null,
          pseud_id: n.pseudId ?? null,
          comment_id: n.commentId ?? null,
          read: 0,
          emailed: 0,
          created_at: now,
        })))
        .execute();
    }
  }

  private visible(viewer: Viewer, accountId: number, unread: boolean) {
    let q = this.ctx.db
      .selectFrom('notices')
      .leftJoin('works', 'works.id', 'notices.work_id')
      .where('notices.account_id', '=', accountId)
      .where((eb) => eb.or([eb('notices.work_id', 'is', null), visibleWork(viewer)(eb)]));
    if (unread) q = q.where('notices.read', '=', 0);
    return q;
  }

  /** A page of the viewer's notices, newest first. */
  async page(viewer: Viewer, query: InboxQuery = {}): Promise<Page<Notice>> {
    const accountId = viewer.accountId;
    const { page, pageSize, offset } = paging(query.page, query.pageSize, 50);
    if (viewer.kind !== 'member' || accountId === undefined) return { items: [], total: 0, page, pageSize, pages: 1 };
    const q = this.visible(viewer, accountId, !!query.unread);
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll('notices').orderBy('notices.id', 'desc').limit(pageSize).offset(offset).execute();
    const total = Number(count.n);
    return { items: await this.describe(viewer, rows), total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
  }

  /** Unread notices the viewer can see. */
  async unreadCount(viewer: Viewer): Promise<number> {
    if (viewer.kind !== 'member' || viewer.accountId === undefined) return 0;
    const row = await this.visible(viewer, viewer.accountId, true).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Unread notices not yet sent by e-mail (the digest), oldest first. */
  async unmailed(viewer: Viewer): Promise<{ ids: number[]; notices: Notice[] }> {
    if (viewer.accountId === undefined) return { ids: [], notices: [] };
    const all = await this.ctx.db.selectFrom('notices').select('id').where('account_id', '=', viewer.accountId).where('read', '=', 0).where('emailed', '=', 0).execute();
    const rows = await this.visible(viewer, viewer.accountId, true).where('notices.emailed', '=', 0).selectAll('notices').orderBy('notices.id').execute();
    return { ids: all.map((r) => r.id), notices: await this.describe(viewer, rows) };
  }

  /** Marks the account's notices `ids` (or all of them) read. */
  async markRead(accountId: number, ids: readonly number[] | 'all'): Promise<void> {
    let q = this.ctx.db.updateTable('notices').set({ read: 1 }).where('account_id', '=', accountId);
    if (ids !== 'all') {
      if (ids.length === 0) return;
      q = q.where('id', 'in', [...ids]);
    }
    await q.execute();
  }

  /** Deletes the account's notices `ids`, or every read one. */
  async remove(accountId: number, ids: readonly number[] | 'read'): Promise<void> {
    let q = this.ctx.db.deleteFrom('notices').where('account_id', '=', accountId);
    if (ids === 'read') q = q.where('read', '=', 1);
    else {
      if (ids.length === 0) return;
      q = q.where('id', 'in', [...ids]);
    }
    await q.execute();
  }

  /** Marks notices as sent by e-mail. */
  async markEmailed(ids: readonly number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.ctx.db.updateTable('notices').set({ emailed: 1 }).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
  }

  private async describe(viewer: Viewer, rows: readonly RowShape[]): Promise<Notice[]> {
    const db = this.ctx.db;
    const works = new Map((await loadWorks(db, [...new Set(rows.flatMap((r) => (r.work_id === null ? [] : [r.work_id])))])).map((w) => [w.id, w]));
    const comments = new Map((await findComments(db, rows.flatMap((r) => (r.comment_id === null ? [] : [r.comment_id])))).map((c) => [c.id, c]));
    const seriesIds = [...new Set(rows.flatMap((r) => (r.series_id === null ? [] : [r.series_id])))];
    const series = new Map(seriesIds.length ? (await db.selectFrom('series').select(['id', 'title']).where('id', 'in', seriesIds).execute()).map((s) => [s.id, s]) : []);
    const pseudIds = [...new Set(rows.flatMap((r) => (r.pseud_id === null ? [] : [r.pseud_id])))];
    const pseuds = new Map(pseudIds.length ? (await db.selectFrom('pseuds').select(['id', 'name']).where('id', 'in', pseudIds).execute()).map((p) => [p.id, p]) : []);
    return rows.flatMap((r): Notice[] => {
      const work = r.work_id === null ? undefined : works.get(r.work_id);
      if (r.work_id !== null && (!work || !canView(viewer, work))) return [];
      const c = r.comment_id === null ? undefined : comments.get(r.comment_id);
      const kind = (NOTICE_KINDS as readonly string[]).includes(r.kind) ? (r.kind as NoticeKind) : 'work';
      return [{
        id: r.id,
        kind,
        read: r.read === 1,
        createdAt: r.created_at,
        work: work ? { id: work.id, title: work.title, creators: work.creators, chapterCount: work.chapterCount } : null,
        chapterPosition: r.chapter_position,
        series: r.series_id === null ? null : series.get(r.series_id) ?? null,
        creator: r.pseud_id === null ? null : pseuds.get(r.pseud_id) ?? null,
        comment: c
          ? { id: c.id, author: c.author.kind === 'gone' ? 'a deleted account' : c.author.name, excerpt: excerpt(c.html), pending: c.status === 'pending', deleted: c.deleted, chapterPosition: c.chapterPosition }
          : null,
      }];
    });
  }
}

interface RowShape {
  id: number;
  kind: string;
  work_id: number | null;
  chapter_position: number | null;
  series_id: number | null;
  pseud_id: number | null;
  comment_id: number | null;
  read: number;
  created_at: string;
}
