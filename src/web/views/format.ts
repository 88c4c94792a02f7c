import { html, type SafeHtml } from '../html.ts';
import type { Creator, Work } from '../../works/work.types.ts';

/** Small formatting helpers shared by the views. Hrefs are built here only, so URLs stay lasting. */

/** `/tags/Harry%20Potter`: a tag name, URL-encoded (slashes too: `A%2FB`). */
export function tagHref(name: string): string {
  return `/tags/${encodeURIComponent(name)}`;
}

export function creatorHref(name: string): string {
  return `/creators/${encodeURIComponent(name)}`;
}

export function workHref(id: number): string {
  return `/works/${id}`;
}

export function chapterHref(workId: number, position: number): string {
  return `/works/${workId}/chapters/${position}`;
}

export function seriesHref(id: number): string {
  return `/series/${id}`;
}

const numbers = new Intl.NumberFormat('en');

/** 12345 → "12,345". */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** AO3's chapter count: "2/5", "2/?" for a work in progress without an expected count, "3/3" when complete. */
export function chaptersLabel(work: Pick<Work, 'chapterCount' | 'complete' | 'expectedChapters'>): string {
  const of = work.complete ? work.chapterCount : work.expectedChapters ?? '?';
  return `${work.chapterCount}/${of}`;
}

/** A `YYYY-MM-DD` day as a `<time>` element. */
export function day(date: string): SafeHtml {
  return html`<time datetime="${date}">${date}</time>`;
}

/** Links to each tag, joined by commas inside a list the CSS lays out inline. */
export function tagLinks(names: readonly string[], cls = 'tag'): SafeHtml {
  return html`${names.map((n) => html`<li><a class="${cls}" href="${tagHref(n)}">${n}</a></li>`)}`;
}

/** "a, b and c" as links to each creator's page; "Anonymous" when there is none. */
export function creatorLinks(creators: readonly Creator[]): SafeHtml {
  if (creators.length === 0) return html`Anonymous`;
  const links = creators.map((c) => html`<a rel="author" href="${creatorHref(c.name)}">${c.name}</a>`);
  const parts = links.map((l, i) => html`${i === 0 ? '' : i === links.length - 1 ? ' and ' : ', '}${l}`);
  return html`${parts}`;
}
