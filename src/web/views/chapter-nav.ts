import { html, type SafeHtml } from '../html.ts';
import type { Chapter, WorkWithChapters } from '../../works/work.types.ts';
import { chapterHref, workHref } from './format.ts';

/** What a page of a multi-chapter work shows: one chapter, or the entire work. */
export type ChapterMode = { kind: 'chapter'; position: number } | { kind: 'full' };

/** "Chapter 2: The Long Way Round", or "Chapter 2" when untitled. */
export function chapterLabel(chapter: Pick<Chapter, 'position' | 'title'>): string {
  return chapter.title ? `Chapter ${chapter.position}: ${chapter.title}` : `Chapter ${chapter.position}`;
}

function indexHref(work: WorkWithChapters, chapter: Chapter, mode: ChapterMode): string {
  return mode.kind === 'full' ? `#chapter-${chapter.position}` : chapterHref(work.id, chapter.position);
}

/** The chapter index as a `<details>` list: opens without JavaScript, closed by default. */
export function chapterIndex(work: WorkWithChapters, mode: ChapterMode): SafeHtml {
  const items = work.chapters.map((c) => {
    const current = mode.kind === 'chapter' && mode.position === c.position;
    return html`<li><a href="${indexHref(work, c, mode)}"${current ? html` aria-current="page"` : ''}>${chapterLabel(c)}</a></li>`;
  });
  return html`<details class="chapter-index"><summary>Chapter index</summary><ol>${items}</ol></details>`;
}

/** Previous / Next chapter links around the current chapter (none in full view). */
function stepLinks(work: WorkWithChapters, mode: ChapterMode): SafeHtml {
  if (mode.kind === 'full') return html`<li><a href="${chapterHref(work.id, 1)}">Chapter by chapter</a></li>`;
  const n = mode.position;
  const prev = n > 1 ? html`<li><a rel="prev" href="${chapterHref(work.id, n - 1)}"><span aria-hidden="true">← </span>Previous chapter</a></li>` : '';
  const next = n < work.chapters.length ? html`<li><a rel="next" href="${chapterHref(work.id, n + 1)}">Next chapter<span aria-hidden="true"> →</span></a></li>` : '';
  return html`<li><a href="${workHref(work.id)}?view=full">Entire work</a></li>${prev}${next}`;
}

/**
 * Navigation for a multi-chapter work: Entire work, Previous / Next chapter, and (at the top)
 * the chapter index. `where` names the two copies apart for screen readers.
 */
export function chapterNav(work: WorkWithChapters, mode: ChapterMode, where: 'top' | 'bottom'): SafeHtml {
  if (work.chapters.length <= 1) return html``;
  const label = where === 'top' ? 'Chapters' : 'Chapters (end of page)';
  return html`<nav class="chapter-nav chapter-nav-${where}" aria-label="${label}">
<ul class="chapter-steps">${stepLinks(work, mode)}</ul>
${where === 'top' ? chapterIndex(work, mode) : ''}
</nav>`;
}
