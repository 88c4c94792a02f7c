import type { WorkWithChapters } from '../../works/work.types.ts';
import { htmlToText } from '../sanitize.ts';
import type { ExportContext } from './export.types.ts';
import { x } from './markup.ts';
import { afterword, chapterBody, chapterLabel, creatorNames, preface } from './preface.ts';

/**
 * The single-file HTML download: one standalone document (CSS inside, nothing to fetch) with
 * the same metadata block as the EPUB's title page, a table of contents, every chapter with its
 * notes, and the end notes. Chapter HTML is the stored (sanitized) HTML, unchanged.
 */

const CSS = `body { max-width: 42em; margin: 2em auto; padding: 0 1em; font-family: Georgia, 'DejaVu Serif', serif; line-height: 1.5; color: #222; background: #fff; }
h1.work-title { text-align: center; } p.byline { text-align: center; font-style: italic; }
dl.work-meta { border: 1px solid #bbb; padding: 0.5em 1em; font-size: 0.9em; display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
dl.work-meta dt { font-weight: bold; } dl.work-meta dd { margin: 0; }
p.source { font-size: 0.85em; text-align: center; }
nav.toc { border-top: 1px solid #ddd; border-bottom: 1px solid #ddd; margin: 1.5em 0; }
section.chapter { border-top: 1px solid #ddd; margin-top: 2em; }
.chapter-heading { text-align: center; }
section.summary, section.notes, section.endNotes { margin: 1em 0; }
@media (prefers-color-scheme: dark) { body { color: #ddd; background: #181818; } a { color: #9cf; } }
`;

/** The work as one HTML file (UTF-8 bytes). */
export function writeHtml(work: WorkWithChapters, ctx: ExportContext): Buffer {
  const same = (html: string) => html;
  const multi = work.chapters.length > 1;
  const toc = multi
    ? x`<nav class="toc" aria-label="Chapters">
<h2>Contents</h2>
<ol>
${work.chapters.map((c) => x`<li><a href="#chapter-${c.position}">${chapterLabel(c)}</a></li>\n`)}</ol>
</nav>
`
    : '';
  const description = htmlToText(work.summary).replace(/\s+/g, ' ').trim();
  const doc = x`<!DOCTYPE html>
<html lang="${work.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${work.title}</title>
<meta name="author" content="${creatorNames(work)}">
${description ? x`<meta name="description" content="${description}">\n` : ''}<meta name="generator" content="Quire">
<style>
${CSS}</style>
</head>
<body>
<header class="preface">
${preface(work, ctx, same)}
</header>
${toc}<main>
${work.chapters.map((c) => x`${chapterBody(work, c, same, c.html)}\n`)}</main>
${work.endNotes ? x`${afterword(work, same)}\n` : ''}</body>
</html>
`;
  return Buffer.from(doc.value, 'utf8');
}
