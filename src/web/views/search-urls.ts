import { toSearchParams } from '../../search/params.ts';
import type { SearchQuery } from '../../search/query.ts';

/**
 * Where a filtered listing lives and what it shows, enough to link to any variant of it: the
 * next page, the same search with hidden works shown, a facet added. Every listing's links are
 * built here, so a search is always a plain, shareable URL (docs/search.md, "Search page").
 */
export interface ListingState {
  /** The listing's path without a query: `/search`, `/works`, `/tags/Angst`. */
  base: string;
  /** The reader's own parameters (a tag page's tag is implicit and not among them). */
  query: SearchQuery;
  /** Works per page when `per_page` is absent (the archive's `pageSize`). */
  perPageDefault: number;
  /** `show_hidden=1`: the reader asked to see what their filters hide. */
  showHidden: boolean;
}

/**
 * The query parameters of `state` with `change` applied: toSearchParams (defaults left out),
 * except that `per_page` is measured against the listing's own default, plus `show_hidden=1`.
 */
export function listingParams(state: ListingState, change: Partial<SearchQuery> = {}, showHidden = state.showHidden): URLSearchParams {
  const query = { ...state.query, ...change };
  const record = toSearchParams(query);
  delete record.per_page;
  if (query.perPage !== state.perPageDefault) record.per_page = String(query.perPage);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of typeof value === 'string' ? [value] : value) params.append(key, v);
  }
  if (showHidden) params.set('show_hidden', '1');
  return params;
}

/**
 * A link to the listing with `change` applied; page 1 unless `change` names a page.
 *
 * @example listingHref({ base: '/search', query, perPageDefault: 20, showHidden: false }, { sort: 'kudos' }) // "/search?q=sea&sort=kudos"
 */
export function listingHref(state: ListingState, change: Partial<SearchQuery> = {}, showHidden = state.showHidden): string {
  const qs = listingParams(state, { page: 1, ...change }, showHidden).toString();
  return qs === '' ? state.base : `${state.base}?${qs}`;
}

/**
 * The Atom feed of the listing's filters (docs/feeds.md): `/search/feed.atom` with the filter
 * parameters (feeds are ordered by date updated, so sort, order and paging are left out), with
 * `implicit` tags (a tag page's own) added to `include`.
 */
export function searchFeedHref(state: ListingState, implicit: readonly string[] = []): string {
  const params = listingParams(state, { page: 1, include: [...implicit, ...state.query.include] }, false);
  for (const k of ['sort', 'order', 'per_page', 'facets']) params.delete(k);
  const qs = params.toString();
  return qs === '' ? '/search/feed.atom' : `/search/feed.atom?${qs}`;
}

/** The parameters that filter (not sort, page or size): the search is "filtered" when any is set. */
export function hasFilters(query: SearchQuery): boolean {
  const record = toSearchParams(query);
  return Object.keys(record).some((k) => !['sort', 'order', 'page', 'per_page', 'facets'].includes(k));
}
