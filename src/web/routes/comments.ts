import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Archive } from '../../archive.ts';
import { parseCommentPermission } from '../../interactions/comments/comment.types.ts';
import { QuireError } from '../../errors.ts';
import { adultGate } from '../adult-gate.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import { commentErrorPage, editCommentPage, replyPage } from '../views/comment-forms.ts';
import { workHref } from '../views/format.ts';
import { commentPath } from '../../interactions/paths.ts';
import { errorStatus, formFields, noStore, serviceErrors } from './auth-forms.ts';
import { actorOf, backWith, checked } from './reader-forms.ts';

const position = z.union([z.literal(''), z.string().regex(/^[1-9][0-9]{0,5}$/, 'must be a chapter number')]);
const newCommentForm = z.object({
  comment: z.string().max(100_000, 'is far too long'),
  name: z.string().max(1000),
  email: z.string().max(1000),
  chapter: position,
  parent_id: z.union([z.literal(''), z.string().regex(/^[1-9][0-9]{0,14}$/)]),
  back: z.string().max(2000),
});

/**
 * Comments on the web: post (`POST /works/:id/comments`, a reply when `parent_id` is given),
 * the reply page (`GET /comments/:id/reply`), edit (`GET`/`POST /comments/:id/edit`), delete,
 * freeze, unfreeze and approve (`POST /comments/:id/…`), and the creators' settings
 * (`POST /works/:id/comment-settings`). A comment that fails validation or the rate limit comes
 * back on a page of its own with the text kept.
 */
export function registerCommentRoutes(app: FastifyInstance, archive: Archive): void {
  const comments = archive.interactions.comments;

  app.post<{ Params: { id: string } }>('/works/:id/comments', { preHandler: app.csrfProtection }, async (req, reply) => {
    const workId = parseId(req.params.id, 'work');
    const f = formFields(req.body, ['comment', 'name', 'email', 'chapter', 'parent_id', 'back']);
    const parsed = newCommentForm.safeParse(f);
    if (!parsed.success) throw new QuireError('bad_request', 'The comment form was not filled in as expected.');
    const v = parsed.data;
    const parentId = v.parent_id ? Number(v.parent_id) : undefined;
    const chapter = v.chapter ? Number(v.chapter) : null;
    try {
      const c = await comments.post(actorOf(req), workId, { text: v.comment, parentId, chapterPosition: chapter, guestName: v.name, guestEmail: v.email });
      const done = c.status === 'pending' ? 'comment-held' : 'comment-posted';
      const target = c.status === 'pending' ? backWith(v.back, workHref(workId), done, 'comments') : backWith(commentPath(workId, c.chapterPosition, c.id).split('#')[0], workHref(workId), done, `comment-${c.id}`);
      return reply.redirect(target, 303);
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      const work = await archive.works.read(req.viewer, workId);
      noStore(reply);
      const values = { comment: v.comment, name: v.name, email: v.email };
      return sendPage(reply, archive.config, {
        title: ['Leave a comment', work.title],
        body: commentErrorPage(reply, work, { guest: req.viewer.kind !== 'member', back: v.back, chapter, parentId, state: { errors, values } }),
      }, errorStatus(err));
    }
  });

  app.get<{ Params: { id: string } }>('/comments/:id/reply', async (req, reply) => {
    const { comment, work, frozen } = await comments.get(req.viewer, parseId(req.params.id, 'comment'));
    if (adultGate(archive.config, work, req, reply) === 'gate') return reply.redirect(workHref(work.id), 303);
    if (frozen) throw new QuireError('forbidden', 'This thread is frozen: no new replies can be added.');
    if (comment.deleted || comment.status !== 'approved') throw new QuireError('conflict', 'This comment cannot be replied to.');
    const refusal = (await comments.view(req.viewer, work)).refusal;
    if (refusal) throw new QuireError('forbidden', refusal);
    noStore(reply);
    const back = commentPath(work.id, comment.chapterPosition, comment.id).split('#')[0]!;
    return sendPage(reply, archive.config, { title: ['Reply to a comment', work.title], body: replyPage(reply, work, comment, req.viewer.kind !== 'member', back) });
  });

  app.get<{ Params: { id: string } }>('/comments/:id/edit', async (req, reply) => {
    const id = parseId(req.params.id, 'comment');
    const { comment, work } = await comments.get(req.viewer, id);
    if (comment.deleted || comment.author.kind !== 'member' || comment.author.accountId !== req.viewer.accountId) throw new QuireError('forbidden', 'Only the author of a comment can edit it.');
    noStore(reply);
    return sendPage(reply, archive.config, { title: ['Edit comment', work.title], body: editCommentPage(reply, work, comment, comment.html) });
  });

  app.post<{ Params: { id: string } }>('/comments/:id/edit', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = parseId(req.params.id, 'comment');
    const { comment: text } = formFields(req.body, ['comment']);
    try {
      const c = await comments.edit(actorOf(req), id, text);
      return reply.redirect(backWith(commentPath(c.workId, c.chapterPosition, c.id).split('#')[0], workHref(c.workId), 'comment-edited', `comment-${c.id}`), 303);
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      const { comment, work } = await comments.get(req.viewer, id);
      noStore(reply);
      return sendPage(reply, archive.config, { title: ['Edit comment', work.title], body: editCommentPage(reply, work, comment, text, { errors, values: { comment: text } }) }, errorStatus(err));
    }
  });

  /** A moderator's or author's one-button action on a comment, then back to the page it was on. */
  function action(path: string, run: (req: FastifyRequest, id: number) => Promise<{ workId: number }>, done: string): void {
    app.post<{ Params: { id: string } }>(`/comments/:id/${path}`, { preHandler: app.csrfProtection }, async (req, reply: FastifyReply) => {
      const id = parseId(req.params.id, 'comment');
      const { back } = formFields(req.body, ['back']);
      const c = await run(req, id);
      return reply.redirect(backWith(back, workHref(c.workId), done, 'comments'), 303);
    });
  }
  action('delete', (req, id) => comments.delete(actorOf(req), id), 'comment-deleted');
  action('freeze', (req, id) => comments.setFrozen(actorOf(req), id, true), 'comment-frozen');
  action('unfreeze', (req, id) => comments.setFrozen(actorOf(req), id, false), 'comment-unfrozen');
  action('approve', (req, id) => comments.approve(actorOf(req), id), 'comment-approved');

  app.post<{ Params: { id: string } }>('/works/:id/comment-settings', { preHandler: app.csrfProtection }, async (req, reply) => {
    const workId = parseId(req.params.id, 'work');
    const f = formFields(req.body, ['permission', 'back']);
    const permission = parseCommentPermission(f.permission);
    if (!permission) throw new QuireError('bad_request', 'Choose who can comment: everyone, registered users or nobody.');
    await comments.changeSettings(req.viewer, workId, { permission, moderated: checked(req.body, 'moderated') });
    return reply.redirect(backWith(f.back, workHref(workId), 'comment-settings', 'comments'), 303);
  });
}
