import { isTag, type ChildNode, type Document, type Element } from 'domhandler';
import { removeElement, textContent } from 'domutils';
import { QuireError } from '../../errors.ts';
import { foldName } from '../../tags/tag.types.ts';
import { assembleChapters, mergeNotes, type BlockOps, type Section } from '../chapters.ts';
import { decodeText } from '../decode.ts';
import { matchMarker } from '../notes.ts';
import { escapeHtml } from '../text/paragraphs.ts';
import type { FormatReader, ParsedWork, WorkMeta } from '../types.ts';
import { isAo3Download, parseAo3 } from './ao3.ts';
import { all, contentChildren, dropNonText, dropTextPrefix, first, parseHtmlDocument, serialize, textOf } from './dom.ts';

/** Wrappers that may hold chapter headings; they are opened up so their children become blocks. */
const WRAPPERS = new Set(['html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'center']);

const ops: BlockOps<ChildNode> = {
  text: (n) => textContent(n),
  render: (ns) => serialize(ns),
  renderNotes: (ns) => {
    const head = ns[0];
    if (head) dropTextPrefix(head, matchMarker(textContent(head))?.length ?? 0);
    return ns.map((n) => (isTag(n) ? serialize(n) : `<p>${escapeHtml(textContent(n).trim())}</p>`)).join('');
  },
};

/**
 * Reads an HTML work. AO3's own downloads are recognised and read with their metadata (ao3.ts).
 * Otherwise: title from `<title>`, else a single `<h1>`; creator and summary from
 * `<meta name="author">` / `<meta name="description">`; chapters at `<h2>`, or at `<h1>` when
 * there are several; notes by label as in plain text (whole blocks only). The service sanitizes.
 */
export function parseHtml(text: string, fileName: string): ParsedWork {
  const doc = parseHtmlDocument(text);
  dropNonText(doc);
  if (isAo3Download(doc)) return parseAo3(doc, fileName);
  const meta: WorkMeta = {};
  const metaTag = (name: string) => first(doc, (e) => e.name === 'meta' && (e.attribs.name ?? '').toLowerCase() === name)?.attribs.content?.trim();
  const author = metaTag('author');
  if (author) meta.creators = [author];
  const description = metaTag('description');
  if (description) meta.summary = `<p>${escapeHtml(description)}</p>`;
  const titleEl = first(doc, (e) => e.name === 'title');
  const docTitle = titleEl ? textOf(titleEl) : '';
  const head = first(doc, (e) => e.name === 'head');
  if (head) removeElement(head);
  const body = first(doc, (e) => e.name === 'body') ?? doc;
  const h1s = all(body, (e) => e.name === 'h1');
  const level = h1s.length >= 2 ? 'h1' : 'h2';
  const lone = h1s.length === 1 ? h1s[0]! : undefined;
  if (docTitle) meta.title = docTitle;
  else if (lone && textOf(lone)) meta.title = textOf(lone);
  if (lone && meta.title && foldName(textOf(lone)) === foldName(meta.title)) removeElement(lone);

  const sections: Section<ChildNode>[] = [{ blocks: [] }];
  for (const node of blocksOf(body, level)) {
    if (isTag(node) && node.name === level) sections.push({ heading: textOf(node), blocks: [] });
    else sections[sections.length - 1]!.blocks.push(node);
  }
  const assembled = assembleChapters(sections, ops);
  if (assembled.chapters.length === 0) throw new QuireError('import_failed', `${fileName}: there is no story text`);
  mergeNotes(meta, assembled);
  return { meta, chapters: assembled.chapters, warnings: [] };
}

/** The body as a flat list of blocks: a lone wrapper, or wrappers holding a chapter heading, are opened up. */
function blocksOf(root: Element | Document, level: string): ChildNode[] {
  const out: ChildNode[] = [];
  const children = contentChildren(root);
  for (const child of children) {
    const open = isTag(child) && WRAPPERS.has(child.name) && (children.length === 1 || all(child, (e) => e.name === level).length > 0);
    if (open) out.push(...blocksOf(child, level));
    else out.push(child);
  }
  return out;
}

/** `.html` and `.htm` files, AO3 downloads included. */
export const htmlReader: FormatReader = {
  name: 'html',
  extensions: ['.html', '.htm'],
  read: (bytes, ctx) => parseHtml(decodeText(bytes, ctx.fileName).text, ctx.fileName),
};
