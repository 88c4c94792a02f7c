import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { parseCategory, parseRating, parseWarning, type Category, type Warning } from '../../tags/tag.types.ts';
import { parseLanguage } from '../../works/language.ts';
import type { ChapterInput, SeriesInput } from '../../works/work.types.ts';
import { QuireError } from '../../errors.ts';
import { splitList } from '../fields.ts';
import { chapterTitle } from '../title.ts';
import type { ParsedWork, WorkMeta } from '../types.ts';
import { all, byId, first, hasClass, innerHtml, serialize, textOf } from './dom.ts';

/**
 * AO3's own HTML download: `#preface` with a `dl.tags` metadata list, `<h1>` title, `.byline`,
 * Summary / Notes blocks; `#chapters` with `h2.heading` per chapter, chapter summary and notes,
 * `div.userstuff` bodies; `#afterword` with the end notes. Read tolerantly: any part may be missing.
 */
export function isAo3Download(doc: Document): boolean {
  const preface = byId(doc, 'preface');
  return preface !== null && (first(preface, (e) => e.name === 'dl' && hasClass(e, 'tags')) !== null || byId(doc, 'chapters') !== null);
}

type Field = 'summary' | 'notes' | 'endNotes';

/** A label paragraph ("Chapter Notes") names what the next blockquote holds. */
function labelOf(el: Element): Field | 'skip' | undefined {
  if (!['p', 'h3', 'h4', 'b', 'strong', 'dt'].includes(el.name)) return undefined;
  const t = textOf(el).toLowerCase().replace(/[:.]$/, '').trim();
  if (t === 'summary' || t === 'chapter summary') return 'summary';
  if (t === 'notes' || t === 'chapter notes' || t === "author's notes") return 'notes';
  if (t === 'end notes' || t === 'chapter end notes') return 'endNotes';
  if (/^\(?see the (end|beginning) of the (work|chapter) for/.test(t) || t === 'works inspired by this one' || t === 'chapter text') return 'skip';
  return undefined;
}

/** The labelled blocks inside a container: `{ summary: '<p>…</p>', notes: … }`. */
function labelled(root: Element): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  let pending: Field | undefined;
  const visit = (node: AnyNode): void => {
    if (!isTag(node)) return;
    const label = labelOf(node);
    if (label) {
      pending = label === 'skip' ? undefined : label;
      return;
    }
    if (pending && (node.name === 'blockquote' || hasClass(node, 'userstuff'))) {
      out[pending] = innerHtml(node).trim();
      pending = undefined;
      return;
    }
    for (const c of node.children) visit(c);
  };
  visit(root);
  return out;
}

/** Values of one `<dd>`: its links' texts, or its text split on commas. */
function values(dd: Element): string[] {
  const links = all(dd, (e) => e.name === 'a').map((a) => textOf(a)).filter(Boolean);
  return links.length > 0 ? links : splitList(textOf(dd));
}

/** `Part 2 of <a>Tidewater</a>, Part 1 of <a>Small Lights</a>` → two series with positions. */
function seriesOf(dd: Element): SeriesInput[] {
  const out: SeriesInput[] = [];
  let position: number | undefined;
  for (const c of dd.children) {
    if (isText(c)) {
      const m = /Part\s+(\d+)\s+of\s*$/i.exec(c.data);
      if (m) position = Number(m[1]);
    } else if (isTag(c) && c.name === 'a') {
      const title = textOf(c);
      if (title) out.push(position ? { title, position } : { title });
      position = undefined;
    }
  }
  if (out.length === 0) {
    for (const m of textOf(dd).matchAll(/Part\s+(\d+)\s+of\s+([^,]+)/gi)) out.push({ title: m[2]!.trim(), position: Number(m[1]) });
  }
  return out;
}

function readTags(preface: Element, meta: WorkMeta, warnings: string[]): { expected?: number | null; done?: number } {
  const dl = first(preface, (e) => e.name === 'dl' && hasClass(e, 'tags'));
  const stats: { expected?: number | null; done?: number } = {};
  if (!dl) return stats;
  let label = '';
  for (const el of dl.children) {
    if (!isTag(el)) continue;
    if (el.name === 'dt') {
      label = textOf(el).toLowerCase().replace(/:$/, '');
      if (label !== 'series') label = label.replace(/ies$/, 'y').replace(/s$/, '');
      continue;
    }
    if (el.name !== 'dd') continue;
    const fixed = <T>(parse: (s: string) => T | undefined, what: string): T[] =>
      values(el).flatMap((v) => {
        const p = parse(v);
        if (p === undefined) warnings.push(`ignored the ${what} "${v}", which Quire does not know`);
        return p === undefined ? [] : [p];
      });
    switch (label) {
      case 'rating': meta.rating = fixed(parseRating, 'rating')[0] ?? meta.rating; break;
      case 'archive warning': case 'warning': meta.warnings = fixed<Warning>(parseWarning, 'archive warning'); break;
      case 'category': meta.categories = fixed<Category>(parseCategory, 'category'); break;
      case 'fandom': meta.fandoms = values(el); break;
      case 'relationship': meta.relationships = values(el); break;
      case 'character': meta.characters = values(el); break;
      case 'additional tag': case 'freeform': meta.tags = values(el); break;
      case 'language': {
        const name = textOf(el);
        const code = parseLanguage(name) ?? parseLanguage(name.split(/[-\s]/)[0] ?? '');
        if (code) meta.language = code;
        else warnings.push(`ignored the language "${name}", which Quire does not know`);
        break;
      }
      case 'series': meta.series = seriesOf(el); break;
      case 'stat': Object.assign(stats, readStats(textOf(el), meta)); break;
    }
  }
  return stats;
}

function readStats(text: string, meta: WorkMeta): { expected?: number | null; done?: number } {
  const published = /Published:\s*(\d{4}-\d{2}-\d{2})/i.exec(text);
  if (published) meta.publishedOn = published[1]!;
  const updated = /(Updated|Completed):\s*(\d{4}-\d{2}-\d{2})/i.exec(text);
  if (updated) meta.updatedOn = updated[2]!;
  const chapters = /Chapters:\s*(\d+)\s*\/\s*(\d+|\?)/i.exec(text);
  if (!chapters) return {};
  return { done: Number(chapters[1]), expected: chapters[2] === '?' ? null : Number(chapters[2]) };
}

/** Chapters in `#chapters`: an `<h2>` starts one; labelled blocks and `div.userstuff` fill it. */
function readChapters(root: Element): ChapterInput[] {
  const chapters: (ChapterInput & { parts: string[] })[] = [];
  const current = () => chapters[chapters.length - 1] ?? (chapters.push({ html: '', parts: [] }), chapters[0]!);
  let pending: Field | undefined;
  const visit = (node: AnyNode, top: boolean): void => {
    if (!isTag(node)) {
      if (isText(node) && node.data.trim()) current().parts.push(serialize(node));
      return;
    }
    if (/^h[1-3]$/.test(node.name) && (hasClass(node, 'heading') || node.name === 'h2')) {
      chapters.push({ html: '', parts: [], title: chapterTitle(textOf(node)) });
      pending = undefined;
      return;
    }
    const label = labelOf(node);
    if (label) {
      pending = label === 'skip' ? undefined : label;
      return;
    }
    if (pending && node.name === 'blockquote') {
      current()[pending] = innerHtml(node).trim();
      pending = undefined;
      return;
    }
    if (node.name === 'div' && hasClass(node, 'userstuff') && !top) {
      current().parts.push(innerHtml(node));
      return;
    }
    if (node.name === 'div' || node.name === 'section') {
      for (const c of node.children) visit(c, false);
      return;
    }
    current().parts.push(serialize(node));
  };
  for (const c of root.children) visit(c, false);
  return chapters.map(({ parts, ...ch }) => ({ ...ch, html: parts.join('\n').trim() }));
}

/** Reads an AO3 download into a work, every metadata field mapped. */
export function parseAo3(doc: Document, fileName: string): ParsedWork {
  const warnings: string[] = [];
  const meta: WorkMeta = {};
  const preface = byId(doc, 'preface');
  const stats = preface ? readTags(preface, meta, warnings) : {};
  const h1 = (preface && first(preface, (e) => e.name === 'h1')) ?? first(doc, (e) => e.name === 'h1');
  if (h1 && textOf(h1)) meta.title = textOf(h1);
  const byline = preface && first(preface, (e) => hasClass(e, 'byline'));
  if (byline) {
    const authors = all(byline, (e) => e.name === 'a' && (e.attribs.rel ?? '').includes('author')).map((a) => textOf(a));
    const names = authors.length > 0 ? authors : splitList(textOf(byline).replace(/^by\s+/i, '').replace(/\s+and\s+/gi, ','));
    meta.creators = names.map((n) => n.replace(/\s*\([^)]*\)$/, '').trim()).filter(Boolean);
  }
  if (preface) Object.assign(meta, labelled(preface));
  const afterword = byId(doc, 'afterword');
  const end = afterword ? labelled(afterword) : {};
  if (end.endNotes ?? end.notes) meta.endNotes = end.endNotes ?? end.notes;
  const chaptersEl = byId(doc, 'chapters');
  const chapters = chaptersEl ? readChapters(chaptersEl).filter((c) => c.html || c.title || c.notes || c.summary) : [];
  if (chapters.length === 0) throw new QuireError('import_failed', `${fileName}: this AO3 download has no chapter text`);
  if (stats.expected !== undefined) {
    const total = stats.expected === null ? null : Math.max(stats.expected, chapters.length);
    meta.expectedChapters = total;
    meta.complete = total !== null && total === chapters.length;
    if (stats.done !== undefined && stats.done !== chapters.length) warnings.push(`the file says ${stats.done} chapters are posted but holds ${chapters.length}`);
  }
  if (/Completed:/i.test(textOf(preface ?? doc)) && meta.complete === undefined) meta.complete = true;
  return { meta, chapters, warnings };
}
