import { CATEGORY_SLUGS, RATING_SLUGS, WARNING_SLUGS, slugOf, type SearchQuery } from '../../search/query.ts';
import type { FacetTag, SearchResult } from '../../search/search.service.ts';
import { foldName, type TagType } from '../../tags/tag.types.ts';

/** One checkbox of the sidebar: its label, the value it sends, the count in its label, whether it is checked. */
export interface FacetOption {
  label: string;
  value: string;
  /** Works of the current result carrying the tag; null when the facets do not say (a checked box beyond them). */
  count: number | null;
  checked: boolean;
}

/** The include and exclude boxes of one tag type, and the parameters they send. */
export interface FacetGroup {
  type: TagType;
  label: string;
  param: string;
  excludeParam: string;
  include: FacetOption[];
  exclude: FacetOption[];
}

/** AO3's order of the sidebar's groups. */
const GROUPS: readonly [TagType, string][] = [
  ['rating', 'Ratings'], ['warning', 'Warnings'], ['category', 'Categories'], ['fandom', 'Fandoms'],
  ['character', 'Characters'], ['relationship', 'Relationships'], ['additional', 'Additional tags'],
];

/** Ratings, warnings and categories have their own parameters, with slugs as values. */
function fixedSide(type: TagType, query: SearchQuery): { param: string; excludeParam: string; slug: (name: string) => string; included: readonly string[]; excluded: readonly string[] } | null {
  switch (type) {
    case 'rating':
      return { param: 'rating', excludeParam: 'exclude_rating', slug: (n) => slugOf(RATING_SLUGS, n as never), included: query.ratings, excluded: query.excludeRatings };
    case 'warning':
      return { param: 'warning', excludeParam: 'exclude_warning', slug: (n) => slugOf(WARNING_SLUGS, n as never), included: query.warnings, excluded: query.excludeWarnings };
    case 'category':
      return { param: 'category', excludeParam: 'exclude_category', slug: (n) => slugOf(CATEGORY_SLUGS, n as never), included: query.categories, excluded: query.excludeCategories };
    default:
      return null;
  }
}

/**
 * The sidebar's boxes from the facets: for each tag type its top tags (as the engine counted
 * them over the whole result) as include and exclude boxes, checked when the query names them.
 * Checked names the facets do not list still get a box in their group when their type is known
 * (`known`, looked up by the route); the rest go back into the "other tags" text fields, so
 * submitting the form unchanged gives the same search. `implicit` tags (a tag page's own) get no box.
 */
export function facetGroups(
  query: SearchQuery,
  facets: SearchResult['facets'],
  implicit: readonly string[],
  known: ReadonlyMap<string, TagType>,
): { list: FacetGroup[]; otherInclude: string[]; otherExclude: string[] } {
  const skip = new Set(implicit.map(foldName));
  const placed = new Set<string>();
  const placedOut = new Set<string>();
  const includeSet = new Set(query.include.map(foldName));
  const excludeSet = new Set(query.exclude.map(foldName));
  const list = GROUPS.map(([type, label]): FacetGroup => {
    const fixed = fixedSide(type, query);
    const inc = fixed ? new Set(fixed.included.map(foldName)) : includeSet;
    const exc = fixed ? new Set(fixed.excluded.map(foldName)) : excludeSet;
    const value = (name: string) => (fixed ? fixed.slug(name) : name);
    const entries: FacetTag[] = (facets[type] ?? []).filter((f) => f.name !== '' && !skip.has(foldName(f.name)));
    const include: FacetOption[] = entries.map((f) => ({ label: f.name, value: value(f.name), count: f.count, checked: inc.has(foldName(f.name)) }));
    const exclude: FacetOption[] = entries
      .filter((f) => !inc.has(foldName(f.name)))
      .map((f) => ({ label: f.name, value: value(f.name), count: f.count, checked: exc.has(foldName(f.name)) }));
    for (const e of entries) {
      if (!fixed && includeSet.has(foldName(e.name))) placed.add(foldName(e.name));
      if (!fixed && excludeSet.has(foldName(e.name))) placedOut.add(foldName(e.name));
    }
    const shown = new Set(entries.map((e) => foldName(e.name)));
    const extraIn = fixed ? fixed.included : query.include.filter((n) => known.get(foldName(n)) === type);
    const extraOut = fixed ? fixed.excluded : query.exclude.filter((n) => known.get(foldName(n)) === type);
    for (const n of extraIn) {
      const key = foldName(n);
      if (shown.has(key) || skip.has(key)) continue;
      shown.add(key);
      if (!fixed) placed.add(key);
      include.push({ label: n, value: value(n), count: null, checked: true });
    }
    const shownOut = new Set(exclude.map((o) => foldName(o.label)));
    for (const n of extraOut) {
      const key = foldName(n);
      if (shownOut.has(key)) continue;
      shownOut.add(key);
      if (!fixed) placedOut.add(key);
      exclude.push({ label: n, value: value(n), count: null, checked: true });
    }
    return { type, label, param: fixed?.param ?? 'include', excludeParam: fixed?.excludeParam ?? 'exclude', include, exclude };
  });
  return {
    list,
    otherInclude: query.include.filter((n) => !placed.has(foldName(n))),
    otherExclude: query.exclude.filter((n) => !placedOut.has(foldName(n))),
  };
}
