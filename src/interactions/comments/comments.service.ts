import { z } from 'zod';
import { findAccount } from '../../accounts/account.repository.ts';
import { emailSchema } from '../../accounts/account.types.ts';
import { invalid, notFound, QuireError } from '../../errors.ts';
import { logger } from '../../log.ts';
import type { Viewer } from '../../works/visibility.ts';
import type { Work } from '../../works/work.types.ts';
import { accountOf, creatorAccounts, readableWork, type Actor, type InteractionContext } from '../context.ts';
import { recount } from '../counters.ts';
import type { Inbox } from '../inbox/inbox.ts';
import type { NewNotice } from '../inbox/notice.types.ts';
import type { AccountRelations } from '../relations.ts';
import { ancestry, commentSettings, commentsOfWork, findComment, hasReplies, saveCommentSettings } from './comment.repository.ts';
import { checkCommentRate, moderates, postRefusal, seesComment } from './comment-rules.ts';
import { commentHtml } from './comment-text.ts';
import { buildThreads, countComments } from './comment-threads.ts';
import { GUEST_NAME_MAX, type Comment, type CommentNode, type CommentSettings, type NewComment } from './comment.types.ts';

const log = logger('interactions');

const guestName = z.string().trim().min(1, 'is needed').max(GUEST_NAME_MAX, `must be at most ${GUEST_NAME_MAX} characters`);

/** A work's comments as one viewer sees them. */
export interface CommentsView {
  settings: CommentSettings;
  threads: CommentNode[];
  /** Comments in `threads` (placeholders of deleted ones left out). */
  count: number;
  /** Why the viewer may not comment, or undefined. */
  refusal: string | undefined;
  /** The viewer moderates this work (a creator, or an administrator). */
  moderator: boolean;
}

/**
 * Threaded comments on works and chapters (REFERENCE §4): per-work setting (everyone /
 * registered users / nobody), optional moderation, frozen threads, AO3's rate limit for new
 * accounts, AO3's allowlist and 10,000-character limit. Creators hear of new comments in their
 * inbox; a comment's author hears of replies.
 */
export class Comments {
  constructor(
    private readonly ctx: InteractionContext,
    private readonly blocks: AccountRelations,
    private readonly inbox: Inbox,
  ) {}

  /** The work's comments for `viewer`: every thread, or those on one chapter. */
  async view(viewer: Viewer, work: Work, chapter?: number): Promise<CommentsView> {
    const db = this.ctx.db;
    const settings = await commentSettings(db, work.id);
    const all = await commentsOfWork(db, work.id);
    const shown = chapter === undefined ? all : all.filter((c) => c.chapterPosition === chapter);
    const threads = buildThreads(shown, (c) => seesComment(viewer, work, c));
    return { settings, threads, count: countComments(threads), refusal: postRefusal(viewer, settings, await this.blockedOn(viewer, work)), moderator: moderates(viewer, work) };
  }

  /** One comment the viewer may see, with its work; `not_found` otherwise. */
  async get(viewer: Viewer, commentId: number): Promise<{ comment: Comment; work: Work; frozen: boolean }> {
    const comment = await findComment(this.ctx.db, commentId);
    if (!comment) throw notFound('comment', commentId);
    const work = await readableWork(this.ctx.works, viewer, comment.workId);
    if (!seesComment(viewer, work, comment)) throw notFound('comment', commentId);
    const frozen = (await ancestry(this.ctx.db, commentId)).some((c) => c.frozen);
    return { comment, work, frozen };
  }

  /** Posts a comment or a reply; returns it (`pending` when the work is moderated). */
  async post(actor: Actor, workId: number, input: NewComment): Promise<Comment> {
    const { db, works } = this.ctx;
    const viewer = actor.viewer;
    const work = await readableWork(works, viewer, workId);
    const settings = await commentSettings(db, workId);
    const refusal = postRefusal(viewer, settings, await this.blockedOn(viewer, work));
    if (refusal) throw new QuireError('forbidden', refusal);

    let chapter = input.chapterPosition ?? null;
    let depth = 0;
    let parent: Comment | undefined;
    if (input.parentId !== undefined) {
      const chain = await ancestry(db, input.parentId);
      parent = chain[0];
      if (!parent || parent.workId !== workId || !seesComment(viewer, work, parent)) throw notFound('comment', input.parentId);
      if (parent.deleted) throw new QuireError('conflict', 'That comment was deleted: there is nothing to reply to.');
      if (parent.status === 'pending') throw new QuireError('conflict', 'That comment is awaiting approval: it cannot be replied to yet.');
      if (chain.some((c) => c.frozen)) throw new QuireError('forbidden', 'This thread is frozen: no new replies can be added.');
      const me = accountOf(viewer);
      if (me !== undefined && parent.author.kind === 'member' && (await this.blocks.has(parent.author.accountId, me))) {
        throw new QuireError('forbidden', "Sorry, you can't reply to this comment: its author has blocked you.");
      }
      chapter = parent.chapterPosition;
      depth = parent.depth + 1;
    } else if (chapter !== null && (chapter < 1 || chapter > work.chapterCount)) {
      throw notFound(`chapter ${chapter} of work`, workId);
    }

    const body = commentHtml(input.text);
    const now = this.ctx.clock();
    const accountId = accountOf(viewer);
    let author: { account_id: number | null; pseud_id: number | null; guest_name: string | null; guest_email: string | null; guest_hash: string | null };
    if (accountId !== undefined) {
      const account = await findAccount(db, accountId);
      if (!account) throw new QuireError('forbidden', 'Log in to comment.');
      await checkCommentRate(db, { accountId, createdAt: account.createdAt }, now);
      const pseud = work.creators.find((c) => viewer.pseudIds?.includes(c.id))?.id ?? account.defaultPseudId;
      author = { account_id: accountId, pseud_id: pseud, guest_name: null, guest_email: null, guest_hash: null };
    } else {
      const name = guestName.safeParse(input.guestName ?? '');
      const email = emailSchema.safeParse(input.guestEmail ?? '');
      const issues = [
        ...(name.success ? [] : [{ field: 'name', message: name.error.issues[0]!.message }]),
        ...(email.success ? [] : [{ field: 'email', message: email.error.issues[0]!.message }]),
      ];
      if (issues.length > 0 || !name.success || !email.success) throw invalid(issues);
      const guestHash = this.ctx.visitors.hash('comment', `ip:${actor.ip}`);
      await checkCommentRate(db, { guestHash }, now);
      author = { account_id: null, pseud_id: null, guest_name: name.data, guest_email: email.data, guest_hash: guestHash };
    }

    const status = settings.moderated && !moderates(viewer, work) ? 'pending' : 'approved';
    const row = await db
      .insertInto('comments')
      .values({ work_id: workId, chapter_position: chapter, parent_id: parent?.id ?? null, depth, ...author, body, status, deleted: 0, frozen: 0, created_at: now.toISOString(), edited_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const comment = (await findComment(db, row.id))!;
    log.info({ workId, commentId: comment.id, status, guest: accountId === undefined }, 'comment posted');
    await this.notify(work, comment, true);
    if (status === 'approved') await recount(db, this.ctx.events, workId, ['comments']);
    return comment;
  }

  /** The author edits their comment (not once deleted, nor in a frozen thread). */
  async edit(actor: Actor, commentId: number, text: string): Promise<Comment> {
    const { comment, frozen } = await this.get(actor.viewer, commentId);
    if (comment.author.kind !== 'member' || comment.author.accountId !== accountOf(actor.viewer)) throw new QuireError('forbidden', 'Only the author of a comment can edit it.');
    if (comment.deleted) throw notFound('comment', commentId);
    if (frozen) throw new QuireError('forbidden', 'This thread is frozen: its comments cannot be edited.');
    const body = commentHtml(text);
    await this.ctx.db.updateTable('comments').set({ body, edited_at: this.ctx.clock().toISOString() }).where('id', '=', commentId).execute();
    return (await findComment(this.ctx.db, commentId))!;
  }

  /**
   * Deletes a comment: its author, or a moderator of the work. A comment with replies stays as
   * "(Previous comment deleted.)"; one without goes, with any deleted ancestors left childless.
   */
  async delete(actor: Actor, commentId: number): Promise<Comment> {
    const db = this.ctx.db;
    const { comment, work } = await this.get(actor.viewer, commentId);
    const mine = comment.author.kind === 'member' && comment.author.accountId === accountOf(actor.viewer);
    if (!mine && !moderates(actor.viewer, work)) throw new QuireError('forbidden', 'Only the author of a comment or a creator of the work can delete it.');
    if (comment.deleted) return comment;
    if (await hasReplies(db, commentId)) {
      await db.updateTable('comments').set({ deleted: 1, body: '' }).where('id', '=', commentId).execute();
    } else {
      let id: number | null = commentId;
      while (id !== null) {
        const c = await findComment(db, id);
        await db.deleteFrom('comments').where('id', '=', id).execute();
        id = c?.parentId ?? null;
        if (id === null) break;
        const parent = await findComment(db, id);
        if (!parent || !parent.deleted || (await hasReplies(db, id))) break;
      }
    }
    log.info({ workId: work.id, commentId, by: mine ? 'author' : 'moderator' }, 'comment deleted');
    await recount(db, this.ctx.events, work.id, ['comments']);
    return comment;
  }

  /** A moderator freezes (or thaws) a comment and the replies below it. */
  async setFrozen(actor: Actor, commentId: number, frozen: boolean): Promise<Comment> {
    const { comment, work } = await this.get(actor.viewer, commentId);
    if (!moderates(actor.viewer, work)) throw new QuireError('forbidden', 'Only a creator of the work can freeze its comment threads.');
    await this.ctx.db.updateTable('comments').set({ frozen: frozen ? 1 : 0 }).where('id', '=', commentId).execute();
    return { ...comment, frozen };
  }

  /** A moderator approves a comment held for moderation. */
  async approve(actor: Actor, commentId: number): Promise<Comment> {
    const { comment, work } = await this.get(actor.viewer, commentId);
    if (!moderates(actor.viewer, work)) throw new QuireError('forbidden', 'Only a creator of the work can approve its comments.');
    if (comment.status === 'approved') return comment;
    await this.ctx.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', commentId).execute();
    const approved: Comment = { ...comment, status: 'approved' };
    await this.notify(work, approved, false);
    await recount(this.ctx.db, this.ctx.events, work.id, ['comments']);
    return approved;
  }

  /** The work's comment settings. */
  settings(workId: number): Promise<CommentSettings> {
    return commentSettings(this.ctx.db, workId);
  }

  /** A moderator changes who may comment and whether comments are held for approval. */
  async changeSettings(viewer: Viewer, workId: number, settings: CommentSettings): Promise<void> {
    const work = await readableWork(this.ctx.works, viewer, workId);
    if (!moderates(viewer, work)) throw new QuireError('forbidden', "Only a creator of the work can change who may comment on it.");
    await saveCommentSettings(this.ctx.db, workId, settings);
  }

  /** True when any creator of the work has blocked this member. */
  private async blockedOn(viewer: Viewer, work: Work): Promise<boolean> {
    const me = accountOf(viewer);
    if (me === undefined) return false;
    return this.blocks.anyHas(await creatorAccounts(this.ctx.db, work), me);
  }

  /**
   * Tells the work's creators of a new comment (`fresh`; also when it awaits their approval) and,
   * once approved, the author of the comment replied to. Nobody hears of their own comment.
   */
  private async notify(work: Work, comment: Comment, fresh: boolean): Promise<void> {
    const author = comment.author.kind === 'member' ? comment.author.accountId : undefined;
    const notices: NewNotice[] = [];
    const creators = await creatorAccounts(this.ctx.db, work);
    if (fresh) {
      for (const accountId of creators) {
        if (accountId !== author) notices.push({ accountId, kind: 'comment', workId: work.id, chapterPosition: comment.chapterPosition, commentId: comment.id });
      }
    }
    if (comment.status === 'approved' && comment.parentId !== null) {
      const parent = await findComment(this.ctx.db, comment.parentId);
      // Creators hear of every comment on their work already.
      if (parent?.author.kind === 'member' && parent.author.accountId !== author && !creators.includes(parent.author.accountId)) {
        notices.push({ accountId: parent.author.accountId, kind: 'reply', workId: work.id, chapterPosition: comment.chapterPosition, commentId: comment.id });
      }
    }
    await this.inbox.add(notices);
  }
}
