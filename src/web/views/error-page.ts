import { html, type SafeHtml } from '../html.ts';

/** The body of an error page (404, 500, 4xx): a heading, a sentence, a way back. */
export function errorPage(heading: string, message: string): SafeHtml {
  return html`<div class="error-page">
<h1>${heading}</h1>
<p>${message}</p>
<p><a href="/">Go to the front page</a> or <a href="/works">browse all works</a>.</p>
</div>`;
}
