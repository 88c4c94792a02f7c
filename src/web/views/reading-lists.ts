import type { FastifyReply } from 'fastify';
import type { HistoryEntry } from '../../interactions/history.ts';
import type { Page } from '../../works/work.service.ts';
import type { Work } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { notice } from './account-fields.ts';
import { blurb } from './blurb.ts';
import { chapterHref } from './format.ts';
import { pagination, rangeLabel } from './listing.ts';
import { buttonForm, plural } from './reader-fields.ts';
import { readerNav } from './reader-nav.ts';

export interface HistoryView {
  username: string;
  page: Page<HistoryEntry>;
  paused: boolean;
  notice?: string;
}

/** `/history`: works visited, most recent first, with the visit count; pause, clear, remove one. */
export function historyPage(reply: FastifyReply, v: HistoryView): SafeHtml {
  const items = v.page.items.map((e) => html`<li class="history-entry">
<ol class="blurbs">${blurb(e.work, { level: 2 })}</ol>
<p class="history-visits">Last visited <time datetime="${e.lastVisitedAt}">${e.lastVisitedAt.slice(0, 10)}</time>${e.chapterPosition ? html` (<a href="${chapterHref(e.work.id, e.chapterPosition)}">chapter ${e.chapterPosition}</a>)` : ''} · visited ${plural(e.visits, 'time')}</p>
${buttonForm(reply, `/history/${e.work.id}/delete`, 'Remove from history', { label: `Remove ${e.work.title} from your history` })}
</li>`);
  return html`<div class="history-page">
${readerNav('history', v.username)}
<h1>History</h1>
${notice(v.notice)}
<p>Only you see your history.${v.paused ? html` <strong>It is paused: works you open are not recorded.</strong>` : ''}</p>
<div class="reader-buttons">
${buttonForm(reply, '/history/pause', v.paused ? 'Resume history' : 'Pause history', { fields: { paused: v.paused ? '0' : '1' } })}
${v.page.total > 0 ? buttonForm(reply, '/history/clear', 'Clear history', { danger: true }) : ''}
</div>
<p class="listing-count">${plural(v.page.total, 'work')}</p>
${items.length ? html`<ol class="history-list">${items}</ol>` : html`<p class="empty">No works in your history.</p>`}
${pagination(v.page, '/history')}
</div>`;
}

/** `/later`: works marked for later, each with Remove. */
export function laterPage(reply: FastifyReply, username: string, page: Page<Work>, message?: string): SafeHtml {
  const items = page.items.map((w) => html`<li class="later-entry">
<ol class="blurbs">${blurb(w, { level: 2 })}</ol>
${buttonForm(reply, `/later/${w.id}/delete`, 'Remove', { fields: { back: '/later' }, label: `Remove ${w.title} from Marked for Later` })}
</li>`);
  return html`<div class="later-page">
${readerNav('later', username)}
<h1>Marked for Later</h1>
${notice(message)}
<p class="listing-count">${rangeLabel(page)}</p>
${items.length ? html`<ol class="later-list">${items}</ol>` : html`<p class="empty">Nothing marked for later. Use “Mark for Later” under a work.</p>`}
${pagination(page, '/later')}
</div>`;
}
