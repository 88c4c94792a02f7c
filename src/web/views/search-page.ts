import type { SortKey } from '../../search/query.ts';
import type { SearchResult } from '../../search/search.service.ts';
import type { TagType } from '../../tags/tag.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatNumber } from './format.ts';
import { resultPage, workListing } from './listing.ts';
import { FILTER_FORM_ID, filterSidebar } from './search-sidebar.ts';
import { listingHref, type ListingState } from './search-urls.ts';

/** A listing through the search engine: results, then the filter sidebar (beside them on wide screens). */
export interface FilteredListingView {
  heading: SafeHtml | string;
  /** A line or two under the heading (a tag's kind). */
  lead?: SafeHtml;
  state: ListingState;
  result: SearchResult;
  /** The reader has hiding rules or mutes (for "hide them again"). */
  hasRules: boolean;
  /** Tag names the page filters by itself (a tag page's tag). */
  implicit?: readonly string[];
  /** Types of checked tag names the facets do not list. */
  known?: ReadonlyMap<string, TagType>;
  /** The search page: the text box above the results. */
  searchBox?: boolean;
  /** The sort the sidebar shows selected, when not the query's (see SidebarInput.sortShown). */
  sortShown?: SortKey;
}

/** "3 works hidden by your filters — show them", or, when showing them, "… — hide them again". */
export function hiddenNotice(state: ListingState, result: Pick<SearchResult, 'hiddenByFilters'>, hasRules: boolean): SafeHtml | string {
  if (state.showHidden && hasRules) {
    return html`<p class="hidden-note">Showing works your filters would hide — <a href="${listingHref(state, {}, false)}">hide them again</a></p>`;
  }
  if (result.hiddenByFilters > 0) {
    const n = result.hiddenByFilters;
    return html`<p class="hidden-note">${formatNumber(n)} ${n === 1 ? 'work' : 'works'} hidden by your filters — <a href="${listingHref(state, {}, true)}">show them</a></p>`;
  }
  return '';
}

/** The search page's text box: part of the filter form (`form=`), so a new query keeps the filters. */
export function searchBox(q: string): SafeHtml {
  return html`<div class="search-box" role="search">
<label for="q">Search works</label>
<input type="search" id="q" name="q" value="${q}" form="${FILTER_FORM_ID}">
<button type="submit" class="button button-primary" form="${FILTER_FORM_ID}">Search</button>
</div>
<details class="search-help" id="search-help">
<summary>How to search</summary>
<ul>
<li>Words are found in titles, summaries, notes, tags, creators and the text of every chapter: <code>lantern harbour</code> finds works with both.</li>
<li><code>"blue lantern"</code> finds the phrase; <code>lant*</code> words starting with "lant".</li>
<li><code>-vampire</code> leaves out works with the word; <code>knight OR paladin</code> finds either.</li>
<li><code>title:</code>, <code>creator:</code>, <code>summary:</code>, <code>notes:</code> and <code>tag:</code> look in one place only: <code>title:sea</code>.</li>
</ul>
</details>`;
}

/**
 * The body of every engine listing: heading, the hidden-works notice, the count ("1 – 20 of
 * 1,234 works"), blurbs with highlighted snippets, pagination that keeps every parameter, and
 * the filter sidebar. A jump link leads to the sidebar on narrow screens, where it comes after
 * the results.
 */
export function filteredListing(view: FilteredListingView): SafeHtml {
  const { state, result } = view;
  const { page, snippets } = resultPage(result);
  const base = listingHref(state, { page: 1 });
  const results = result.total === 0
    ? html`<p class="listing-count">0 works</p><p class="empty">${result.hiddenByFilters > 0 ? 'No works match apart from those your filters hide.' : 'No works match. Try fewer filters or other words.'}</p>`
    : workListing(page, base, { snippets });
  return html`<div class="listing filtered-listing">
<h1>${view.heading}</h1>
${view.lead ?? ''}
${view.searchBox ? searchBox(state.query.q) : ''}
<p class="filters-jump"><a href="#filters">Sort and filter</a></p>
<div class="listing-columns">
<section class="listing-results" aria-label="Results">
${hiddenNotice(state, result, view.hasRules)}
${results}
</section>
${filterSidebar({ state, facets: result.facets, implicit: view.implicit ?? [], known: view.known ?? new Map(), textBoxElsewhere: view.searchBox ?? false, ...(view.sortShown && { sortShown: view.sortShown }) })}
</div>
</div>`;
}
