import { Rng } from '../scripts/corpus/rng.ts';
import { benchQueries, type BenchQuery, type QueryKind } from '../scripts/corpus/queries.ts';
import { vocabularyFor } from '../scripts/corpus/vocabulary.ts';
import { searchQuery, type SearchQuery, type SortKey } from '../src/search/query.ts';
import { toSearchParams } from '../src/search/params.ts';
import { CATEGORIES, RATINGS, WARNINGS, type FreeTagType } from '../src/tags/tag.types.ts';
import { TIERS, type CorpusProfile, type Tier } from './profile.ts';

/**
 * The benchmark's queries, generated deterministically from a seed and a corpus profile (real
 * tags by popularity, real languages and dates; words from the corpus vocabulary via
 * `benchQueries`). Five classes:
 *
 * 1. `filters`: tags to include and exclude (popular, mid, rare; drill-downs inside a fandom),
 *    ratings, warnings, categories, languages, word and date ranges, completion, crossovers, every
 *    sort but best match, pages 1–5;
 * 2. `text-date`: a word or two (common, medium, rare) with lighter filters, newest first;
 * 3. `text-relevance`: the same kinds of text and filters, by best match;
 * 4. `phrase`: a phrase from the corpus's phrase layer, by best match or date;
 * 5. `broad`: one or two of the 100 most common words, few or no filters.
 */
export const QUERY_CLASSES = ['filters', 'text-date', 'text-relevance', 'phrase', 'broad'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchCase {
  /** Position in the generated list (stable for a seed and profile). */
  n: number;
  cls: QueryClass;
  query: SearchQuery;
}

export interface GenerateOptions {
  seed: string;
  /** Queries per class; classes left out (or 0) are not generated. */
  perClass: Partial<Record<QueryClass, number>>;
}

type Weighted<T> = readonly (readonly [T, number])[];

function pickWeighted<T>(rng: Rng, items: Weighted<T>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rng.float() * total;
  for (const [item, w] of items) {
    if (u < w) return item;
    u -= w;
  }
  return items[items.length - 1]![0];
}

const FILTER_SORTS: Weighted<SortKey> = [
  ['updated', 35], ['kudos', 15], ['hits', 10], ['posted', 10], ['words', 10], ['title', 5], ['creator', 5], ['comments', 5], ['bookmarks', 5],
];
const PAGES: Weighted<number> = [[1, 60], [2, 15], [3, 10], [4, 8], [5, 7]];
const TAG_TYPES_W: Weighted<FreeTagType> = [['fandom', 40], ['additional', 25], ['character', 20], ['relationship', 15]];
const TIERS_W: Weighted<Tier> = [['popular', 50], ['mid', 35], ['rare', 15]];
const SPECIFIC_WARNINGS = WARNINGS.slice(2);

/** Day `YYYY-MM-DD` plus `days`. */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

class Generator {
  private readonly text = new Map<string, Map<QueryKind, BenchQuery[]>>();
  private readonly drawn = new Map<string, number>();

  constructor(private readonly rng: Rng, private readonly p: CorpusProfile, private readonly seed: string) {}

  /** A tag of `type` from tier `tier`, falling back to neighbouring tiers when a small corpus has none. */
  tag(type: FreeTagType, tier: Tier): string | undefined {
    const order = [tier, ...TIERS.filter((t) => t !== tier)];
    for (const t of order) {
      const list = this.p.tags[type][t];
      if (list.length > 0) return this.rng.pick(list).name;
    }
    return undefined;
  }

  /** Tag filters: independent picks, or a drill-down (a fandom and tags used with it). */
  includes(max: number): string[] {
    const k = Math.min(max, pickWeighted(this.rng, [[0, 25], [1, 40], [2, 25], [3, 10]] as const));
    if (k >= 2 && this.p.related.length > 0 && this.rng.chance(0.6)) {
      const r = this.rng.pick(this.p.related);
      const out = [r.fandom];
      while (out.length < k) {
        const list = r[pickWeighted(this.rng, [['relationship', 1], ['character', 1], ['additional', 2]] as const)];
        if (list.length === 0) break;
        out.push(list[Math.min(list.length - 1, Math.floor(list.length * this.rng.float() ** 2))]!);
      }
      return [...new Set(out)];
    }
    const out: string[] = [];
    for (let i = 0; i < k; i++) {
      const t = this.tag(pickWeighted(this.rng, TAG_TYPES_W), pickWeighted(this.rng, TIERS_W));
      if (t) out.push(t);
    }
    return [...new Set(out)];
  }

  filters(light: boolean): Partial<SearchQuery> {
    const r = this.rng;
    const f: Partial<SearchQuery> = {};
    const scale = light ? 0.5 : 1;
    f.include = this.includes(light ? 2 : 3);
    const ex = pickWeighted(r, [[0, 60 / scale], [1, 30], [2, 10]] as const);
    f.exclude = [...new Set(Array.from({ length: ex }, () => this.tag(r.chance(0.7) ? 'additional' : 'character', r.chance(0.6) ? 'popular' : 'mid')).filter((t): t is string => !!t))]
      .filter((t) => !f.include!.includes(t));
    if (r.chance(0.3 * scale)) f.ratings = r.chance(0.7) ? [r.pick(RATINGS)] : [r.pick(RATINGS), r.pick(RATINGS)].filter((x, i, a) => a.indexOf(x) === i);
    else if (r.chance(0.1 * scale)) f.excludeRatings = [RATINGS[4]];
    if (r.chance(0.1 * scale)) f.warnings = [WARNINGS[1]];
    if (r.chance(0.15 * scale)) f.excludeWarnings = r.chance(0.5) ? [r.pick(SPECIFIC_WARNINGS)] : [...SPECIFIC_WARNINGS.slice(2)];
    if (r.chance(0.2 * scale)) f.categories = [r.pick(CATEGORIES)];
    else if (r.chance(0.05 * scale)) f.excludeCategories = [r.pick(CATEGORIES)];
    const langs = this.p.languages;
    if (langs.length > 0 && r.chance(0.25 * scale)) f.languages = [langs[0]!.code];
    else if (langs.length > 1 && r.chance(0.1 * scale)) f.languages = [r.pick(langs.slice(1, 12)).code];
    if (r.chance(0.25 * scale)) {
      const [lo, hi] = pickWeighted(r, [
        [[1000, undefined], 2], [[undefined, 5000], 2], [[10_000, 50_000], 1], [[50_000, undefined], 1],
        [[Math.round(r.logNormal(2000, 1)), undefined], 1], [[undefined, Math.round(r.logNormal(5000, 1))], 1],
      ] as const);
      if (lo !== undefined) f.wordsMin = lo;
      if (hi !== undefined) f.wordsMax = hi;
    }
    const span = Math.max(1, daysBetween(this.p.firstDay, this.p.lastDay));
    const window = (): [string, string] => {
      const len = pickWeighted(r, [[30, 2], [365, 3], [span / 3, 1]] as const);
      const start = addDays(this.p.firstDay, r.int(Math.max(1, span - Math.round(len))));
      return [start, addDays(start, Math.round(len))];
    };
    if (r.chance(0.2 * scale)) {
      const [a, b] = window();
      if (r.chance(0.7)) f.postedFrom = a;
      if (r.chance(0.7) || !f.postedFrom) f.postedTo = b;
    }
    if (r.chance(0.15 * scale)) {
      const [a, b] = r.chance(0.5) ? [addDays(this.p.lastDay, -r.range(7, 400)), this.p.lastDay] : window();
      f.updatedFrom = a;
      if (r.chance(0.5)) f.updatedTo = b;
    }
    if (r.chance(0.2 * scale)) f.complete = 'complete';
    else if (r.chance(0.08 * scale)) f.complete = 'wip';
    if (r.chance(0.08 * scale)) f.crossover = 'exclude';
    else if (r.chance(0.04 * scale)) f.crossover = 'only';
    f.page = pickWeighted(r, PAGES);
    return f;
  }

  /** The next query text of `kinds` in `lang` (from the seed's `benchQueries` pool for that language). */
  words(kinds: readonly QueryKind[], lang: string): string {
    let pools = this.text.get(lang);
    if (!pools) {
      pools = new Map();
      for (const q of benchQueries(this.seed, 6000, lang)) pools.set(q.kind, [...(pools.get(q.kind) ?? []), q]);
      this.text.set(lang, pools);
    }
    const kind = this.rng.pick(kinds);
    const pool = pools.get(kind) ?? [];
    const key = `${lang}:${kind}`;
    const i = this.drawn.get(key) ?? 0;
    this.drawn.set(key, i + 1);
    const q = pool[i % pool.length]!;
    const cjk = vocabularyFor(lang).cjk;
    if (q.phrase) return `"${q.terms.join(cjk ? '' : ' ')}"`;
    return q.terms.join(' ');
  }

  /** A text language: mostly English, else one of the corpus's other common languages (with that language as a filter, usually). */
  textLanguage(f: Partial<SearchQuery>): string {
    const others = this.p.languages.slice(1, 6).map((l) => l.code);
    if (others.length === 0 || !this.rng.chance(0.12)) return 'en';
    const lang = this.rng.pick(others);
    if (this.rng.chance(0.7)) f.languages = [lang];
    return lang;
  }

  make(cls: QueryClass): SearchQuery {
    const r = this.rng;
    switch (cls) {
      case 'filters': {
        const f = this.filters(false);
        const sort = pickWeighted(r, FILTER_SORTS);
        return searchQuery({ ...f, sort, ...(r.chance(0.1) && { order: sort === 'title' || sort === 'creator' ? 'desc' : 'asc' }) });
      }
      case 'text-date':
      case 'text-relevance': {
        const f = this.filters(true);
        const q = this.words(['common', 'medium', 'medium', 'rare', 'two', 'two'], this.textLanguage(f));
        const sort: SortKey = cls === 'text-relevance' ? 'relevance' : r.chance(0.7) ? 'updated' : 'posted';
        return searchQuery({ ...f, q, sort });
      }
      case 'phrase': {
        const f = this.filters(true);
        const q = this.words(['phrase'], this.textLanguage(f));
        return searchQuery({ ...f, q, sort: r.chance(0.6) ? 'relevance' : 'updated' });
      }
      case 'broad': {
        const f: Partial<SearchQuery> = { page: pickWeighted(r, PAGES) };
        if (r.chance(0.5)) {
          const light = this.filters(true);
          const keys = Object.keys(light).filter((k) => k !== 'page') as (keyof SearchQuery)[];
          const key = keys.length > 0 ? r.pick(keys) : undefined;
          if (key) Object.assign(f, { [key]: light[key] });
        }
        const lang = this.textLanguage(f);
        const q = r.chance(0.7) ? this.words(['common'], lang) : `${this.words(['common'], lang)} ${this.words(['common'], lang)}`;
        return searchQuery({ ...f, q, sort: r.chance(0.5) ? 'relevance' : 'updated' });
      }
    }
  }
}

/** A stable key for a query, to count distinct ones. */
export function queryKey(q: SearchQuery): string {
  return JSON.stringify(toSearchParams(q));
}

/**
 * The benchmark's queries for a corpus: `perClass[cls]` distinct queries of each class, the same
 * for the same seed and profile. Duplicates are redrawn (a small corpus may not have enough
 * distinct combinations; then fewer are returned).
 */
export function generateQueries(profile: CorpusProfile, opts: GenerateOptions): BenchCase[] {
  const out: BenchCase[] = [];
  const seen = new Set<string>();
  for (const cls of QUERY_CLASSES) {
    const want = opts.perClass[cls] ?? 0;
    const gen = new Generator(Rng.derive(opts.seed, 'bench', cls), profile, opts.seed);
    let misses = 0;
    for (let got = 0; got < want && misses < want * 5;) {
      const query = gen.make(cls);
      const key = queryKey(query);
      if (seen.has(key)) {
        misses++;
        continue;
      }
      seen.add(key);
      out.push({ n: out.length, cls, query });
      got++;
    }
  }
  return out;
}
