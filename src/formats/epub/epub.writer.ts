import type { WorkWithChapters } from '../../works/work.types.ts';
import { workUrl, type ExportContext } from '../export/export.types.ts';
import { chapterLabel } from '../export/preface.ts';
import { coverSvg } from './cover.ts';
import { navDocument, ncxDocument, type TocEntry } from './epub.nav.ts';
import { packageDocument, type ManifestItem } from './epub.package.ts';
import { afterwordPage, chapterPage, coverPage, titlePage } from './epub.pages.ts';
import { EPUB_CSS } from './epub.style.ts';
import { uuidV5 } from './uuid.ts';
import { writeZip, type ZipEntry } from './zip.ts';

/**
 * Writes a work as an EPUB 3 book (with an EPUB 2 NCX for older readers) that passes epubcheck:
 * generated SVG cover, title page with all metadata, one page per chapter, end notes page.
 * The same work revision always gives the same bytes (fixed timestamps, stable identifier).
 */

const XHTML = 'application/xhtml+xml';

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/** `urn:uuid:…`, the same for a work on an archive forever (UUID v5 of the work's URL). */
export function epubIdentifier(ctx: ExportContext, workId: number): string {
  return `urn:uuid:${uuidV5(workUrl(ctx, workId))}`;
}

/** File name of chapter `n`'s page inside the EPUB. */
export function chapterFile(n: number): string {
  return `chapter-${String(n).padStart(4, '0')}.xhtml`;
}

/**
 * The EPUB file of a work.
 *
 * @example const bytes = writeEpub(await archive.works.read(OPERATOR, 1), { archiveName: 'Quire', baseUrl: 'https://example.org' })
 */
export function writeEpub(work: WorkWithChapters, ctx: ExportContext): Buffer {
  const uid = epubIdentifier(ctx, work.id);
  const files: ZipEntry[] = [];
  const items: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', mediaType: XHTML, properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    { id: 'cover-image', href: 'cover.svg', mediaType: 'image/svg+xml', properties: 'cover-image' },
    { id: 'cover', href: 'cover.xhtml', mediaType: XHTML, spine: true },
    { id: 'title', href: 'title.xhtml', mediaType: XHTML, spine: true },
  ];
  const add = (href: string, data: string) => files.push({ name: `OEBPS/${href}`, data });
  add('cover.svg', coverSvg(work, ctx.archiveName));
  add('cover.xhtml', coverPage(work));
  add('title.xhtml', titlePage(work, ctx));
  add('style.css', EPUB_CSS);

  const toc: TocEntry[] = [{ label: 'Title Page', href: 'title.xhtml' }];
  const multi = work.chapters.length > 1;
  for (const c of work.chapters) {
    const href = chapterFile(c.position);
    items.push({ id: `chapter-${c.position}`, href, mediaType: XHTML, spine: true });
    add(href, chapterPage(work, c.position));
    toc.push({ label: multi ? chapterLabel(c) : c.title || work.title, href });
  }
  if (work.endNotes) {
    items.push({ id: 'afterword', href: 'afterword.xhtml', mediaType: XHTML, spine: true });
    add('afterword.xhtml', afterwordPage(work));
    toc.push({ label: 'End Notes', href: 'afterword.xhtml' });
  }
  add('nav.xhtml', navDocument(work, toc, chapterFile(1)));
  add('toc.ncx', ncxDocument(work, toc, uid));
  add('content.opf', packageDocument(work, ctx, uid, items));

  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: CONTAINER },
    ...files.sort((a, b) => order(a.name) - order(b.name)),
  ], work.updatedOn);
}

/** Package document first after the container (some readers look there first), then the rest. */
function order(name: string): number {
  return name.endsWith('.opf') ? 0 : name.endsWith('.ncx') || name.endsWith('nav.xhtml') ? 1 : 2;
}
