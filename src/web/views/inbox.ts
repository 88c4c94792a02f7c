import type { FastifyReply } from 'fastify';
import type { Notice } from '../../interactions/inbox/notice.types.ts';
import { commentPath } from '../../interactions/paths.ts';
import type { Page } from '../../works/work.service.ts';
import { html, type SafeHtml } from '../html.ts';
import { notice } from './account-fields.ts';
import { chapterHref, creatorHref, creatorLinks, seriesHref, workHref } from './format.ts';
import { csrfField } from './forms.ts';
import { pagination } from './listing.ts';
import { buttonForm, plural } from './reader-fields.ts';
import { readerNav } from './reader-nav.ts';

/** What one notice says, with links. */
export function noticeText(n: Notice): SafeHtml {
  const w = n.work;
  const work = w ? html`<a href="${workHref(w.id)}">${w.title}</a>` : html`a work`;
  const by = w && w.creators.length ? html` by ${creatorLinks(w.creators)}` : '';
  switch (n.kind) {
    case 'chapter':
      return html`New chapter: ${w && n.chapterPosition ? html`<a href="${chapterHref(w.id, n.chapterPosition)}">Chapter ${n.chapterPosition}</a>` : 'a chapter'} of ${work}${by}`;
    case 'work':
      return html`New work by ${n.creator ? html`<a href="${creatorHref(n.creator.name)}">${n.creator.name}</a>` : 'a creator you follow'}: ${work}`;
    case 'series_work':
      return html`New work in the series ${n.series ? html`<a href="${seriesHref(n.series.id)}">${n.series.title}</a>` : ''}: ${work}${by}`;
    case 'comment':
    case 'reply': {
      const c = n.comment;
      const link = w && c ? html`<a href="${commentPath(w.id, c.chapterPosition, c.id)}">${n.kind === 'comment' ? 'commented' : 'replied to your comment'}</a>` : html`${n.kind === 'comment' ? 'commented' : 'replied'}`;
      const quote = c && !c.deleted && c.excerpt ? html`<q class="notice-quote">${c.excerpt}</q>` : c?.deleted ? html` <span class="comment-deleted">(comment deleted)</span>` : '';
      return html`${c?.author ?? 'Someone'} ${link} on ${work}${c?.pending ? html` <span class="badge">Awaiting your approval</span>` : ''} ${quote}`;
    }
  }
}

export interface InboxView {
  username: string;
  page: Page<Notice>;
  unread: number;
  unreadOnly: boolean;
  emailDigest: boolean;
  notice?: string;
  base: string;
}

/** `/inbox`: the notices with check boxes and bulk actions, "mark all read", the digest setting. */
export function inboxPage(reply: FastifyReply, v: InboxView): SafeHtml {
  const items = v.page.items.map((n) => html`<li class="inbox-item${n.read ? '' : ' unread'}">
<input type="checkbox" name="ids" value="${n.id}" id="notice-${n.id}" form="inbox-form"> <label for="notice-${n.id}" class="visually-hidden">Select</label>
<div class="inbox-text">${n.read ? '' : html`<span class="badge">New</span> `}${noticeText(n)} <time datetime="${n.createdAt}">${n.createdAt.slice(0, 10)}</time></div>
</li>`);
  return html`<div class="inbox-page">
${readerNav('inbox', v.username)}
<h1>Inbox</h1>
${notice(v.notice)}
<p class="listing-count">${plural(v.unread, 'unread notice')}. <a href="${v.unreadOnly ? '/inbox' : '/inbox?unread=1'}">${v.unreadOnly ? 'Show all' : 'Show unread only'}</a></p>
${items.length
  ? html`<form method="post" action="/inbox" id="inbox-form" class="inbox-form" aria-label="Selected notices">${csrfField(reply)}
<ol class="inbox-list">${items}</ol>
<p class="form-actions"><button type="submit" name="action" value="read" class="button">Mark selected as read</button> <button type="submit" name="action" value="delete" class="button">Delete selected</button></p>
</form>`
  : html`<p class="empty">${v.unreadOnly ? 'Nothing unread.' : 'Your inbox is empty. Subscribe to works, creators or series to hear of their updates here.'}</p>`}
${pagination(v.page, v.base)}
<div class="inbox-bulk">
${v.unread > 0 ? buttonForm(reply, '/inbox/read-all', 'Mark all as read') : ''}
${buttonForm(reply, '/inbox/delete-read', 'Delete all read notices')}
</div>
<section class="account-section" aria-labelledby="digest-heading">
<h2 id="digest-heading">E-mail digest</h2>
<p>${v.emailDigest ? 'On: unread notices are sent to your e-mail address from time to time, each once.' : 'Off: nothing is sent by e-mail.'}</p>
${buttonForm(reply, '/inbox/digest', v.emailDigest ? 'Turn the digest off' : 'Turn the digest on', { fields: { digest: v.emailDigest ? '0' : '1' } })}
</section>
</div>`;
}
