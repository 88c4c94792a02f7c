import type { WorkWithChapters } from '../../works/work.types.ts';
import type { ExportContext } from '../export/export.types.ts';
import { trusted, x, type Markup } from '../export/markup.ts';
import { afterword, chapterBody, creatorNames, preface } from '../export/preface.ts';
import { toXhtml } from './xhtml.ts';

/**
 * The content documents of a Quire EPUB: cover, title page, one page per chapter, afterword.
 * `data-quire-page` on `<body>` names each page's role for the EPUB reader.
 */

/** An XHTML content document with the stylesheet. */
export function xhtmlPage(title: string, lang: string, role: string, body: Markup, bodyClass = ''): string {
  return x`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>${title}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body data-quire-page="${role}"${bodyClass ? trusted(` class="${bodyClass}"`) : ''}>
${body}
</body>
</html>
`.value;
}

/** A converter for one page: ids stay unique across the page's blocks. */
function converter(reserved: string[]): (html: string) => string {
  const usedIds = new Set(reserved);
  return (html) => toXhtml(html, { usedIds });
}

export function coverPage(work: WorkWithChapters): string {
  const alt = `Cover: ${work.title} by ${creatorNames(work)}`;
  return xhtmlPage('Cover', work.language, 'cover', x`<section epub:type="cover"><img src="cover.svg" alt="${alt}"/></section>`, 'cover');
}

export function titlePage(work: WorkWithChapters, ctx: ExportContext): string {
  return xhtmlPage(work.title, work.language, 'title', x`<section epub:type="titlepage" class="titlepage">
${preface(work, ctx, converter([]))}
</section>`);
}

export function chapterPage(work: WorkWithChapters, position: number): string {
  const c = work.chapters[position - 1]!;
  const convert = converter([`chapter-${position}`]);
  const label = work.chapters.length > 1 ? `Chapter ${c.position}${c.title ? `: ${c.title}` : ''}` : c.title || work.title;
  return xhtmlPage(label, work.language, 'chapter', chapterBody(work, c, convert, convert(c.html), true));
}

export function afterwordPage(work: WorkWithChapters): string {
  return xhtmlPage('End Notes', work.language, 'afterword', afterword(work, converter([]), true));
}
