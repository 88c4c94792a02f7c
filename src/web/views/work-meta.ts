import { html, type SafeHtml } from '../html.ts';
import { languageName } from '../../works/language.ts';
import type { Work } from '../../works/work.types.ts';
import { chaptersLabel, day, formatNumber, seriesHref, tagHref, workHref } from './format.ts';

/** A work's place in one series, with its visible neighbours. */
export interface SeriesPlace {
  id: number;
  title: string;
  position: number;
  prev?: { id: number; title: string };
  next?: { id: number; title: string };
}

function tagList(names: readonly string[]): SafeHtml {
  return html`<ul class="commas">${names.map((n) => html`<li><a class="tag" href="${tagHref(n)}">${n}</a></li>`)}</ul>`;
}

function row(label: string, cls: string, names: readonly string[]): SafeHtml {
  if (names.length === 0) return html``;
  return html`<div class="${cls}"><dt>${label}:</dt> <dd>${tagList(names)}</dd></div>`;
}

function seriesPlace(s: SeriesPlace): SafeHtml {
  const prev = s.prev ? html`<a rel="prev" href="${workHref(s.prev.id)}" title="${s.prev.title}"><span aria-hidden="true">← </span>Previous work</a> ` : '';
  const next = s.next ? html` <a rel="next" href="${workHref(s.next.id)}" title="${s.next.title}">Next work<span aria-hidden="true"> →</span></a>` : '';
  return html`<span class="series-place">${prev}<span>Part ${s.position} of <a href="${seriesHref(s.id)}">${s.title}</a></span>${next}</span>`;
}

/** The stats line: published, updated or completed, words, chapters. */
export function workStats(work: Work): SafeHtml {
  const changed = work.updatedOn !== work.publishedOn || work.chapterCount > 1;
  const update = changed ? html`<div><dt>${work.complete ? 'Completed' : 'Updated'}:</dt> <dd>${day(work.updatedOn)}</dd></div>` : '';
  return html`<dl class="stats">
<div><dt>Published:</dt> <dd>${day(work.publishedOn)}</dd></div>
${update}
<div><dt>Words:</dt> <dd>${formatNumber(work.words)}</dd></div>
<div><dt>Chapters:</dt> <dd>${chaptersLabel(work)}</dd></div>
</dl>`;
}

/**
 * The header block of a work page, AO3's order: rating, warnings, categories, fandoms,
 * relationships, characters, additional tags, language, series, stats.
 */
export function workMeta(work: Work, series: readonly SeriesPlace[], opts: { stats?: boolean } = {}): SafeHtml {
  const seriesRow = series.length > 0
    ? html`<div class="series"><dt>Series:</dt> <dd>${series.map((s) => html`<p>${seriesPlace(s)}</p>`)}</dd></div>`
    : '';
  return html`<dl class="work-meta">
${row('Rating', 'rating', [work.rating])}
${row(work.warnings.length === 1 ? 'Archive Warning' : 'Archive Warnings', 'warnings', work.warnings)}
${row(work.categories.length === 1 ? 'Category' : 'Categories', 'categories', work.categories)}
${row(work.fandoms.length === 1 ? 'Fandom' : 'Fandoms', 'fandoms', work.fandoms)}
${row(work.relationships.length === 1 ? 'Relationship' : 'Relationships', 'relationships', work.relationships)}
${row('Characters', 'characters', work.characters)}
${row('Additional Tags', 'freeforms', work.tags)}
<div class="language"><dt>Language:</dt> <dd lang="${work.language}">${languageName(work.language)}</dd></div>
${seriesRow}
${opts.stats === false ? '' : html`<div class="stats-row"><dt>Stats:</dt> <dd>${workStats(work)}</dd></div>`}
</dl>`;
}
