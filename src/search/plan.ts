import { foldName } from '../tags/tag.types.ts';
import { dayNumber } from './engine/keys.ts';
import type { SearchQuery, SortDirection, SortKey } from './query.ts';
import type { TextNode } from './text/ast.ts';
import { parseText } from './text/parse-text.ts';

/** An inclusive range of a numeric key (dates as yyyymmdd). */
export interface Range {
  lo: number;
  hi: number;
}

/** The filters, with tag names turned into filter tag ids. */
export interface FilterPlan {
  /** An included tag, warning or category does not exist: nothing can match. */
  impossible: boolean;
  /** Filter tags that must all be present (tags, warnings, categories). */
  include: number[];
  /** Groups of which at least one tag must be present (the ratings asked for). */
  anyOf: number[][];
  /** Filter tags of which none may be present. */
  exclude: number[];
  languages: string[];
  complete: SearchQuery['complete'];
  crossover: SearchQuery['crossover'];
  words: Range | null;
  posted: Range | null;
  updated: Range | null;
  /** Works by any of these pen names (none: no such filter). */
  pseuds?: number[];
  /** Works in any of these series (none: no such filter). */
  series?: number[];
}

export interface Plan {
  filters: FilterPlan;
  /** The text query, or null for filters only. */
  text: TextNode | null;
  /** What the page is ordered by (best match without text falls back to date updated). */
  sort: { key: SortKey; order: SortDirection };
  offset: number;
  limit: number;
  facetLimit: number;
}

/** Finds filter tags by name: folded name → the canonical tag's id (a synonym gives its canonical). */
export interface TagResolver {
  filterIds(names: readonly string[]): Promise<Map<string, number>>;
}

const MAX = 0xffffffff;

function range(lo: number | undefined, hi: number | undefined): Range | null {
  return lo === undefined && hi === undefined ? null : { lo: lo ?? 0, hi: hi ?? MAX };
}

function dayRange(from: string | undefined, to: string | undefined): Range | null {
  return range(from ? dayNumber(from) : undefined, to ? dayNumber(to) : undefined);
}

/**
 * Turns a validated query into a plan: tag names → filter tag ids (an unknown included tag makes
 * the result empty; an unknown excluded tag is ignored), the text → a TextNode tree (throws
 * `bad_request` when malformed), dates → day numbers, page → offset.
 */
export async function planSearch(query: SearchQuery, tags: TagResolver): Promise<Plan> {
  const text = parseText(query.q);
  const wanted = [...query.include, ...query.warnings, ...query.categories];
  const names = [...wanted, ...query.ratings, ...query.exclude, ...query.excludeRatings, ...query.excludeWarnings, ...query.excludeCategories];
  const ids = await tags.filterIds(names);
  const idOf = (name: string) => ids.get(foldName(name));
  const include = wanted.map(idOf);
  const ratings = query.ratings.map(idOf).filter((id): id is number => id !== undefined);
  const excluded = [...query.exclude, ...query.excludeRatings, ...query.excludeWarnings, ...query.excludeCategories].map(idOf);
  const sortKey = query.sort === 'relevance' && !text ? 'updated' : query.sort;
  return {
    filters: {
      impossible: include.includes(undefined) || (query.ratings.length > 0 && ratings.length === 0),
      include: [...new Set(include.filter((id): id is number => id !== undefined))],
      anyOf: query.ratings.length > 0 ? [ratings] : [],
      exclude: [...new Set(excluded.filter((id): id is number => id !== undefined))],
      languages: query.languages,
      complete: query.complete,
      crossover: query.crossover,
      words: range(query.wordsMin, query.wordsMax),
      posted: dayRange(query.postedFrom, query.postedTo),
      updated: dayRange(query.updatedFrom, query.updatedTo),
      ...(query.pseudIds?.length && { pseuds: [...new Set(query.pseudIds)] }),
      ...(query.seriesIds?.length && { series: [...new Set(query.seriesIds)] }),
    },
    text,
    sort: { key: sortKey, order: query.order },
    offset: (query.page - 1) * query.perPage,
    limit: query.perPage,
    facetLimit: query.facetLimit,
  };
}
