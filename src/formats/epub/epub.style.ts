/** The stylesheet of Quire's EPUBs: plain, with classes for what obsolete HTML used to show. */
export const EPUB_CSS = `body { margin: 0 5%; line-height: 1.45; font-family: serif; }
h1, h2, h3 { line-height: 1.2; page-break-after: avoid; }
h1.work-title { text-align: center; margin-top: 2em; }
p.byline { text-align: center; font-style: italic; }
dl.work-meta { font-size: 0.9em; border: 1px solid #999; padding: 0.5em 0.8em; }
dl.work-meta dt { font-weight: bold; margin-top: 0.3em; }
dl.work-meta dd { margin-left: 1.5em; }
p.source { font-size: 0.85em; text-align: center; }
section.summary, section.notes, section.endNotes { margin: 1em 0; }
section.chapter { page-break-before: always; }
.chapter-heading { text-align: center; }
.userstuff p { margin: 0 0 0.8em 0; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { height: 97%; max-width: 100%; }
.center, .h-center, .align-center { text-align: center; }
.align-left { text-align: left; }
.align-right { text-align: right; }
.align-justify { text-align: justify; }
.big { font-size: larger; }
.tt { font-family: monospace; }
.h-p, .h-div, .h-center, .h-blockquote, .h-li, .h-h1, .h-h2, .h-h3, .h-h4, .h-h5, .h-h6, .h-pre, .h-hr, .h-ul, .h-ol, .h-table, .h-tr { display: block; }
.h-hr { border-top: 1px solid #999; margin: 0.5em 0; }
.image { font-style: italic; }
nav ol { list-style: none; padding-left: 1em; }
`;
