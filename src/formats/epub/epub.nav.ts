import type { WorkWithChapters } from '../../works/work.types.ts';
import { x } from '../export/markup.ts';
import { creatorNames } from '../export/preface.ts';
import { xhtmlPage } from './epub.pages.ts';

/** One entry of the table of contents. */
export interface TocEntry {
  label: string;
  href: string;
}

/** The EPUB 3 navigation document: table of contents and landmarks. */
export function navDocument(work: WorkWithChapters, toc: readonly TocEntry[], firstChapter: string): string {
  const items = toc.map((t) => x`<li><a href="${t.href}">${t.label}</a></li>
`);
  return xhtmlPage('Contents', work.language, 'nav', x`<nav epub:type="toc" id="toc">
<h1>Contents</h1>
<ol>
${items}</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>Landmarks</h2>
<ol>
<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
<li><a epub:type="titlepage" href="title.xhtml">Title Page</a></li>
<li><a epub:type="bodymatter" href="${firstChapter}">Beginning</a></li>
</ol>
</nav>`);
}

/** The EPUB 2 NCX, for older readers. `uid` must equal the package's unique identifier. */
export function ncxDocument(work: WorkWithChapters, toc: readonly TocEntry[], uid: string): string {
  const points = toc.map((t, i) => x`<navPoint id="nav-${i + 1}" playOrder="${i + 1}">
<navLabel><text>${t.label}</text></navLabel>
<content src="${t.href}"/>
</navPoint>
`);
  return x`<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${work.language}">
<head>
<meta name="dtb:uid" content="${uid}"/>
<meta name="dtb:depth" content="1"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${work.title}</text></docTitle>
<docAuthor><text>${creatorNames(work)}</text></docAuthor>
<navMap>
${points}</navMap>
</ncx>
`.value;
}
