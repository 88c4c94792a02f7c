import type { DownloadFormat } from '../../downloads/formats.ts';
import type { Work } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { workHref } from './format.ts';

/** `/works/12/download.epub` */
export function downloadHref(workId: number, ext: string): string {
  return `${workHref(workId)}/download.${ext}`;
}

/** The work page's Download links, one per offered format. */
export function downloadMenu(work: Pick<Work, 'id'>, formats: readonly DownloadFormat[]): SafeHtml {
  if (formats.length === 0) return html``;
  const links = formats.map((f) => html`<li><a href="${downloadHref(work.id, f.ext)}" download>${f.label}</a></li>`);
  return html`<nav class="downloads" aria-label="Download">
<h2 class="downloads-heading">Download</h2>
<ul class="commas">${links}</ul>
</nav>`;
}

/** Shown (202) while a file is made in the background: come back in a moment. */
export function preparingPage(work: Pick<Work, 'id' | 'title'>, format: DownloadFormat): SafeHtml {
  const href = downloadHref(work.id, format.ext);
  return html`<div class="download-status">
<h1>Preparing your download</h1>
<p>The ${format.label} file of <a href="${workHref(work.id)}">${work.title}</a> is being prepared. Reload this page in a moment to download it.</p>
<p><a class="button button-primary" href="${href}">Try again</a> <a class="button" href="${workHref(work.id)}">Back to the work</a></p>
</div>`;
}

/** Shown when a background file could not be made (500) or the queue is full (503). */
export function downloadFailedPage(work: Pick<Work, 'id' | 'title'>, format: DownloadFormat, message: string): SafeHtml {
  return html`<div class="download-status">
<h1>Download not ready</h1>
<p>The ${format.label} file of <a href="${workHref(work.id)}">${work.title}</a> could not be made: ${message}</p>
<p><a class="button" href="${downloadHref(work.id, format.ext)}">Try again</a> <a class="button" href="${workHref(work.id)}">Back to the work</a></p>
</div>`;
}
