import type { FastifyReply } from 'fastify';
import type { CommentsView } from '../../interactions/comments/comments.service.ts';
import { COMMENT_MAX_CHARS, GUEST_NAME_MAX, type Comment } from '../../interactions/comments/comment.types.ts';
import type { Work } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, field, postForm, submit, type FormErrors } from './account-fields.ts';
import { checkBox, hidden } from './reader-fields.ts';
import { textArea } from './reader-fields.ts';
import { commentThreads, quotedComment, type ThreadContext } from './comments.ts';
import { workHref } from './format.ts';

/** A comment form's state when it comes back with errors. */
export interface CommentFormState {
  errors: FormErrors;
  values: Record<string, string>;
}

const LABELS = { comment: 'Comment', name: 'Name', email: 'E-mail address' };

export interface CommentFormSpec {
  work: Pick<Work, 'id'>;
  guest: boolean;
  back: string;
  chapter?: number | null;
  parentId?: number;
  state?: CommentFormState;
  /** Form id prefix (one page may show several). */
  form?: string;
}

/** The form to post a comment or a reply; guests also give a name and an e-mail address (never shown). */
export function commentForm(reply: FastifyReply, spec: CommentFormSpec): SafeHtml {
  const form = spec.form ?? 'comment';
  const s = spec.state ?? { errors: {}, values: {} };
  const guestFields = spec.guest
    ? html`${field({ form, name: 'name', label: LABELS.name, value: s.values.name, maxlength: GUEST_NAME_MAX, autocomplete: 'nickname' }, s.errors)}
${field({ form, name: 'email', label: LABELS.email, type: 'email', value: s.values.email, maxlength: 254, autocomplete: 'email', hint: 'Never shown to anyone.' }, s.errors)}`
    : '';
  return html`${errorSummary(form, s.errors, LABELS)}
${postForm(reply, { action: `/works/${spec.work.id}/comments`, form, label: spec.parentId ? 'Reply' : 'Leave a comment' }, html`${hidden({ back: spec.back, chapter: spec.chapter ?? undefined, parent_id: spec.parentId })}
${guestFields}
${textArea({ form, name: 'comment', label: LABELS.comment, value: s.values.comment, maxlength: COMMENT_MAX_CHARS, rows: 8, required: true, hint: `Up to ${COMMENT_MAX_CHARS.toLocaleString('en')} characters. Plain text, or HTML such as <em> and <a>.` }, s.errors)}
${submit(spec.parentId ? 'Post reply' : 'Comment')}`)}`;
}

/** Who may comment and moderation, for the work's creators. */
export function commentSettingsForm(reply: FastifyReply, workId: number, view: Pick<CommentsView, 'settings'>, back: string): SafeHtml {
  const p = view.settings.permission;
  const radio = (value: string, label: string) =>
    html`<div class="choice"><input type="radio" id="comment-settings-${value}" name="permission" value="${value}"${p === value ? html` checked` : ''}> <label for="comment-settings-${value}">${label}</label></div>`;
  return html`<details class="comment-settings">
<summary>Comment settings</summary>
${postForm(reply, { action: `/works/${workId}/comment-settings`, form: 'comment-settings', label: 'Comment settings' }, html`${hidden({ back })}
<fieldset class="field"><legend>Who can comment</legend>
${radio('everyone', 'Everyone, guests included')}
${radio('registered', 'Only registered users')}
${radio('nobody', 'Nobody (existing comments stay)')}
</fieldset>
${checkBox('comment-settings', 'moderated', 'Hold new comments until I approve them', view.settings.moderated)}
${submit('Save comment settings', false)}`)}
</details>`;
}

export interface CommentsSectionSpec {
  ctx: ThreadContext;
  view: CommentsView;
  guest: boolean;
  /** The chapter shown, when the page shows one chapter of several. */
  chapter?: number;
  /** The chapter a new comment attaches to (null: the whole work). */
  commentChapter: number | null;
}

/** The comments under a work or chapter: heading, threads, the form (or why there is none), and the creators' settings. */
export function commentsSection(spec: CommentsSectionSpec): SafeHtml {
  const { ctx, view } = spec;
  const scope = spec.chapter !== undefined
    ? html`<p class="comments-scope">Comments on chapter ${spec.chapter}. <a href="${workHref(ctx.work.id)}?view=full#comments">All comments on the work</a></p>`
    : '';
  const form = view.refusal
    ? html`<p class="comments-closed">${view.refusal}${spec.guest && /Log in/.test(view.refusal) ? html` <a href="/login?return_to=${encodeURIComponent(ctx.back)}">Log in</a>` : ''}</p>`
    : html`<section class="add-comment" id="add-comment" aria-labelledby="add-comment-heading"><h3 id="add-comment-heading">Leave a comment</h3>${commentForm(ctx.reply, { work: ctx.work, guest: spec.guest, back: ctx.back, chapter: spec.commentChapter })}</section>`;
  return html`<section class="comments" id="comments" aria-labelledby="comments-heading">
<h2 id="comments-heading">Comments (${view.count.toLocaleString('en')})</h2>
${scope}
${view.settings.moderated ? html`<p class="comments-moderated">Comments on this work are checked by its creators before they appear.</p>` : ''}
${commentThreads(view.threads, ctx)}
${form}
${view.moderator ? commentSettingsForm(ctx.reply, ctx.work.id, view, ctx.back) : ''}
</section>`;
}

/** The page with the comment being answered and the reply form (no JavaScript needed). */
export function replyPage(reply: FastifyReply, work: Pick<Work, 'id' | 'title' | 'creators'>, parent: Comment, guest: boolean, back: string, state?: CommentFormState): SafeHtml {
  return html`<div class="comment-page">
<h1>Reply to a comment on <a href="${workHref(work.id)}">${work.title}</a></h1>
${quotedComment(parent, work)}
${commentForm(reply, { work, guest, back, parentId: parent.id, state })}
</div>`;
}

/** A new comment that came back with errors, on a page of its own. */
export function commentErrorPage(reply: FastifyReply, work: Pick<Work, 'id' | 'title'>, spec: Omit<CommentFormSpec, 'work'>): SafeHtml {
  return html`<div class="comment-page">
<h1>Leave a comment on <a href="${workHref(work.id)}">${work.title}</a></h1>
${commentForm(reply, { ...spec, work })}
</div>`;
}

/** The author's edit form. */
export function editCommentPage(reply: FastifyReply, work: Pick<Work, 'id' | 'title' | 'creators'>, comment: Comment, text: string, state?: CommentFormState): SafeHtml {
  const s = state ?? { errors: {}, values: { comment: text } };
  return html`<div class="comment-page">
<h1>Edit your comment on <a href="${workHref(work.id)}">${work.title}</a></h1>
${errorSummary('edit-comment', s.errors, LABELS)}
${postForm(reply, { action: `/comments/${comment.id}/edit`, form: 'edit-comment', label: 'Edit comment' }, html`${textArea({ form: 'edit-comment', name: 'comment', label: LABELS.comment, value: s.values.comment, maxlength: COMMENT_MAX_CHARS, rows: 10, required: true }, s.errors)}
${submit('Save changes')}`)}
</div>`;
}
