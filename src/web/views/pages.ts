import { sanitize } from '../../formats/sanitize.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import type { Page } from '../../works/work.service.ts';
import type { Work } from '../../works/work.types.ts';
import type { SeriesView } from '../../works/series.repository.ts';
import { blurbList } from './blurb.ts';
import { creatorLinks, formatNumber } from './format.ts';

/** Bodies of the simple pages: home, series. */

export function homePage(siteName: string, newest: Page<Work>): SafeHtml {
  return html`<div class="home">
<h1>${siteName}</h1>
<p class="intro">An archive of fan works: stories by readers, for readers. Browse the newest works below, look through <a href="/works">all works</a>, or find your <a href="/fandoms">fandom</a>.</p>
<form class="home-search" id="home-search" action="/search" method="get" role="search">
<label for="home-q">Search works</label>
<input type="search" id="home-q" name="q">
<button type="submit" class="button button-primary">Search</button>
</form>
<section class="newest" aria-labelledby="newest-heading">
<h2 id="newest-heading">Newest works</h2>
${blurbList(newest.items, { level: 3 })}
${newest.total > newest.items.length ? html`<p class="more"><a href="/works">All ${formatNumber(newest.total)} works</a></p>` : ''}
</section>
</div>`;
}

/** What a series page adds around the works: the hidden-works notice, and whose works the byline names. */
export interface SeriesPageExtras {
  /** "2 works hidden by your filters — show them", above the works. */
  notice?: SafeHtml | string;
  /** Works whose creators the byline names (default: the works listed), so hiding works keeps the byline. */
  bylineWorks?: readonly Work[];
}

/** A series: title, creators, summary and notes (sanitized again here: no writer owns them yet), works in order. */
export function seriesPage(series: SeriesView, extras: SeriesPageExtras = {}): SafeHtml {
  const creators = new Map((extras.bylineWorks ?? series.works.map((w) => w.work)).flatMap((w) => w.creators).map((c) => [c.id, c]));
  const words = series.works.reduce((sum, w) => sum + w.work.words, 0);
  return html`<div class="series-page">
<h1>${series.title}</h1>
<p class="byline">by ${creatorLinks([...creators.values()])}</p>
${series.summary ? html`<section class="module summary"><h2 class="heading">Summary</h2><div class="userstuff">${raw(sanitize(series.summary))}</div></section>` : ''}
${series.notes ? html`<section class="module notes"><h2 class="heading">Notes</h2><div class="userstuff">${raw(sanitize(series.notes))}</div></section>` : ''}
<dl class="stats">
<div><dt>Works:</dt> <dd>${formatNumber(series.works.length)}</dd></div>
<div><dt>Words:</dt> <dd>${formatNumber(words)}</dd></div>
<div><dt>Complete:</dt> <dd>${series.complete ? 'Yes' : 'No'}</dd></div>
</dl>
${extras.notice ?? ''}
${blurbList(series.works.map((w) => w.work))}
</div>`;
}
