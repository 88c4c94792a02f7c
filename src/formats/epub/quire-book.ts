import type { Document, Element } from 'domhandler';
import { findOne, textContent } from 'domutils';
import { parseCategory, parseRating, parseWarning, type Category, type Warning } from '../../tags/tag.types.ts';
import { parseLanguage } from '../../works/language.ts';
import type { ChapterInput } from '../../works/work.types.ts';
import type { ParsedWork, WorkMeta } from '../types.ts';
import { fileText, parseXhtml, type Book } from './epub.book.ts';
import type { OpfMeta } from './opf.meta.ts';
import { restoreHtml } from './restore.ts';

/**
 * Reads back an EPUB that Quire wrote: typed tags from the `quire:tag-type` refinements, and
 * summary, notes, chapters and end notes from the pages marked with `data-quire`, their HTML
 * restored to what was stored. Status and restriction are the importing archive's choice and
 * are not carried.
 */

const find = (root: Element | Document, test: (e: Element) => boolean) => findOne(test, root.children);
const marked = (root: Element | Document, role: string) => find(root, (e) => e.attribs['data-quire'] === role);

/** The restored HTML of an author block (`data-quire="summary"` …), or undefined when absent. */
function block(root: Element | Document, field: string): string | undefined {
  const section = marked(root, field);
  if (!section) return undefined;
  const body = find(section, (e) => (e.attribs.class ?? '').split(/\s+/).includes('userstuff'));
  return body ? restoreHtml(body.children) : undefined;
}

function typedTags(meta: OpfMeta, prefix: string): Partial<WorkMeta> {
  const of = (type: string) => meta.subjects.filter((s) => s.refines.get(`${prefix}:tag-type`) === type).map((s) => s.value);
  const out: Partial<WorkMeta> = {
    fandoms: of('fandom'),
    relationships: of('relationship'),
    characters: of('character'),
    tags: of('additional'),
    warnings: of('warning').map(parseWarning).filter((w): w is Warning => w !== undefined),
    categories: of('category').map(parseCategory).filter((c): c is Category => c !== undefined),
  };
  const rating = parseRating(of('rating')[0] ?? '');
  if (rating) out.rating = rating;
  return out;
}

/** Reads a Quire-made book; undefined when its pages are not marked (then it reads as any EPUB). */
export function readQuireBook(book: Book, meta: OpfMeta, prefix: string): ParsedWork | undefined {
  const pages: { role: string; doc: Document }[] = [];
  for (const item of book.spine) {
    const text = fileText(book, item.path);
    if (text === undefined) continue;
    const doc = parseXhtml(text);
    const body = find(doc, (e) => e.name === 'body');
    pages.push({ role: body?.attribs['data-quire-page'] ?? '', doc });
  }
  const chapters: ChapterInput[] = [];
  for (const page of pages.filter((p) => p.role === 'chapter')) {
    const section = marked(page.doc, 'chapter');
    const text = section && marked(section, 'text');
    if (!section || !text) return undefined;
    const title = marked(section, 'title');
    const chapter: ChapterInput = { html: restoreHtml(text.children), title: title ? textContent(title) : '' };
    const published = section.attribs['data-published'];
    if (published) chapter.publishedOn = published;
    for (const field of ['summary', 'notes', 'endNotes'] as const) {
      const html = block(section, field);
      if (html !== undefined) chapter[field] = html;
    }
    chapters.push(chapter);
  }
  if (chapters.length === 0) return undefined;

  const m: WorkMeta = { ...typedTags(meta, prefix) };
  const title = meta.titles[0]?.value;
  if (title) m.title = title;
  m.creators = meta.creators.map((c) => c.value);
  const language = parseLanguage(meta.languages[0] ?? '');
  if (language) m.language = language;
  const published = meta.dates[0]?.value.slice(0, 10);
  if (published) m.publishedOn = published;
  const updated = meta.properties.get(`${prefix}:updated`);
  if (updated) m.updatedOn = updated;
  const complete = meta.properties.get(`${prefix}:complete`);
  if (complete) m.complete = complete === 'true';
  const expected = Number(meta.properties.get(`${prefix}:expected-chapters`));
  m.expectedChapters = Number.isInteger(expected) && expected >= 1 ? expected : null;
  if (meta.series.length > 0) m.series = meta.series;
  const titlePage = pages.find((p) => p.role === 'title')?.doc;
  const afterword = pages.find((p) => p.role === 'afterword')?.doc;
  const summary = titlePage && block(titlePage, 'summary');
  const notes = titlePage && block(titlePage, 'notes');
  const endNotes = afterword && block(afterword, 'endNotes');
  if (summary) m.summary = summary;
  if (notes) m.notes = notes;
  if (endNotes) m.endNotes = endNotes;
  return { meta: m, chapters, warnings: [] };
}
