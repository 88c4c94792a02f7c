import { isTag, type Document, type Element } from 'domhandler';
import { findAll, findOne, removeElement } from 'domutils';
import { foldName, CATEGORIES, RATINGS, WARNINGS, type Category, type Rating, type Warning } from '../../tags/tag.types.ts';
import { parseLanguage } from '../../works/language.ts';
import { LIMITS } from '../../works/limits.ts';
import type { ChapterInput } from '../../works/work.types.ts';
import { dropNonText, serialize, textOf } from '../html/dom.ts';
import { sanitize } from '../sanitize.ts';
import { escapeHtml } from '../text/paragraphs.ts';
import type { ParsedWork, WorkMeta } from '../types.ts';
import { fileText, localName, parseXhtml, resolveHref, type Book } from './epub.book.ts';
import type { OpfMeta } from './opf.meta.ts';

/**
 * Reads any EPUB (2 or 3, from calibre, Sigil, FanFicFare, AO3…): Dublin Core metadata, and one
 * chapter per text page of the reading order, titled from the table of contents (or the page's
 * first heading). Pages without text (covers, image pages) and the navigation page are skipped.
 * Images and links that point inside the book cannot work on the archive: images become their
 * alt text, links lose their target.
 */

const HEADING = /^h[1-6]$/;
const exact = <T extends string>(list: readonly T[], name: string) => list.find((v) => foldName(v) === foldName(name));

/** Subjects as tags; exact rating, warning and category names (AO3's EPUBs list them) go to their fields. */
function subjectTags(values: readonly string[], m: WorkMeta, warnings: string[]): void {
  const tags: string[] = [];
  const ws: Warning[] = [];
  const cs: Category[] = [];
  let rating: Rating | undefined;
  for (const name of values.flatMap((v) => v.split(',')).map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    const r = exact(RATINGS, name);
    const w = exact(WARNINGS, name);
    const c = exact(CATEGORIES, name);
    if (r) rating ??= r;
    else if (w) ws.push(w);
    else if (c) cs.push(c);
    else if (name.length > 150) warnings.push(`subject "${name.slice(0, 30)}…" is longer than 150 characters and was left out`);
    else tags.push(name);
  }
  if (rating) m.rating = rating;
  if (ws.length > 0) m.warnings = ws;
  if (cs.length > 0) m.categories = cs;
  if (tags.length > 0) m.tags = tags.slice(0, LIMITS.freeTagsMax - 1);
  if (tags.length >= LIMITS.freeTagsMax) warnings.push(`${tags.length} subjects; only the first ${LIMITS.freeTagsMax - 1} were kept as tags`);
}

/** The description as summary HTML: as is when it is HTML, else paragraphs; cut to text when too long. */
function summaryOf(description: string, warnings: string[]): string {
  const isHtml = /<\/?(p|br|div|em|strong|i|b)\b/i.test(description);
  const html = isHtml ? description : description.split(/\n\s*\n|\r\n\s*\r\n/).map((p) => `<p>${escapeHtml(p.replace(/\s+/g, ' ').trim())}</p>`).join('');
  if (sanitize(html).length <= LIMITS.summaryMax) return html;
  warnings.push(`the description is longer than the summary limit (${LIMITS.summaryMax} characters) and was shortened`);
  const text = isHtml ? textOf(parseXhtml(description)) : description.replace(/\s+/g, ' ').trim();
  return `<p>${escapeHtml(text.slice(0, LIMITS.summaryMax - 100).replace(/\s+\S*$/, ''))}…</p>`;
}

/** A `YYYY-MM-DD` publication date that is not in the future. */
function publicationDay(meta: OpfMeta): string | undefined {
  const event = (d: OpfMeta['dates'][number]) => d.refines.get('event') ?? '';
  const pick = meta.dates.find((d) => /publication/.test(event(d))) ?? meta.dates.find((d) => !/modification/.test(event(d)));
  const day = pick?.value.slice(0, 10);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) return undefined;
  return day <= new Date().toISOString().slice(0, 10) ? day : undefined;
}

/** The work's metadata from the package document. */
export function genericMeta(meta: OpfMeta, warnings: string[]): WorkMeta {
  const m: WorkMeta = {};
  const title = meta.titles.find((t) => t.refines.get('title-type') === 'main') ?? meta.titles[0];
  if (title) m.title = title.value;
  const authors = meta.creators.filter((c) => (c.refines.get('role') ?? 'aut') === 'aut');
  const creators = (authors.length > 0 ? authors : meta.creators).map((c) => c.value).filter((c) => c.length <= LIMITS.creatorNameMax);
  if (creators.length > 0) m.creators = creators;
  const language = parseLanguage(meta.languages[0] ?? '');
  if (language) m.language = language;
  const description = meta.descriptions[0];
  if (description) m.summary = summaryOf(description, warnings);
  subjectTags(meta.subjects.map((s) => s.value), m, warnings);
  const published = publicationDay(meta);
  if (published) m.publishedOn = published;
  if (meta.series.length > 0) m.series = meta.series;
  return m;
}

/** Images and links that only work inside the book are made harmless. */
function detach(body: Element | Document, path: string): void {
  for (const img of findAll((e) => e.name === 'img' || e.name === 'image', body.children)) {
    const src = img.attribs.src ?? '';
    if (/^https?:\/\//i.test(src)) continue;
    const alt = (img.attribs.alt ?? '').trim();
    if (alt) {
      img.name = 'span';
      img.attribs = {};
      img.children = [{ type: 'text', data: `[${alt}]` } as never];
    } else removeElement(img);
  }
  for (const a of findAll((e) => e.name === 'a' && e.attribs.href !== undefined, body.children)) {
    if (resolveHref(path, a.attribs.href!) !== undefined || a.attribs.href!.startsWith('#')) delete a.attribs.href;
  }
}

/** The chapters: one per spine page with text. */
export function genericChapters(book: Book, warnings: string[]): ChapterInput[] {
  const skip = new Set<string>();
  for (const ref of findAll((e) => localName(e.name) === 'reference', book.opf.children)) {
    const target = ref.attribs.href && resolveHref(book.opfPath, ref.attribs.href);
    if (target && /^(toc|cover)$/i.test(ref.attribs.type ?? '')) skip.add(target);
  }
  const chapters: ChapterInput[] = [];
  let skipped = 0;
  for (const item of book.spine) {
    if (!item.linear || item.properties.includes('nav') || skip.has(item.path) || !/html/.test(item.mediaType)) continue;
    const text = fileText(book, item.path);
    if (text === undefined) continue;
    const doc = parseXhtml(text);
    dropNonText(doc);
    const body = findOne((e) => e.name === 'body', doc.children) ?? doc;
    detach(body, item.path);
    if (textOf(body).length < LIMITS.chapterMin) {
      skipped++;
      continue;
    }
    const label = book.tocLabels.get(item.path);
    // A heading that opens the page (no text before it) is the chapter's title.
    const found = findOne((e) => isTag(e) && HEADING.test(e.name), body.children);
    const heading = found && textOf(body).startsWith(textOf(found)) ? found : undefined;
    let title = label;
    if (heading && (!label || foldName(textOf(heading)) === foldName(label))) {
      title = textOf(heading);
      removeElement(heading);
    }
    chapters.push({ title: (title ?? '').slice(0, LIMITS.chapterTitleMax), html: serialize(body.children) });
  }
  if (skipped > 0) warnings.push(`${skipped} ${skipped === 1 ? 'page' : 'pages'} without text (cover, images) skipped`);
  return chapters;
}

/** Reads an EPUB that was not made by Quire. */
export function readGenericBook(book: Book, meta: OpfMeta): ParsedWork {
  const warnings: string[] = [];
  const m = genericMeta(meta, warnings);
  return { meta: m, chapters: genericChapters(book, warnings), warnings };
}
