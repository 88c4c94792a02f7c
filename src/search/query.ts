import { CATEGORIES, RATINGS, WARNINGS, type Category, type Rating, type Warning } from '../tags/tag.types.ts';
import { parseText } from './text/parse-text.ts';

/**
 * A search, normalized and validated: what `parseSearchParams` returns and `SearchService.search`
 * takes. Tag names stay names here; the planner turns them into filter tag ids.
 */
export const SORT_KEYS = ['relevance', 'title', 'creator', 'posted', 'updated', 'words', 'hits', 'kudos', 'comments', 'bookmarks'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Title and creator read A→Z; everything else biggest or newest first. */
export const DEFAULT_ORDER: Record<SortKey, SortDirection> = {
  relevance: 'desc', title: 'asc', creator: 'asc', posted: 'desc', updated: 'desc',
  words: 'desc', hits: 'desc', kudos: 'desc', comments: 'desc', bookmarks: 'desc',
};

export const CROSSOVER_MODES = ['include', 'exclude', 'only'] as const;
export const COMPLETION = ['all', 'complete', 'wip'] as const;

export const SEARCH_LIMITS = {
  /** Works per page: asking for more gives this many. */
  perPage: 100,
  defaultPerPage: 20,
  /** Tags per include or exclude list. */
  tags: 100,
  /** Facet entries per tag type. */
  facets: 50,
  defaultFacets: 10,
} as const;

export interface SearchQuery {
  /** The reader's text query (see text/parse-text.ts); '' for none. */
  q: string;
  /** Tag names that must all match (through synonyms and metatags). */
  include: string[];
  /** Tag names of which none may match. */
  exclude: string[];
  /** Any of these ratings (a work has one). */
  ratings: Rating[];
  excludeRatings: Rating[];
  /** All of these warnings. */
  warnings: Warning[];
  excludeWarnings: Warning[];
  /** All of these categories. */
  categories: Category[];
  excludeCategories: Category[];
  crossover: (typeof CROSSOVER_MODES)[number];
  complete: (typeof COMPLETION)[number];
  wordsMin?: number;
  wordsMax?: number;
  /** Inclusive `YYYY-MM-DD` bounds. */
  postedFrom?: string;
  postedTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  /** Any of these language codes. */
  languages: string[];
  /** Works by any of these pen names (ids): a creator's page. Not a URL parameter. */
  pseudIds?: number[];
  /** Works in any of these series (ids): a series page. Not a URL parameter. */
  seriesIds?: number[];
  sort: SortKey;
  order: SortDirection;
  /** 1-based. */
  page: number;
  perPage: number;
  /** Facet entries per tag type. */
  facetLimit: number;
}

/** True when `q` has something to search for (a malformed query counts as text: it will be refused). */
export function hasText(q: string): boolean {
  try {
    return parseText(q) !== null;
  } catch {
    return q.trim() !== '';
  }
}

/** The sort used when none is given: best match for a text search, else newest update. */
export function defaultSort(hasText: boolean): SortKey {
  return hasText ? 'relevance' : 'updated';
}

/**
 * A complete query from a few fields, for code that builds searches (tests, the web's links).
 * Values are taken as given; untrusted input goes through `parseSearchParams` instead.
 *
 * @example searchQuery({ include: ['Angst'], sort: 'kudos' }).order === 'desc'
 */
export function searchQuery(fields: Partial<SearchQuery> = {}): SearchQuery {
  const sort = fields.sort ?? defaultSort(hasText(fields.q ?? ''));
  return {
    q: '', include: [], exclude: [], ratings: [], excludeRatings: [], warnings: [], excludeWarnings: [],
    categories: [], excludeCategories: [], crossover: 'include', complete: 'all', languages: [],
    page: 1, perPage: SEARCH_LIMITS.defaultPerPage, facetLimit: SEARCH_LIMITS.defaultFacets,
    ...fields,
    sort,
    order: fields.order ?? DEFAULT_ORDER[sort],
  };
}

/** Short names used in URLs and flags (`rating=explicit`); full names are accepted too. */
export const RATING_SLUGS: Record<string, Rating> = {
  'not-rated': RATINGS[0], general: RATINGS[1], teen: RATINGS[2], mature: RATINGS[3], explicit: RATINGS[4],
};
export const WARNING_SLUGS: Record<string, Warning> = {
  'choose-not-to-warn': WARNINGS[0], 'no-warnings': WARNINGS[1], violence: WARNINGS[2],
  'major-character-death': WARNINGS[3], 'rape-non-con': WARNINGS[4], underage: WARNINGS[5],
};
export const CATEGORY_SLUGS: Record<string, Category> = {
  gen: CATEGORIES[0], 'f-m': CATEGORIES[1], 'm-m': CATEGORIES[2], 'f-f': CATEGORIES[3], multi: CATEGORIES[4], other: CATEGORIES[5],
};

/** The slug of a rating, warning or category name (`slugOf(RATING_SLUGS, 'Explicit') === 'explicit'`). */
export function slugOf<T extends string>(slugs: Record<string, T>, name: T): string {
  return Object.keys(slugs).find((k) => slugs[k] === name) ?? name;
}
