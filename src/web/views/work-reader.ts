import type { FastifyReply } from 'fastify';
import type { Bookmark } from '../../interactions/bookmarks/bookmark.types.ts';
import { BOOKMARK_NOTES_MAX } from '../../interactions/bookmarks/bookmark.types.ts';
import type { KudosList } from '../../interactions/kudos.ts';
import type { Work } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, field, notice, postForm, submit, type FormErrors } from './account-fields.ts';
import { buttonForm, checkBox, hidden, joinNames, plural, textArea } from './reader-fields.ts';
import { formatNumber } from './format.ts';

/** Fixed messages for `?done=…` after a reader's action (never text from the request). */
export const READER_NOTICES: Record<string, string> = {
  kudos: 'Thank you for leaving kudos!',
  'kudos-already': 'You have already left kudos here. :)',
  subscribed: 'You are subscribed: updates will arrive in your inbox.',
  unsubscribed: 'You are no longer subscribed.',
  'later-added': 'Marked for later.',
  'later-removed': 'Removed from your Marked for Later list.',
  bookmarked: 'Your bookmark was saved.',
  'bookmark-deleted': 'Your bookmark was deleted.',
  'comment-posted': 'Your comment was posted.',
  'comment-held': 'Your comment was received. It will appear once a creator of the work approves it.',
  'comment-edited': 'Your comment was changed.',
  'comment-deleted': 'The comment was deleted.',
  'comment-frozen': 'The thread was frozen.',
  'comment-unfrozen': 'The thread was unfrozen.',
  'comment-approved': 'The comment was approved.',
  'comment-settings': 'The comment settings were saved.',
  blocked: 'Blocked. They can no longer comment on or leave kudos on your works.',
  unblocked: 'Unblocked.',
  muted: 'Muted. Their works no longer appear in your listings.',
  unmuted: 'Unmuted.',
};

/** "Kudos from alice, bob and 3 guests", or an invitation to be the first. */
export function kudosLine(list: KudosList): SafeHtml {
  const parts = [...list.names, ...(list.guests > 0 ? [plural(list.guests, 'guest')] : [])];
  if (parts.length === 0) return html`<p class="kudos" id="kudos">No kudos yet.</p>`;
  return html`<p class="kudos" id="kudos">Kudos from ${joinNames(parts)}.</p>`;
}

export interface ReaderActionsView {
  work: Work;
  back: string;
  notice?: string;
  member: boolean;
  creator: boolean;
  kudos: KudosList;
  kudosGiven: boolean;
  subscriptionId?: number;
  markedForLater: boolean;
}

/** The reader's bar under a work: stats, kudos, subscribe, mark for later, and the kudos list. */
export function readerActions(reply: FastifyReply, v: ReaderActionsView): SafeHtml {
  const id = v.work.id;
  const fields = { back: v.back };
  const buttons: SafeHtml[] = [];
  if (!v.creator) buttons.push(v.kudosGiven ? html`<p class="kudos-given">You left kudos.</p>` : buttonForm(reply, `/works/${id}/kudos`, 'Kudos ♥', { fields, label: 'Leave kudos' }));
  if (v.member) {
    buttons.push(
      v.subscriptionId !== undefined
        ? buttonForm(reply, `/subscriptions/${v.subscriptionId}/delete`, 'Unsubscribe', { fields, label: 'Unsubscribe from this work' })
        : buttonForm(reply, '/subscriptions', 'Subscribe', { fields: { ...fields, kind: 'work', target: id }, label: 'Subscribe to this work' }),
    );
    buttons.push(
      v.markedForLater
        ? buttonForm(reply, `/later/${id}/delete`, 'Remove from Later', { fields, label: 'Remove from Marked for Later' })
        : buttonForm(reply, `/works/${id}/later`, 'Mark for Later', { fields }),
    );
    buttons.push(html`<a class="button" href="#bookmark">Bookmark</a>`);
  }
  const s = v.work.stats;
  return html`<section class="reader-actions" id="reader-actions" aria-label="Kudos, subscriptions and bookmarks">
${notice(v.notice)}
<dl class="stats reader-stats">
<div><dt>Hits:</dt> <dd>${formatNumber(s.hits)}</dd></div>
<div><dt>Kudos:</dt> <dd>${formatNumber(s.kudos)}</dd></div>
<div><dt>Comments:</dt> <dd>${formatNumber(s.comments)}</dd></div>
<div><dt>Bookmarks:</dt> <dd>${formatNumber(s.bookmarks)}</dd></div>
</dl>
<div class="reader-buttons">${buttons}</div>
${v.member ? '' : html`<p class="reader-login"><a href="/login?return_to=${encodeURIComponent(v.back)}">Log in</a> to bookmark, subscribe or mark works for later.</p>`}
${kudosLine(v.kudos)}
</section>`;
}

export interface BookmarkFormState {
  errors: FormErrors;
  values: Record<string, string>;
}

const BOOKMARK_LABELS = { notes: 'Notes', tags: 'Your tags' };

/** The member's bookmark of the work: a new one, or theirs to edit or delete. */
export function bookmarkForm(reply: FastifyReply, workId: number, existing: Bookmark | undefined, back: string, state?: BookmarkFormState): SafeHtml {
  const s = state ?? {
    errors: {},
    values: existing ? { notes: existing.notes, tags: existing.tags.join(', '), rec: existing.rec ? '1' : '', private: existing.private ? '1' : '' } : {},
  };
  const form = 'bookmark';
  return html`<section class="bookmark-form" id="bookmark" aria-labelledby="bookmark-heading">
<h2 id="bookmark-heading">${existing ? 'Your bookmark' : 'Bookmark this work'}</h2>
${errorSummary(form, s.errors, BOOKMARK_LABELS)}
${postForm(reply, { action: `/works/${workId}/bookmark`, form, label: existing ? 'Edit your bookmark' : 'Bookmark this work' }, html`${hidden({ back })}
${textArea({ form, name: 'notes', label: BOOKMARK_LABELS.notes, value: s.values.notes, maxlength: BOOKMARK_NOTES_MAX, rows: 4, hint: 'Optional. Plain text, or HTML such as <em>.' }, s.errors)}
${field({ form, name: 'tags', label: BOOKMARK_LABELS.tags, value: s.values.tags, required: false, maxlength: 8000, hint: 'Optional, separated by commas.' }, s.errors)}
${checkBox(form, 'rec', 'Rec (recommend this work)', s.values.rec === '1')}
${checkBox(form, 'private', 'Private (only you see this bookmark)', s.values.private === '1')}
${submit(existing ? 'Update bookmark' : 'Create bookmark', !existing)}`)}
${existing ? buttonForm(reply, `/bookmarks/${existing.id}/delete`, 'Delete bookmark', { fields: { back }, danger: true }) : ''}
</section>`;
}
