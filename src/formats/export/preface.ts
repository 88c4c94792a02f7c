import { languageName } from '../../works/language.ts';
import type { Chapter, Work, WorkWithChapters } from '../../works/work.types.ts';
import { seriesUrl, tagUrl, workUrl, type ExportContext } from './export.types.ts';
import { trusted, x, type Markup } from './markup.ts';

/**
 * The metadata block and author-text blocks of a download, as markup that is valid XHTML (EPUB
 * title page) and HTML (single-file download) alike. Author HTML goes through `convert`:
 * `toXhtml` for EPUB, unchanged for HTML. `data-quire` marks what the EPUB reader reads back.
 */
export type Convert = (html: string) => string;

const numbers = new Intl.NumberFormat('en');

/** "Chapter 2: The Long Way Round", or "Chapter 2" when untitled. */
export function chapterLabel(c: Pick<Chapter, 'position' | 'title'>): string {
  return c.title ? `Chapter ${c.position}: ${c.title}` : `Chapter ${c.position}`;
}

/** AO3's chapter count: "2/5", "2/?", "3/3". */
export function chaptersCount(work: Pick<Work, 'chapterCount' | 'complete' | 'expectedChapters'>): string {
  return `${work.chapterCount}/${work.complete ? work.chapterCount : work.expectedChapters ?? '?'}`;
}

/** "a, b and c"; "Anonymous" when empty. */
export function creatorNames(work: Pick<Work, 'creators'>): string {
  const names = work.creators.map((c) => c.name);
  if (names.length === 0) return 'Anonymous';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The metadata rows of a work, in AO3's order, as label and plain values (for text and PDF too). */
export function metaRows(work: Work): { label: string; cls: string; values: string[]; tags: boolean }[] {
  const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const changed = work.updatedOn !== work.publishedOn || work.chapterCount > 1;
  const stats = [`Published: ${work.publishedOn}`];
  if (changed) stats.push(`${work.complete ? 'Completed' : 'Updated'}: ${work.updatedOn}`);
  stats.push(`Words: ${numbers.format(work.words)}`, `Chapters: ${chaptersCount(work)}`);
  const rows = [
    { label: 'Rating', cls: 'rating', values: [work.rating], tags: true },
    { label: plural(work.warnings.length, 'Archive Warning', 'Archive Warnings'), cls: 'warnings', values: work.warnings, tags: true },
    { label: plural(work.categories.length, 'Category', 'Categories'), cls: 'categories', values: work.categories, tags: true },
    { label: plural(work.fandoms.length, 'Fandom', 'Fandoms'), cls: 'fandoms', values: work.fandoms, tags: true },
    { label: plural(work.relationships.length, 'Relationship', 'Relationships'), cls: 'relationships', values: work.relationships, tags: true },
    { label: 'Characters', cls: 'characters', values: work.characters, tags: true },
    { label: 'Additional Tags', cls: 'freeforms', values: work.tags, tags: true },
    { label: 'Language', cls: 'language', values: [languageName(work.language)], tags: false },
    { label: 'Series', cls: 'series', values: work.series.map((s) => `Part ${s.position} of ${s.title}`), tags: false },
    { label: 'Stats', cls: 'stats', values: stats, tags: false },
  ];
  return rows.filter((r) => r.values.length > 0);
}

function values(work: Work, row: ReturnType<typeof metaRows>[number], ctx: ExportContext): Markup {
  if (row.tags) return x`${row.values.map((v, i) => x`${i > 0 ? ', ' : ''}<a href="${tagUrl(ctx, v)}">${v}</a>`)}`;
  if (row.cls === 'series') {
    return x`${work.series.map((s, i) => x`${i > 0 ? '; ' : ''}Part ${s.position} of <a href="${seriesUrl(ctx, s.id)}">${s.title}</a>`)}`;
  }
  if (row.cls === 'language') return x`<span lang="${work.language}">${row.values[0]}</span>`;
  return x`${row.values.join(', ')}`;
}

/** The `<dl>` of rating, warnings, categories, fandoms, relationships, characters, tags, language, series, stats. */
export function metaList(work: Work, ctx: ExportContext): Markup {
  const rows = metaRows(work).map((r) => x`<dt class="${r.cls}">${r.label}:</dt>
<dd class="${r.cls}">${values(work, r, ctx)}</dd>
`);
  return x`<dl class="work-meta" lang="en">
${rows}</dl>`;
}

/** A labelled block of author HTML (summary, notes), or nothing when it is empty. */
export function authorBlock(field: string, heading: string, level: 2 | 3, body: string, convert: Convert): Markup {
  if (!body) return x``;
  const h = level === 2 ? x`<h2 class="heading">${heading}</h2>` : x`<h3 class="heading">${heading}</h3>`;
  return x`<section class="${field}" data-quire="${field}">
${h}
<div class="userstuff">${trusted(convert(body))}</div>
</section>
`;
}

/** Title, creators, metadata, summary and notes: the title page of an EPUB, the top of an HTML file. */
export function preface(work: Work, ctx: ExportContext, convert: Convert): Markup {
  return x`<h1 class="work-title">${work.title}</h1>
<p class="byline">by ${creatorNames(work)}</p>
${metaList(work, ctx)}
${authorBlock('summary', 'Summary', 2, work.summary, convert)}${authorBlock('notes', 'Notes', 2, work.notes, convert)}<p class="source" lang="en">Posted on ${ctx.archiveName} at <a href="${workUrl(ctx, work.id)}">${workUrl(ctx, work.id)}</a>.</p>`;
}

/**
 * One chapter: heading (the title marked for the EPUB reader), summary, notes, text, end notes.
 * A one-chapter work's heading is its chapter title, or the work's title.
 */
export function chapterBody(work: WorkWithChapters, c: Chapter, convert: Convert, text: string, epub = false): Markup {
  const multi = work.chapters.length > 1;
  const title = c.title ? x`<span data-quire="title">${c.title}</span>` : '';
  const heading = multi ? x`Chapter ${c.position}${c.title ? ': ' : ''}${title}` : c.title ? title : x`${work.title}`;
  return x`<section${epub ? trusted(' epub:type="chapter"') : ''} class="chapter" id="chapter-${c.position}" data-quire="chapter" data-published="${c.publishedOn}">
<h2 class="chapter-heading">${heading}</h2>
${authorBlock('summary', 'Chapter Summary', 3, c.summary, convert)}${authorBlock('notes', 'Chapter Notes', 3, c.notes, convert)}<div class="userstuff chapter-text" data-quire="text">${trusted(text)}</div>
${authorBlock('endNotes', 'Chapter End Notes', 3, c.endNotes, convert)}</section>`;
}

/** The work's end notes, after the last chapter. */
export function afterword(work: Work, convert: Convert, epub = false): Markup {
  return x`<section${epub ? trusted(' epub:type="afterword"') : ''} class="afterword" data-quire="afterword">
${authorBlock('endNotes', 'End Notes', 2, work.endNotes, convert)}</section>`;
}
