import { html, raw, type SafeHtml } from '../html.ts';
import type { Chapter, WorkWithChapters } from '../../works/work.types.ts';
import { chapterLabel, chapterNav, type ChapterMode } from './chapter-nav.ts';
import { creatorLinks } from './format.ts';
import { offeredFormats } from '../../downloads/download.service.ts';
import type { DownloadFormat } from '../../downloads/formats.ts';
import { downloadMenu } from './downloads.ts';
import { ownerActions } from './post-owner.ts';
import { workMeta, type SeriesPlace } from './work-meta.ts';

/** A labelled block of author HTML (summary, notes), or nothing when empty. */
function block(cls: string, heading: string, level: 2 | 3, body: string): SafeHtml {
  if (!body) return html``;
  const h = level === 2 ? html`<h2 class="heading">${heading}</h2>` : html`<h3 class="heading">${heading}</h3>`;
  return html`<section class="module ${cls}">${h}<div class="userstuff">${raw(body)}</div></section>`;
}

/** The title block: title (the page's one `<h1>`), creators, summary, work notes. */
function preface(work: WorkWithChapters): SafeHtml {
  return html`<div class="preface" lang="${work.language}">
<h1 class="work-title">${work.title}</h1>
<p class="byline">by ${creatorLinks(work.creators)}</p>
${block('summary', 'Summary', 2, work.summary)}
${block('notes', 'Notes', 2, work.notes)}
</div>`;
}

/** One chapter: heading, its summary and notes, the text, its end notes. */
function chapter(work: WorkWithChapters, c: Chapter): SafeHtml {
  const multi = work.chapters.length > 1;
  const heading = multi ? chapterLabel(c) : c.title;
  return html`<article class="chapter" id="chapter-${c.position}" lang="${work.language}">
${heading ? html`<h2 class="chapter-title">${heading}</h2>` : ''}
${block('summary', 'Chapter Summary', 3, c.summary)}
${block('notes', 'Chapter Notes', 3, c.notes)}
<div class="userstuff chapter-text">${heading ? '' : html`<h2 class="visually-hidden">Work text</h2>`}${raw(c.html)}</div>
${block('end-notes', 'Chapter End Notes', 3, c.endNotes)}
</article>`;
}

export interface WorkPageView {
  work: WorkWithChapters;
  /** For a one-chapter work, always `full`. */
  mode: ChapterMode;
  series: readonly SeriesPlace[];
  /** Download formats to link; default: those this installation offers. */
  downloads?: readonly DownloadFormat[];
  /** True for the work's creators: Edit, Add chapter, Chapters and Delete links (views/post-owner.ts). */
  owner?: boolean;
}

/**
 * The reading page: metadata, preface, chapter navigation, the chapter(s) shown, and the work's
 * end notes after its last chapter.
 */
export function workPage(view: WorkPageView): SafeHtml {
  const { work, mode } = view;
  const shown = mode.kind === 'full' ? work.chapters : work.chapters.filter((c) => c.position === mode.position);
  const last = shown[shown.length - 1]?.position === work.chapters.length;
  return html`<div class="work">
${view.owner ? ownerActions(work) : ''}
${work.hidden ? html`<p class="notice hidden-banner" role="status"><strong>Hidden.</strong> An administrator hid this work: only administrators and its creators can see it.</p>` : ''}
<section class="work-header" aria-label="Work information">
${workMeta(work, view.series)}
</section>
${downloadMenu(work, view.downloads ?? offeredFormats())}
${preface(work)}
${chapterNav(work, mode, 'top')}
<div class="chapters">${shown.map((c) => chapter(work, c))}</div>
${last && work.endNotes ? html`<div class="afterword" lang="${work.language}">${block('end-notes', 'End Notes', 2, work.endNotes)}</div>` : ''}
${chapterNav(work, mode, 'bottom')}
</div>`;
}
