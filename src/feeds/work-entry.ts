import { htmlToText } from '../formats/sanitize.ts';
import { languageName } from '../works/language.ts';
import type { Work } from '../works/work.types.ts';
import { dayTime, type AtomCategory, type AtomEntry, type AtomPerson } from './atom.ts';
import { abs, idFor, paths, type FeedContext } from './links.ts';
import { xmlEscape } from './xml.ts';

/**
 * A work as an Atom entry, the same for the Atom feeds and the OPDS catalog: its id is the
 * EPUB's identifier, its summary the work's summary followed by AO3's metadata lines (creators,
 * words, chapters, language, then every kind of tag), its categories every tag.
 */

/** Escapes for HTML text and double-quoted attributes (the feed's HTML is escaped again as XML). */
const h = xmlEscape;

function tagLinks(ctx: FeedContext, names: readonly string[]): string {
  return names.map((n) => `<a href="${h(abs(ctx, paths.tag(n)))}">${h(n)}</a>`).join(', ');
}

/** "Words: 1,234, Chapters: 2/?" as AO3 writes it. */
export function chaptersLabel(work: Pick<Work, 'chapterCount' | 'complete' | 'expectedChapters'>): string {
  return `${work.chapterCount}/${work.complete ? work.chapterCount : (work.expectedChapters ?? '?')}`;
}

/** The creators as Atom authors; "Anonymous" when a work has none (Atom requires one). */
export function authorsOf(ctx: FeedContext, work: Pick<Work, 'creators'>): AtomPerson[] {
  if (work.creators.length === 0) return [{ name: 'Anonymous' }];
  return work.creators.map((c) => ({ name: c.name, uri: abs(ctx, paths.creator(c.name)) }));
}

/** Every tag of the work, fandoms first, in AO3's order. */
export function categoriesOf(ctx: FeedContext, work: Work): AtomCategory[] {
  const names = [...work.fandoms, work.rating, ...work.warnings, ...work.categories, ...work.relationships, ...work.characters, ...work.tags];
  return [...new Set(names)].map((term) => ({ term, label: term, scheme: abs(ctx, '/tags/') }));
}

/** The entry's HTML: byline, summary, then the metadata lines. */
export function workSummaryHtml(ctx: FeedContext, work: Work): string {
  const by = work.creators.length === 0 ? 'Anonymous' : work.creators.map((c) => `<a href="${h(abs(ctx, paths.creator(c.name)))}">${h(c.name)}</a>`).join(', ');
  const stats = `Words: ${work.words.toLocaleString('en')}, Chapters: ${chaptersLabel(work)}, Language: ${h(languageName(work.language))}`;
  const rows: [string, readonly string[]][] = [
    ['Fandoms', work.fandoms],
    ['Rating', [work.rating]],
    ['Warnings', work.warnings],
    ['Categories', work.categories],
    ['Relationships', work.relationships],
    ['Characters', work.characters],
    ['Additional Tags', work.tags],
  ];
  const series = work.series.map((s) => `<li>Series: Part ${s.position} of <a href="${h(abs(ctx, paths.series(s.id)))}">${h(s.title)}</a></li>`);
  const list = rows.filter(([, names]) => names.length > 0).map(([label, names]) => `<li>${label}: ${tagLinks(ctx, names)}</li>`);
  return [`<p>by ${by}</p>`, work.summary, `<p>${stats}</p>`, `<ul>${[...list, ...series].join('')}</ul>`].join('\n');
}

/** The plain-text summary (OPDS readers show `summary` as text). */
export function workSummaryText(work: Work): string {
  return htmlToText(work.summary).replace(/\s+/g, ' ').trim();
}

/**
 * The Atom entry of a work: permanent id, title, dates, authors, a link to its page, the
 * summary with metadata (escaped HTML), and a category per tag.
 */
export function workEntry(ctx: FeedContext, work: Work): AtomEntry {
  return {
    id: idFor(ctx, paths.work(work.id)),
    title: work.title,
    updated: dayTime(work.updatedOn),
    published: dayTime(work.publishedOn),
    authors: authorsOf(ctx, work),
    links: [{ rel: 'alternate', type: 'text/html', href: abs(ctx, paths.work(work.id)) }],
    summary: { type: 'html', value: workSummaryHtml(ctx, work) },
    categories: categoriesOf(ctx, work),
  };
}
