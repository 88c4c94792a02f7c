import { DEFAULT_ORDER, SEARCH_LIMITS, SORT_KEYS, type SearchQuery, type SortKey } from '../../search/query.ts';
import type { SearchResult } from '../../search/search.service.ts';
import { foldName, type TagType } from '../../tags/tag.types.ts';
import { LANGUAGES, languageName } from '../../works/language.ts';
import { html, type SafeHtml } from '../html.ts';
import { facetGroups, type FacetGroup } from './search-facets.ts';
import type { ListingState } from './search-urls.ts';

/** What the sort select calls each sort. */
export const SORT_LABELS: Record<SortKey, string> = {
  relevance: 'Best match', title: 'Title', creator: 'Creator', posted: 'Date posted', updated: 'Date updated',
  words: 'Word count', hits: 'Hits', kudos: 'Kudos', comments: 'Comments', bookmarks: 'Bookmarks',
};

export interface SidebarInput {
  state: ListingState;
  facets: SearchResult['facets'];
  /** Tag names the page itself filters by (a tag page's tag): not offered as boxes. */
  implicit?: readonly string[];
  /** Types of included or excluded tag names the facets do not list (folded name → type). */
  known?: ReadonlyMap<string, TagType>;
  /** The text box lives elsewhere on the page (the search page's own box, tied to this form by `form=`). */
  textBoxElsewhere?: boolean;
  /**
   * The sort to show selected instead of the query's: the search page shows "Best match" until
   * a sort is chosen, so that words typed later are ordered by relevance (without words the
   * engine orders best match by date updated anyway).
   */
  sortShown?: SortKey;
}

/** The id of the filter form, for controls outside it (`<input form="…">`). */
export const FILTER_FORM_ID = 'search-filters';

function checkboxes(group: FacetGroup, side: 'include' | 'exclude'): SafeHtml | string {
  const options = side === 'include' ? group.include : group.exclude;
  if (options.length === 0) return '';
  const name = side === 'include' ? group.param : group.excludeParam;
  const idBase = `${side}-${group.type}`;
  return html`<fieldset class="facet facet-${group.type}">
<legend>${group.label}</legend>
<ul>${options.map((o, i) => html`<li><input type="checkbox" id="${idBase}-${i}" name="${name}" value="${o.value}"${o.checked ? html` checked` : ''}> <label for="${idBase}-${i}">${o.label}${o.count === null ? '' : html` <span class="count">(${o.count})</span>`}</label></li>`)}</ul>
</fieldset>`;
}

function radios(name: string, legend: string, current: string, options: readonly [string, string][]): SafeHtml {
  return html`<fieldset class="filter-choice">
<legend>${legend}</legend>
<ul>${options.map(([value, label]) => html`<li><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${value === current ? html` checked` : ''}> <label for="${name}-${value}">${label}</label></li>`)}</ul>
</fieldset>`;
}

function range(legend: string, from: [string, string | number | undefined], to: [string, string | number | undefined], type: 'number' | 'date'): SafeHtml {
  const attrs = type === 'number' ? html` min="0" step="1" inputmode="numeric"` : '';
  return html`<fieldset class="filter-range">
<legend>${legend}</legend>
<label for="${from[0]}">From</label> <input type="${type}" id="${from[0]}" name="${from[0]}" value="${from[1] ?? ''}"${attrs}>
<label for="${to[0]}">To</label> <input type="${type}" id="${to[0]}" name="${to[0]}" value="${to[1] ?? ''}"${attrs}>
</fieldset>`;
}

function languageSelect(query: SearchQuery): SafeHtml {
  const codes = [...Object.keys(LANGUAGES), ...query.languages.filter((l) => !(l in LANGUAGES))];
  const several = query.languages.length > 1;
  return html`<p class="filter-field"><label for="language">Language</label>
<select id="language" name="language"${several ? html` multiple size="4"` : ''}>
${several ? '' : html`<option value=""${query.languages.length === 0 ? html` selected` : ''}>Any language</option>`}
${codes.map((c) => html`<option value="${c}" lang="${c}"${query.languages.includes(c) ? html` selected` : ''}>${languageName(c)}</option>`)}
</select></p>`;
}

function sortControls(query: SearchQuery, shown: SortKey): SafeHtml {
  const order = query.order === DEFAULT_ORDER[query.sort] ? '' : query.order;
  return html`<fieldset class="filter-sort">
<legend>Sort</legend>
<p class="filter-field"><label for="sort">Sort by</label>
<select id="sort" name="sort">${SORT_KEYS.map((k) => html`<option value="${k}"${k === shown ? html` selected` : ''}>${SORT_LABELS[k]}</option>`)}</select></p>
<p class="filter-field"><label for="order">Order</label>
<select id="order" name="order">
<option value=""${order === '' ? html` selected` : ''}>Usual for the sort</option>
<option value="desc"${order === 'desc' ? html` selected` : ''}>Descending (Z–A, newest, most)</option>
<option value="asc"${order === 'asc' ? html` selected` : ''}>Ascending (A–Z, oldest, fewest)</option>
</select></p>
</fieldset>`;
}

/**
 * AO3's filter sidebar as one GET form that works without JavaScript: sort and order; include
 * and exclude boxes with counts for every tag type (top `facetLimit` of each, from the facets of
 * the whole result); other tags to include or exclude (comma-separated, the same `include` and
 * `exclude` parameters); crossovers; completion; word count; dates; language; search within
 * results. Submitting it starts again at page 1; "Clear filters" goes back to the bare listing.
 */
export function filterSidebar(input: SidebarInput): SafeHtml {
  const { state } = input;
  const query = state.query;
  const groups = facetGroups(query, input.facets, input.implicit ?? [], input.known ?? new Map());
  const implicit = new Set((input.implicit ?? []).map(foldName));
  const otherInclude = groups.otherInclude.filter((n) => !implicit.has(foldName(n)));
  const hidden = [
    state.showHidden ? html`<input type="hidden" name="show_hidden" value="1">` : '',
    query.perPage !== state.perPageDefault ? html`<input type="hidden" name="per_page" value="${query.perPage}">` : '',
    query.facetLimit !== SEARCH_LIMITS.defaultFacets ? html`<input type="hidden" name="facets" value="${query.facetLimit}">` : '',
  ];
  return html`<aside class="filters" id="filters" aria-labelledby="filters-heading">
<h2 id="filters-heading">Sort and filter</h2>
<form id="${FILTER_FORM_ID}" class="filter-form" action="${state.base}" method="get">
${hidden}
${sortControls(query, input.sortShown ?? query.sort)}
<p class="filter-actions"><button type="submit" class="button button-primary">Sort and Filter</button></p>
<fieldset class="filter-side filter-include">
<legend>Include</legend>
${groups.list.map((g) => checkboxes(g, 'include'))}
<p class="filter-field"><label for="other-include">Other tags to include</label>
<input type="text" id="other-include" name="include" value="${otherInclude.join(', ')}" aria-describedby="tags-hint"></p>
</fieldset>
<fieldset class="filter-side filter-exclude">
<legend>Exclude</legend>
${groups.list.map((g) => checkboxes(g, 'exclude'))}
<p class="filter-field"><label for="other-exclude">Other tags to exclude</label>
<input type="text" id="other-exclude" name="exclude" value="${groups.otherExclude.join(', ')}" aria-describedby="tags-hint"></p>
</fieldset>
<p class="hint" id="tags-hint">Separate tags with commas.</p>
<fieldset class="filter-side filter-more">
<legend>More options</legend>
${radios('crossover', 'Crossovers', query.crossover, [['include', 'Include crossovers'], ['exclude', 'Exclude crossovers'], ['only', 'Only crossovers']])}
${radios('complete', 'Completion status', query.complete, [['all', 'All works'], ['complete', 'Complete works only'], ['wip', 'Works in progress only']])}
${range('Word count', ['words_min', query.wordsMin], ['words_max', query.wordsMax], 'number')}
${range('Date posted', ['posted_from', query.postedFrom], ['posted_to', query.postedTo], 'date')}
${range('Date updated', ['updated_from', query.updatedFrom], ['updated_to', query.updatedTo], 'date')}
${languageSelect(query)}
${input.textBoxElsewhere ? '' : html`<p class="filter-field"><label for="within">Search within results</label>
<input type="search" id="within" name="q" value="${query.q}"></p>`}
</fieldset>
<p class="filter-actions"><button type="submit" class="button button-primary">Sort and Filter</button> <a class="clear-filters" href="${state.base}">Clear filters</a></p>
</form>
</aside>`;
}
