import path from 'node:path/posix';
import { isTag, type Document, type Element } from 'domhandler';
import { findAll, findOne, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { QuireError } from '../../errors.ts';
import { readZip } from './unzip.ts';

/**
 * An EPUB opened for reading: its files, the package document, manifest, spine and the labels
 * its table of contents gives each content document. EPUB 2 (NCX) and EPUB 3 (nav) alike.
 */

export interface ManifestEntry {
  id: string;
  /** Path inside the ZIP. */
  path: string;
  mediaType: string;
  properties: string[];
}

export interface SpineEntry extends ManifestEntry {
  linear: boolean;
}

export interface Book {
  files: Map<string, Buffer>;
  /** Path of the package document inside the ZIP. */
  opfPath: string;
  opf: Document;
  /** Attributes of `<package>`. */
  packageAttributes: Record<string, string>;
  /** Children of `<metadata>` (any nesting, EPUB 2's `dc-metadata` too). */
  metadata: Element[];
  manifest: Map<string, ManifestEntry>;
  spine: SpineEntry[];
  /** Table-of-contents label of each content document path (first entry wins). */
  tocLabels: Map<string, string>;
}

/** Local part of a (possibly prefixed) name, lower case: `dc:Title` → `title`. */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

/** Parses an XML file of the book (OPF, NCX). */
export function parseXml(text: string): Document {
  return parseDocument(text, { xmlMode: true, decodeEntities: true });
}

/** Parses an (X)HTML content document leniently, with self-closing tags and HTML entities understood. */
export function parseXhtml(text: string): Document {
  return parseDocument(text, { xmlMode: false, recognizeSelfClosing: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

function bad(why: string): QuireError {
  return new QuireError('import_failed', `not a valid EPUB: ${why}`);
}

function byLocal(root: Document | Element, name: string): Element[] {
  return findAll((e) => localName(e.name) === name, root.children);
}

/** A path inside the ZIP for `href` relative to the file `from`, without fragment; undefined when outside. */
export function resolveHref(from: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split('#')[0]!);
  } catch {
    decoded = href.split('#')[0]!;
  }
  if (!decoded) return from;
  const joined = path.normalize(path.join(path.dirname(from), decoded));
  return joined.startsWith('../') ? undefined : joined.replace(/^\.\//, '');
}

/** The text of a file in the book as UTF-8 (a BOM removed), or undefined when it is missing. */
export function fileText(book: Pick<Book, 'files'>, name: string): string | undefined {
  const data = book.files.get(name);
  return data?.toString('utf8').replace(/^\uFEFF/, '');
}

function tocLabels(book: Omit<Book, 'tocLabels'>): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (from: string, href: string | undefined, label: string) => {
    const target = href === undefined ? undefined : resolveHref(from, href);
    const clean = label.replace(/\s+/g, ' ').trim();
    if (target && clean && !labels.has(target)) labels.set(target, clean);
  };
  const nav = [...book.manifest.values()].find((m) => m.properties.includes('nav'));
  const navText = nav && fileText(book, nav.path);
  if (nav && navText) {
    const doc = parseXhtml(navText);
    const toc = findOne((e) => e.name === 'nav' && /\btoc\b/.test(e.attribs['epub:type'] ?? ''), doc.children) ?? findOne((e) => e.name === 'nav', doc.children);
    for (const a of toc ? findAll((e) => e.name === 'a', toc.children) : []) add(nav.path, a.attribs.href, textContent(a));
  }
  const spineEl = byLocal(book.opf, 'spine')[0];
  const ncxId = spineEl?.attribs.toc;
  const ncx = (ncxId && book.manifest.get(ncxId)) || [...book.manifest.values()].find((m) => m.mediaType === 'application/x-dtbncx+xml');
  const ncxText = ncx && fileText(book, ncx.path);
  if (ncx && ncxText) {
    const doc = parseXml(ncxText);
    for (const point of byLocal(doc, 'navpoint')) {
      const label = findOne((e) => localName(e.name) === 'text', point.children.filter(isTag).filter((c) => localName(c.name) === 'navlabel'));
      const content = point.children.filter(isTag).find((c) => localName(c.name) === 'content');
      add(ncx.path, content?.attribs.src, label ? textContent(label) : '');
    }
  }
  return labels;
}

/**
 * Opens an EPUB's bytes.
 *
 * @example const book = openBook(bytes); book.spine.map((s) => s.path)
 */
export function openBook(bytes: Uint8Array): Book {
  const files = readZip(bytes);
  const container = fileText({ files }, 'META-INF/container.xml');
  if (container === undefined) throw bad('META-INF/container.xml is missing');
  const rootfile = byLocal(parseXml(container), 'rootfile').find((r) => (r.attribs['media-type'] ?? 'application/oebps-package+xml') === 'application/oebps-package+xml');
  const opfPath = rootfile?.attribs['full-path'];
  const opfText = opfPath ? fileText({ files }, opfPath) : undefined;
  if (!opfPath || opfText === undefined) throw bad(opfPath ? `the package document ${opfPath} is missing` : 'container.xml names no package document');
  const opf = parseXml(opfText);
  const pkg = byLocal(opf, 'package')[0];
  if (!pkg) throw bad(`${opfPath} has no <package> element`);
  const metadataEl = byLocal(pkg, 'metadata')[0];
  const metadata = metadataEl ? findAll(() => true, metadataEl.children) : [];
  const manifest = new Map<string, ManifestEntry>();
  for (const item of byLocal(pkg, 'item')) {
    const { id, href } = item.attribs;
    const target = href === undefined ? undefined : resolveHref(opfPath, href);
    if (!id || !target) continue;
    manifest.set(id, { id, path: target, mediaType: (item.attribs['media-type'] ?? '').toLowerCase(), properties: (item.attribs.properties ?? '').split(/\s+/).filter(Boolean) });
  }
  const spine: SpineEntry[] = [];
  for (const ref of byLocal(pkg, 'itemref')) {
    const entry = manifest.get(ref.attribs.idref ?? '');
    if (entry) spine.push({ ...entry, linear: ref.attribs.linear !== 'no' });
  }
  if (spine.length === 0) throw bad(`${opfPath} has an empty spine (no reading order)`);
  const book = { files, opfPath, opf, packageAttributes: pkg.attribs, metadata, manifest, spine };
  return { ...book, tocLabels: tocLabels(book) };
}
