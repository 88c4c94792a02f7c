import { html, type SafeHtml } from '../html.ts';
import type { SearchResult } from '../../search/search.service.ts';
import type { Page } from '../../works/work.service.ts';
import type { Work } from '../../works/work.types.ts';
import { blurbList, type BlurbOptions, type BlurbSnippet } from './blurb.ts';
import { formatNumber } from './format.ts';

/** The URL of page `n` of a listing: `pageHref('/works', 2)` → "/works?page=2" (page 1 has no query). */
export function pageHref(base: string, n: number): string {
  if (n <= 1) return base;
  return `${base}${base.includes('?') ? '&' : '?'}page=${n}`;
}

/** Page numbers to show: first, last, and two either side of the current one, with gaps as 0. */
export function pageWindow(current: number, pages: number): number[] {
  const keep = new Set([1, pages]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= pages) keep.add(n);
  const sorted = [...keep].sort((a, b) => a - b);
  const out: number[] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && n - last > 1) out.push(0);
    out.push(n);
  }
  return out;
}

/**
 * Previous / numbers / Next links for any paged list. `base` is the listing's URL without `page`.
 * Renders nothing when there is one page.
 */
export function pagination(page: Pick<Page<unknown>, 'page' | 'pages'>, base: string): SafeHtml {
  if (page.pages <= 1) return html``;
  const prev = page.page > 1 ? html`<li><a rel="prev" href="${pageHref(base, page.page - 1)}">← Previous</a></li>` : '';
  const next = page.page < page.pages ? html`<li><a rel="next" href="${pageHref(base, page.page + 1)}">Next →</a></li>` : '';
  const numbers = pageWindow(page.page, page.pages).map((n) => {
    if (n === 0) return html`<li class="gap" aria-hidden="true">…</li>`;
    if (n === page.page) return html`<li><a href="${pageHref(base, n)}" aria-current="page">${n}</a></li>`;
    return html`<li><a href="${pageHref(base, n)}">${n}</a></li>`;
  });
  return html`<nav class="pagination" aria-label="Pages"><ul>${prev}${numbers}${next}</ul></nav>`;
}

/** "21 – 40 of 45 works", or "1 work". */
export function rangeLabel(page: Page<unknown>): string {
  const noun = page.total === 1 ? 'work' : 'works';
  if (page.total <= page.items.length) return `${formatNumber(page.total)} ${noun}`;
  const from = (page.page - 1) * page.pageSize + 1;
  const to = from + page.items.length - 1;
  return `${formatNumber(from)} – ${formatNumber(to)} of ${formatNumber(page.total)} ${noun}`;
}

/**
 * A paged listing of works: count, blurbs, pagination. Every listing page (works index, tag,
 * creator, later search results) renders through this, so a new backend only has to produce
 * a `Page<Work>`.
 */
export function workListing(page: Page<Work>, base: string, opts: BlurbOptions = {}): SafeHtml {
  return html`<p class="listing-count">${rangeLabel(page)}</p>
${blurbList(page.items, opts)}
${pagination(page, base)}`;
}

/**
 * A search engine result as a listing page, with the snippets of a text search keyed by work id
 * (pass them to `workListing` in the blurb options).
 */
export function resultPage(result: SearchResult): { page: Page<Work>; snippets: Map<number, BlurbSnippet> } {
  const snippets = new Map<number, BlurbSnippet>();
  for (const hit of result.items) if (hit.snippet) snippets.set(hit.work.id, hit.snippet);
  return {
    page: { items: result.items.map((h) => h.work), total: result.total, page: result.page, pageSize: result.pageSize, pages: result.pages },
    snippets,
  };
}
