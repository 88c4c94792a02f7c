import type { FastifyReply } from 'fastify';
import type { ReviewItem } from '../../suggest/rating-hints.ts';
import { html, type SafeHtml } from '../html.ts';
import { notice } from './account-fields.ts';
import { workHref } from './format.ts';
import { buttonForm } from './reader-fields.ts';
import { excerptHtml } from './suggestions-panel.ts';

/**
 * `/admin/review`: posted works whose declared rating is below the rating hinted from their
 * text, most confident first, each with the passages behind the hint and a "Dismiss" button.
 * Administrators only. The hint is never shown to readers; the work keeps the author's rating.
 */
export function reviewPage(reply: FastifyReply, items: readonly ReviewItem[], message?: string): SafeHtml {
  const rows = items.map(
    (it) => html`<li class="review-item" id="review-${it.workId}">
<h2><a href="${workHref(it.workId)}">${it.title}</a></h2>
<p>Declared: <strong class="review-declared">${it.declared}</strong>. Hinted: <strong class="review-hinted">${it.hinted}</strong> (confidence ${Math.round(it.confidence * 100)}%, computed ${it.computedAt.slice(0, 10)} for revision ${it.revision}).</p>
<ul class="suggestion-evidence">${it.evidence.map((e) => html`<li><span class="evidence-place">Chapter ${e.chapter}, character ${(e.offset + 1).toLocaleString('en')}:</span> <q>${excerptHtml(e.excerpt)}</q>${e.reason ? html` <span class="evidence-reason">(${e.reason})</span>` : ''}</li>`)}</ul>
${buttonForm(reply, `/admin/review/${it.workId}/dismiss`, 'Dismiss: keep the author’s rating', { label: `Dismiss the hint for ${it.title}` })}
</li>\n`,
  );
  return html`<h1>Rating review</h1>
${notice(message)}
<p>Posted works whose declared rating is lower than the rating hinted from their text, most confident first. Hints come from word lists and are often wrong (docs/suggestions.md): read the passages. Readers always see the author’s rating; to change it, contact the author or hide the work. Dismissing keeps a work off this list until its rating or its hint changes.</p>
${items.length === 0 ? html`<p class="review-empty">Nothing to review.</p>` : html`<ol class="review-queue">${rows}</ol>`}`;
}
