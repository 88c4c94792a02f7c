import type { FastifyReply } from 'fastify';
import type { CommentsView } from '../../interactions/comments/comments.service.ts';
import type { Comment, CommentNode } from '../../interactions/comments/comment.types.ts';
import type { Work } from '../../works/work.types.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { buttonForm } from './reader-fields.ts';
import { creatorHref } from './format.ts';

/** Replies nest this many levels deep on the page; deeper ones line up at the last level, saying whom they answer. */
export const MAX_INDENT = 5;

/** What a thread needs to know about the page and its reader. */
export interface ThreadContext {
  reply: FastifyReply;
  work: Pick<Work, 'id' | 'creators' | 'chapterCount'>;
  /** The reader's account, if signed in. */
  accountId: number | undefined;
  view: Pick<CommentsView, 'moderator' | 'refusal'>;
  /** The page to come back to after an action. */
  back: string;
}

/** "Chapter 2" for comments on a chapter of a multi-chapter work. */
function where(c: Comment, work: ThreadContext['work']): string {
  return work.chapterCount > 1 && c.chapterPosition !== null ? ` on Chapter ${c.chapterPosition}` : '';
}

/** The author's name: a link to a member's pen name, a guest's name marked as such. */
export function commentAuthor(c: Comment, work: Pick<Work, 'creators'>): SafeHtml {
  const a = c.author;
  if (a.kind === 'gone') return html`<span class="comment-author">a deleted account</span>`;
  if (a.kind === 'guest') return html`<span class="comment-author">${a.name}</span> <span class="badge">Guest</span>`;
  const creator = a.pseudId !== null && work.creators.some((cr) => cr.id === a.pseudId);
  return html`<a class="comment-author" href="${creatorHref(a.name)}">${a.name}</a>${creator ? html` <span class="badge">Creator</span>` : ''}`;
}

function byline(c: Comment, node: CommentNode, ctx: ThreadContext, parent?: Comment): SafeHtml {
  const answering = parent ? html` <span class="comment-in-reply">in reply to <a href="#comment-${parent.id}">${parent.deleted ? 'a deleted comment' : parent.author.kind === 'gone' ? 'a deleted account' : parent.author.name}</a></span>` : '';
  return html`<p class="comment-byline" id="comment-${c.id}-by">${commentAuthor(c, ctx.work)}${where(c, ctx.work)}${answering} · <time datetime="${c.createdAt}">${c.createdAt.slice(0, 10)}</time>${c.editedAt ? html` <span class="comment-edited">(edited)</span>` : ''}${c.status === 'pending' ? html` <span class="badge">Awaiting approval</span>` : ''}${node.frozen ? html` <span class="badge">Frozen</span>` : ''}</p>`;
}

function actions(c: Comment, node: CommentNode, ctx: ThreadContext): SafeHtml {
  if (c.deleted) return html``;
  const mine = c.author.kind === 'member' && c.author.accountId === ctx.accountId;
  const mod = ctx.view.moderator;
  const fields = { back: ctx.back };
  const parts: SafeHtml[] = [];
  if (!node.frozen && c.status === 'approved' && ctx.view.refusal === undefined) parts.push(html`<a class="button" href="/comments/${c.id}/reply">Reply<span class="visually-hidden"> to this comment</span></a>`);
  if (mine && !node.frozen) parts.push(html`<a class="button" href="/comments/${c.id}/edit">Edit<span class="visually-hidden"> your comment</span></a>`);
  if (mod && c.status === 'pending') parts.push(buttonForm(ctx.reply, `/comments/${c.id}/approve`, 'Approve', { fields, label: 'Approve this comment' }));
  if (mod && c.frozen) parts.push(buttonForm(ctx.reply, `/comments/${c.id}/unfreeze`, 'Unfreeze thread', { fields }));
  else if (mod && !node.frozen) parts.push(buttonForm(ctx.reply, `/comments/${c.id}/freeze`, 'Freeze thread', { fields }));
  if (mine || mod) parts.push(buttonForm(ctx.reply, `/comments/${c.id}/delete`, 'Delete', { fields, label: 'Delete this comment', danger: true }));
  return parts.length ? html`<div class="comment-actions">${parts}</div>` : html``;
}

function commentBody(node: CommentNode, ctx: ThreadContext, parent?: Comment): SafeHtml {
  const c = node.comment;
  if (c.deleted) return html`<p class="comment-deleted">(Previous comment deleted.)</p>`;
  return html`<article class="comment-body" aria-labelledby="comment-${c.id}-by">
${byline(c, node, ctx, parent)}
<div class="userstuff comment-text">${raw(c.html)}</div>
${actions(c, node, ctx)}
</article>`;
}

/** One comment and its replies; past MAX_INDENT levels, replies follow as siblings. */
function renderNode(node: CommentNode, level: number, ctx: ThreadContext, parent?: Comment): SafeHtml[] {
  const c = node.comment;
  if (level < MAX_INDENT) {
    const replies = node.replies.flatMap((r) => renderNode(r, level + 1, ctx));
    return [html`<li class="comment" id="comment-${c.id}">${commentBody(node, ctx)}${replies.length ? html`<ol class="comment-replies">${replies}</ol>` : ''}</li>`];
  }
  return [
    html`<li class="comment" id="comment-${c.id}">${commentBody(node, ctx, parent)}</li>`,
    ...node.replies.flatMap((r) => renderNode(r, level, ctx, c)),
  ];
}

/** The threads as nested lists. */
export function commentThreads(threads: readonly CommentNode[], ctx: ThreadContext): SafeHtml {
  if (threads.length === 0) return html`<p class="empty">No comments yet.</p>`;
  return html`<ol class="comment-list">${threads.flatMap((n) => renderNode(n, 0, ctx))}</ol>`;
}

/** A single comment, as quoted above a reply or edit form. */
export function quotedComment(c: Comment, work: Pick<Work, 'creators'>): SafeHtml {
  return html`<blockquote class="comment-quote"><p class="comment-byline">${commentAuthor(c, work)} · <time datetime="${c.createdAt}">${c.createdAt.slice(0, 10)}</time></p><div class="userstuff">${raw(c.html)}</div></blockquote>`;
}
