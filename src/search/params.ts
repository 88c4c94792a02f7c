import { z } from 'zod';
import { QuireError } from '../errors.ts';
import { parseCategory, parseRating, parseWarning } from '../tags/tag.types.ts';
import { parseLanguage } from '../works/language.ts';
import {
  CATEGORY_SLUGS, COMPLETION, CROSSOVER_MODES, DEFAULT_ORDER, RATING_SLUGS, SEARCH_LIMITS, SORT_KEYS, WARNING_SLUGS,
  defaultSort, hasText, slugOf, type SearchQuery,
} from './query.ts';
import { TEXT_LIMITS, parseText } from './text/parse-text.ts';

/**
 * Search parameters as they appear in a URL query string or on the command line, so every search
 * can be bookmarked: `?q=sea&include=Angst&rating=teen&sort=kudos&page=2`. One zod schema
 * validates them for the web and the CLI alike.
 *
 * | parameter | meaning |
 * |---|---|
 * | q | text query |
 * | include (also include[], tag) / exclude | tag names; repeat or separate with commas |
 * | rating / exclude_rating, warning / exclude_warning, category / exclude_category | slugs or names |
 * | crossover | include (default), exclude, only |
 * | complete | all (default), complete, wip |
 * | words_min, words_max | whole numbers |
 * | posted_from, posted_to, updated_from, updated_to | YYYY-MM-DD, inclusive |
 * | language | codes or names, any of |
 * | sort, order | see SORT_KEYS; asc or desc |
 * | page, per_page, facets | numbers (per_page is capped at 100, facets at 50) |
 */
export type ParamRecord = Record<string, string | readonly string[] | undefined>;

const ALIASES: Record<string, string> = { 'include[]': 'include', tag: 'include', 'tag[]': 'include', 'exclude[]': 'exclude' };
const LISTS = new Set(['include', 'exclude', 'rating', 'exclude_rating', 'warning', 'exclude_warning', 'category', 'exclude_category', 'language']);

function lookup<T>(what: string, parse: (s: string) => T | undefined) {
  return z.string().transform((v, ctx) => {
    const found = parse(v);
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${v.slice(0, 60)}" is not a ${what}` });
      return z.NEVER;
    }
    return found;
  });
}

const rating = lookup('rating', (s) => RATING_SLUGS[s.toLowerCase()] ?? parseRating(s));
const warning = lookup('warning', (s) => WARNING_SLUGS[s.toLowerCase()] ?? parseWarning(s));
const category = lookup('category', (s) => CATEGORY_SLUGS[s.toLowerCase()] ?? parseCategory(s));
const language = lookup('language', parseLanguage);
const tagName = z.string().max(150, { error: 'a tag name is at most 150 characters' });
const count = z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2024-05-31' }).refine((s) => !Number.isNaN(Date.parse(s)), { error: 'is not a real date' });
const completion = z.string().transform((s) => ({ true: 'complete', yes: 'complete', in_progress: 'wip', 'in-progress': 'wip', incomplete: 'wip', false: 'all' })[s.toLowerCase()] ?? s.toLowerCase()).pipe(z.enum(COMPLETION, { error: 'must be all, complete or wip' }));

const schema = z.object({
  q: z.string().max(TEXT_LIMITS.chars, { error: `is longer than ${TEXT_LIMITS.chars} characters` }).default(''),
  include: z.array(tagName).max(SEARCH_LIMITS.tags, { error: `at most ${SEARCH_LIMITS.tags} tags` }).default([]),
  exclude: z.array(tagName).max(SEARCH_LIMITS.tags, { error: `at most ${SEARCH_LIMITS.tags} tags` }).default([]),
  rating: z.array(rating).default([]),
  exclude_rating: z.array(rating).default([]),
  warning: z.array(warning).default([]),
  exclude_warning: z.array(warning).default([]),
  category: z.array(category).default([]),
  exclude_category: z.array(category).default([]),
  crossover: z.enum(CROSSOVER_MODES, { error: 'must be include, exclude or only' }).default('include'),
  complete: completion.default('all'),
  words_min: count.optional(),
  words_max: count.optional(),
  posted_from: day.optional(),
  posted_to: day.optional(),
  updated_from: day.optional(),
  updated_to: day.optional(),
  language: z.array(language).default([]),
  sort: z.enum(SORT_KEYS, { error: `must be one of ${SORT_KEYS.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
  page: z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).default(1),
  per_page: count.min(1, { error: 'must be at least 1' }).transform((n) => Math.min(n, SEARCH_LIMITS.perPage)).default(SEARCH_LIMITS.defaultPerPage),
  facets: count.transform((n) => Math.min(n, SEARCH_LIMITS.facets)).default(SEARCH_LIMITS.defaultFacets),
});

/** Flattens `include[]=a&include=b,c` into lists, drops empty values, keeps the last of repeated scalars. */
function normalize(record: ParamRecord): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, rawValue] of Object.entries(record)) {
    if (rawValue === undefined) continue;
    const key = ALIASES[rawKey] ?? rawKey;
    const values = (typeof rawValue === 'string' ? [rawValue] : [...rawValue]).filter((v) => typeof v === 'string');
    if (LISTS.has(key)) {
      const items = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
      out[key] = [...((out[key] as string[] | undefined) ?? []), ...items];
    } else {
      const last = values.map((v) => v.trim()).filter((v) => v !== '').pop();
      if (last !== undefined) out[key] = key === 'q' ? values[values.length - 1]! : last;
    }
  }
  return out;
}

function badRequest(issues: { field: string; message: string }[]): QuireError {
  return new QuireError('bad_request', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

/**
 * The web's query string (or the CLI's flags) → a validated SearchQuery. Throws `bad_request`
 * naming every bad parameter; unknown parameters are ignored.
 *
 * @example parseSearchParams({ q: 'sea', rating: ['teen', 'mature'] }).ratings // ['Teen And Up Audiences', 'Mature']
 */
export function parseSearchParams(record: ParamRecord): SearchQuery {
  const parsed = schema.safeParse(normalize(record));
  if (!parsed.success) {
    throw badRequest(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'query'), message: i.message })));
  }
  const p = parsed.data;
  const issues: { field: string; message: string }[] = [];
  const q = p.q.trim().replace(/\s+/g, ' ');
  const text = parseText(q);
  if (p.words_min !== undefined && p.words_max !== undefined && p.words_min > p.words_max) issues.push({ field: 'words_min', message: 'is more than words_max' });
  if (p.posted_from && p.posted_to && p.posted_from > p.posted_to) issues.push({ field: 'posted_from', message: 'is after posted_to' });
  if (p.updated_from && p.updated_to && p.updated_from > p.updated_to) issues.push({ field: 'updated_from', message: 'is after updated_to' });
  if (issues.length > 0) throw badRequest(issues);
  const sort = p.sort ?? defaultSort(text !== null);
  return {
    q,
    include: dedupe(p.include), exclude: dedupe(p.exclude),
    ratings: dedupe(p.rating), excludeRatings: dedupe(p.exclude_rating),
    warnings: dedupe(p.warning), excludeWarnings: dedupe(p.exclude_warning),
    categories: dedupe(p.category), excludeCategories: dedupe(p.exclude_category),
    crossover: p.crossover, complete: p.complete,
    ...(p.words_min !== undefined && { wordsMin: p.words_min }),
    ...(p.words_max !== undefined && { wordsMax: p.words_max }),
    ...(p.posted_from && { postedFrom: p.posted_from }),
    ...(p.posted_to && { postedTo: p.posted_to }),
    ...(p.updated_from && { updatedFrom: p.updated_from }),
    ...(p.updated_to && { updatedTo: p.updated_to }),
    languages: dedupe(p.language),
    sort, order: p.order ?? DEFAULT_ORDER[sort],
    page: p.page, perPage: p.per_page, facetLimit: p.facets,
  };
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/**
 * The inverse of `parseSearchParams`: the parameters of `query` with defaults left out, for links
 * and pagination. `parseSearchParams(toSearchParams(q))` equals `q`.
 */
export function toSearchParams(query: SearchQuery): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const list = (key: string, values: readonly string[]) => { if (values.length > 0) out[key] = [...values]; };
  if (query.q !== '') out.q = query.q;
  list('include', query.include);
  list('exclude', query.exclude);
  list('rating', query.ratings.map((r) => slugOf(RATING_SLUGS, r)));
  list('exclude_rating', query.excludeRatings.map((r) => slugOf(RATING_SLUGS, r)));
  list('warning', query.warnings.map((w) => slugOf(WARNING_SLUGS, w)));
  list('exclude_warning', query.excludeWarnings.map((w) => slugOf(WARNING_SLUGS, w)));
  list('category', query.categories.map((c) => slugOf(CATEGORY_SLUGS, c)));
  list('exclude_category', query.excludeCategories.map((c) => slugOf(CATEGORY_SLUGS, c)));
  if (query.crossover !== 'include') out.crossover = query.crossover;
  if (query.complete !== 'all') out.complete = query.complete;
  if (query.wordsMin !== undefined) out.words_min = String(query.wordsMin);
  if (query.wordsMax !== undefined) out.words_max = String(query.wordsMax);
  if (query.postedFrom) out.posted_from = query.postedFrom;
  if (query.postedTo) out.posted_to = query.postedTo;
  if (query.updatedFrom) out.updated_from = query.updatedFrom;
  if (query.updatedTo) out.updated_to = query.updatedTo;
  list('language', query.languages);
  if (query.sort !== defaultSort(hasText(query.q))) out.sort = query.sort;
  if (query.order !== DEFAULT_ORDER[query.sort]) out.order = query.order;
  if (query.page !== 1) out.page = String(query.page);
  if (query.perPage !== SEARCH_LIMITS.defaultPerPage) out.per_page = String(query.perPage);
  if (query.facetLimit !== SEARCH_LIMITS.defaultFacets) out.facets = String(query.facetLimit);
  return out;
}

/** `searchQueryString(query, { page: 3 })` → `q=sea&page=3`: a link to the same search, changed. */
export function searchQueryString(query: SearchQuery, change: Partial<SearchQuery> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toSearchParams({ ...query, ...change }))) {
    for (const v of typeof value === 'string' ? [value] : value) params.append(key, v);
  }
  return params.toString();
}
