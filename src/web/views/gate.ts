import { html, type SafeHtml } from '../html.ts';
import type { Work } from '../../works/work.types.ts';
import { blurb } from './blurb.ts';

/**
 * The adult-content interstitial (REFERENCE §4): the work's blurb without its summary or text,
 * and a choice. Proceeding is a plain link, so it works without JavaScript.
 */
export function adultGatePage(work: Work, proceedHref: string): SafeHtml {
  return html`<div class="gate">
<h1>Adult content</h1>
<p class="gate-message">This work could have adult content. If you continue, you have agreed that you are willing to see such content.</p>
<ul class="gate-choices">
<li><a class="button button-primary" href="${proceedHref}">Proceed</a></li>
<li><a class="button" href="/works">No, go back</a></li>
</ul>
<ol class="blurbs">${blurb(work, { level: 2, summary: false })}</ol>
</div>`;
}
