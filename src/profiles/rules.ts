import type { FieldIssue } from '../errors.ts';
import type { HideRules } from '../search/hide.ts';
import { MAX_TAG_LENGTH } from '../tags/tag.repository.ts';
import { CATEGORIES, RATINGS, WARNINGS, cleanTagName, foldName, type Category, type Rating, type Warning } from '../tags/tag.types.ts';

/**
 * A reader's saved "never show me" rules (REFERENCE §3: the feature readers ask for most). The
 * server applies them to every listing, search, count and feed through the search engine's
 * `HideRules` (src/search/hide.ts): tags by name (through synonyms and metatags), creators,
 * crossovers, languages and word-count bounds. Ratings, warnings and categories are tags to the
 * engine; they are kept apart here so the form can offer them as check boxes.
 */
export interface FilterRules {
  /** Free tags of any kind (fandoms, relationships, characters, additional tags), as typed. */
  tags: string[];
  ratings: Rating[];
  warnings: Warning[];
  categories: Category[];
  /** Pen names (pseud ids): kept by id so a renamed pen name stays hidden. */
  creators: number[];
  /** Hide every crossover. */
  crossovers: boolean;
  /** Language codes (`en`, `pt-BR`). */
  languages: string[];
  /** Hide works shorter than this many words. */
  wordsMin: number | null;
  /** Hide works longer than this many words. */
  wordsMax: number | null;
}

/** How much one profile may hold (AO3 allows 2,000 mutes; tags are far fewer in practice). */
export const FILTER_LIMITS = {
  tags: 200,
  creators: 2000,
  languages: 100,
  tagLength: MAX_TAG_LENGTH,
  /** The longest AO3 work has about 5 M words: bounds above this are a typing slip. */
  words: 100_000_000,
} as const;

/** Language codes as stored on works (`en`, `zh`, `pt-BR`). */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Rules that hide nothing. */
export function emptyRules(): FilterRules {
  return { tags: [], ratings: [], warnings: [], categories: [], creators: [], crossovers: false, languages: [], wordsMin: null, wordsMax: null };
}

/** True when the rules hide nothing. */
export function isEmptyRules(r: FilterRules): boolean {
  return (
    r.tags.length + r.ratings.length + r.warnings.length + r.categories.length + r.creators.length + r.languages.length === 0 &&
    !r.crossovers && r.wordsMin === null && r.wordsMax === null
  );
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string | number): T[] {
  const seen = new Set<string | number>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type FixedList = 'ratings' | 'warnings' | 'categories';

/** Folded fixed tag name → the list it belongs in. */
const FIXED_BY_KEY = new Map<string, { list: FixedList; name: string }>([
  ...RATINGS.map((name) => [foldName(name), { list: 'ratings' as const, name }] as const),
  ...WARNINGS.map((name) => [foldName(name), { list: 'warnings' as const, name }] as const),
  ...CATEGORIES.map((name) => [foldName(name), { list: 'categories' as const, name }] as const),
]);

/**
 * Cleans rules as given: tag names tidied (`cleanTagName`) and deduplicated by folded name, a
 * rating, warning or category typed as a tag moved to its own list, lists deduplicated, empty
 * or non-positive word bounds dropped. Never fails: limits are `ruleIssues`' job.
 *
 * @example normalizeRules({ tags: ['Angst', ' angst', 'Explicit'] }) // tags ['Angst'], ratings ['Explicit']
 */
export function normalizeRules(input: Partial<FilterRules>): FilterRules {
  const out = emptyRules();
  const fixed: Record<FixedList, string[]> = { ratings: [...(input.ratings ?? [])], warnings: [...(input.warnings ?? [])], categories: [...(input.categories ?? [])] };
  for (const raw of input.tags ?? []) {
    const name = cleanTagName(raw);
    if (name === '') continue;
    const known = FIXED_BY_KEY.get(foldName(name));
    if (known) fixed[known.list].push(known.name);
    else out.tags.push(name);
  }
  out.tags = uniqueBy(out.tags, foldName);
  out.ratings = RATINGS.filter((r) => fixed.ratings.includes(r));
  out.warnings = WARNINGS.filter((w) => fixed.warnings.includes(w));
  out.categories = CATEGORIES.filter((c) => fixed.categories.includes(c));
  out.creators = uniqueBy((input.creators ?? []).filter((id) => Number.isSafeInteger(id) && id > 0), (id) => id);
  out.crossovers = input.crossovers === true;
  out.languages = uniqueBy((input.languages ?? []).map((l) => l.trim()).filter(Boolean), (l) => l.toLowerCase());
  const bound = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) || n <= 0 ? null : Math.floor(n));
  out.wordsMin = bound(input.wordsMin);
  out.wordsMax = bound(input.wordsMax);
  return out;
}

/** What is wrong with (normalized) rules, by form field: limits, language codes, word bounds. */
export function ruleIssues(r: FilterRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const n = (x: number) => x.toLocaleString('en');
  if (r.tags.length > FILTER_LIMITS.tags) issues.push({ field: 'tags', message: `hold ${n(r.tags.length)} tags; a profile may hide at most ${n(FILTER_LIMITS.tags)}` });
  const long = r.tags.find((t) => t.length > FILTER_LIMITS.tagLength);
  if (long) issues.push({ field: 'tags', message: `include "${long.slice(0, 40)}…", longer than ${FILTER_LIMITS.tagLength} characters` });
  if (r.creators.length > FILTER_LIMITS.creators) issues.push({ field: 'creators', message: `hold ${n(r.creators.length)} pen names; a profile may hide at most ${n(FILTER_LIMITS.creators)}` });
  if (r.languages.length > FILTER_LIMITS.languages) issues.push({ field: 'languages', message: `hold ${r.languages.length} languages; at most ${FILTER_LIMITS.languages}` });
  const bad = r.languages.find((l) => !LANGUAGE_CODE.test(l));
  if (bad) issues.push({ field: 'languages', message: `include "${bad.slice(0, 20)}", which is not a language code` });
  for (const [field, v] of [['words_min', r.wordsMin], ['words_max', r.wordsMax]] as const) {
    if (v !== null && v > FILTER_LIMITS.words) issues.push({ field, message: `must be at most ${n(FILTER_LIMITS.words)} words` });
  }
  if (r.wordsMin !== null && r.wordsMax !== null && r.wordsMin > r.wordsMax) {
    issues.push({ field: 'words_max', message: `must not be below the shortest length (${n(r.wordsMin)} words): that would hide every work` });
  }
  return issues;
}

/**
 * The engine's hiding rules for a reader: their saved rules plus the pen names of accounts they
 * muted. Undefined when nothing is hidden, so callers can skip the work.
 *
 * @example archive.search.search(viewer, query, { hide: toHideRules(rules, muted) })
 */
export function toHideRules(rules: FilterRules | null | undefined, mutedPseudIds: readonly number[] = []): HideRules | undefined {
  const r = rules ?? emptyRules();
  const tags = [...r.tags, ...r.ratings, ...r.warnings, ...r.categories];
  const pseudIds = [...new Set([...r.creators, ...mutedPseudIds])];
  const out: HideRules = {
    ...(tags.length ? { tags } : {}),
    ...(pseudIds.length ? { pseudIds } : {}),
    ...(r.languages.length ? { languages: r.languages } : {}),
    ...(r.crossovers ? { crossovers: true } : {}),
    ...(r.wordsMin !== null ? { wordsMin: r.wordsMin } : {}),
    ...(r.wordsMax !== null ? { wordsMax: r.wordsMax } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}
