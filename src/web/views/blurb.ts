import { html, raw, type SafeHtml } from '../html.ts';
import { languageName } from '../../works/language.ts';
import type { Work } from '../../works/work.types.ts';
import { chapterHref, chaptersLabel, creatorLinks, day, formatNumber, seriesHref, tagHref, tagLinks, workHref } from './format.ts';
import { requiredTags } from './required-tags.ts';

export interface BlurbOptions {
  /** Heading level of the work title: 2 under a page's `<h1>`, 3 under a section's `<h2>`. */
  level?: 2 | 3;
  /** Show the summary (the adult gate leaves it out). Default true. */
  summary?: boolean;
  /** Search results: where each work's text matched, by work id (see `BlurbSnippet`). */
  snippets?: ReadonlyMap<number, BlurbSnippet>;
}

/**
 * A highlighted excerpt of the chapter a text search matched. `html` comes from the search
 * engine's `highlight` (src/search/snippet.ts), which HTML-escapes every character of the text
 * and adds only `<mark>` and "…": it is trusted as is.
 */
export interface BlurbSnippet {
  chapter: number;
  html: string;
}

function snippetBlock(work: Work, snippet: BlurbSnippet | undefined): SafeHtml | string {
  if (!snippet) return '';
  const where = work.chapterCount > 1 ? `Chapter ${snippet.chapter}` : 'In the text';
  return html`<p class="blurb-snippet"><a href="${chapterHref(work.id, snippet.chapter)}">${where}</a>: <span class="snippet-text">${raw(snippet.html)}</span></p>`;
}

function heading(level: 2 | 3, inner: SafeHtml): SafeHtml {
  return level === 2 ? html`<h2 class="blurb-heading">${inner}</h2>` : html`<h3 class="blurb-heading">${inner}</h3>`;
}

/**
 * One AO3-style work blurb: title and creators, fandoms, the four required-tag squares, date,
 * warnings, relationships, characters and additional tags, summary, series, and stats.
 */
export function blurb(work: Work, opts: BlurbOptions = {}): SafeHtml {
  const level = opts.level ?? 2;
  const title = html`<a href="${workHref(work.id)}">${work.title}</a> <span class="byline">by ${creatorLinks(work.creators)}</span>`;
  const fandoms = work.fandoms.map((f, i) => html`${i > 0 ? ', ' : ''}<a class="tag" href="${tagHref(f)}">${f}</a>`);
  const tags = [
    ...work.warnings.filter((w) => w !== 'No Archive Warnings Apply').map((w) => html`<li class="warning"><a class="tag" href="${tagHref(w)}"><strong>${w}</strong></a></li>`),
    tagLinks(work.relationships, 'tag relationship'),
    tagLinks(work.characters, 'tag character'),
    tagLinks(work.tags, 'tag freeform'),
  ];
  const hasTags = work.relationships.length + work.characters.length + work.tags.length > 0 || work.warnings.some((w) => w !== 'No Archive Warnings Apply');
  const summary = opts.summary !== false && work.summary
    ? html`<div class="blurb-summary userstuff"><span class="visually-hidden">Summary:</span>${raw(work.summary)}</div>`
    : '';
  const series = work.series.map((s) => html`<li>Part ${s.position} of <a href="${seriesHref(s.id)}">${s.title}</a></li>`);
  const updated = work.updatedOn !== work.publishedOn
    ? html`<div><dt>Updated:</dt> <dd>${day(work.updatedOn)}</dd></div>`
    : '';
  return html`<li class="blurb" id="work-${work.id}">
<div class="blurb-top">
${heading(level, title)}
<p class="blurb-fandoms"><span class="visually-hidden">Fandoms: </span>${fandoms}</p>
${requiredTags(work)}
<p class="blurb-date">${day(work.updatedOn)}</p>
</div>
${hasTags ? html`<ul class="blurb-tags commas" aria-label="Tags">${tags}</ul>` : ''}
${summary}
${snippetBlock(work, opts.snippets?.get(work.id))}
${series.length > 0 ? html`<ul class="blurb-series">${series}</ul>` : ''}
<dl class="blurb-stats">
<div><dt>Language:</dt> <dd lang="${work.language}">${languageName(work.language)}</dd></div>
<div><dt>Words:</dt> <dd>${formatNumber(work.words)}</dd></div>
<div><dt>Chapters:</dt> <dd>${chaptersLabel(work)}</dd></div>
<div><dt>Published:</dt> <dd>${day(work.publishedOn)}</dd></div>
${updated}
</dl>
</li>`;
}

/** A list of blurbs (no paging): series pages, the home page. */
export function blurbList(works: readonly Work[], opts: BlurbOptions = {}): SafeHtml {
  if (works.length === 0) return html`<p class="empty">No works yet.</p>`;
  return html`<ol class="blurbs">${works.map((w) => blurb(w, opts))}</ol>`;
}
