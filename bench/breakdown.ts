import roaring from 'roaring';
import { countFacets } from '../src/search/engine/facets.ts';
import { applyFilters, visibleSet } from '../src/search/engine/filter.ts';
import { pageByKey, pageByScore } from '../src/search/engine/paging.ts';
import { planSearch } from '../src/search/plan.ts';
import type { SearchQuery } from '../src/search/query.ts';
import { dbTagResolver, type SearchService } from '../src/search/search.service.ts';
import { positiveTerms } from '../src/search/text/ast.ts';
import { chapterMatch } from '../src/search/text/fts-expr.ts';
import { TEXT_SEARCH_DEFAULTS } from '../src/search/text-search.ts';
import type { Store } from '../src/store/store.ts';
import { loadWorks } from '../src/works/work.repository.ts';
import { GUEST } from '../src/works/visibility.ts';
import { engineOf } from './engine.ts';
import { since } from './stats.ts';

const { RoaringBitmap32 } = roaring;

/**
 * Where one search's time goes, phase by phase, replaying what `SearchService.search` does with
 * the search module's own functions on the service's loaded engine:
 *
 * - `plan`: parse the text, resolve tag names (SQL on `tags`);
 * - `filters`: the filter bitmaps (visibility, tags, ranges);
 * - `text`: the text terms (FTS5 MATCH and bm25, or in-memory checks of a few works) and their
 *   bitmaps; `ftsOnly` is the same MATCH strings counted by FTS5 alone (`SELECT count(*)`), the
 *   floor of the FTS part;
 * - `facets`, `page`: counting the top tags, ordering the page;
 * - `works`: loading the page's works; `snippets`: cutting the excerpts from chapter bodies.
 */
export interface Phases {
  plan: number;
  filters: number;
  text: number;
  ftsOnly: number;
  facets: number;
  page: number;
  works: number;
  snippets: number;
  total: number;
  /** Works left after filters, and after text. */
  filtered: number;
  matched: number;
  /** Terms answered by FTS5 and in memory. */
  /** Terms answered by the frequency postings, FTS5 and in memory. */
  termsPostings: number;
  termsFts: number;
  termsMemory: number;
}

/** Times each phase of one guest search (see `Phases`). */
export async function breakdown(search: SearchService, store: Store, query: SearchQuery): Promise<Phases> {
  const index = engineOf(search);
  const sqlite = store.sqlite!;
  const all = process.hrtime.bigint();
  let t = process.hrtime.bigint();
  const plan = await planSearch(query, dbTagResolver(store.db));
  const p: Phases = { plan: since(t), filters: 0, text: 0, ftsOnly: 0, facets: 0, page: 0, works: 0, snippets: 0, total: 0, filtered: 0, matched: 0, termsPostings: 0, termsFts: 0, termsMemory: 0 };
  t = process.hrtime.bigint();
  const filtered = applyFilters(index, visibleSet(index, GUEST, null), plan.filters);
  p.filters = since(t);
  p.filtered = filtered.size;
  let result = filtered;
  let scores: Float64Array | null = null;
  let best: Uint16Array | null = null;
  if (plan.text) {
    t = process.hrtime.bigint();
    const text = search.backend.evaluator(index, TEXT_SEARCH_DEFAULTS);
    const outcome = filtered.isEmpty ? null : await text.evaluate(plan.text, filtered, plan.sort.key === 'relevance');
    p.text = since(t);
    result = outcome?.matched ?? new RoaringBitmap32();
    scores = outcome?.scores ?? null;
    best = outcome?.bestChapter ?? null;
    p.termsPostings = outcome?.counts.postings ?? 0;
    p.termsFts = outcome?.counts.fts ?? 0;
    p.termsMemory = outcome?.counts.memory ?? 0;
    t = process.hrtime.bigint();
    for (const term of positiveTerms(plan.text)) {
      const m = chapterMatch(term);
      if (m) sqlite.prepare('SELECT count(*) FROM search_chapters WHERE search_chapters MATCH ?').pluck().get(m);
    }
    p.ftsOnly = since(t);
  }
  p.matched = result.size;
  t = process.hrtime.bigint();
  countFacets(index, result, plan.facetLimit);
  p.facets = since(t);
  t = process.hrtime.bigint();
  const ids = plan.sort.key === 'relevance' && scores
    ? pageByScore(result, scores, plan.sort.order, plan.offset, plan.limit)
    : pageByKey(index, result, plan.sort.key === 'relevance' ? 'updated' : plan.sort.key, plan.sort.order, plan.offset, plan.limit);
  p.page = since(t);
  t = process.hrtime.bigint();
  await loadWorks(store.db, ids);
  p.works = since(t);
  t = process.hrtime.bigint();
  const terms = positiveTerms(plan.text).filter((x) => x.field === null);
  if (best && terms.length > 0) {
    for (const id of ids) {
      const position = best[id] ?? 0;
      if (position === 0) continue;
      await search.snippetFor(id, position, terms);
    }
  }
  p.snippets = since(t);
  p.total = since(all);
  return p;
}
