import roaring from 'roaring';
import { countFacets, type FacetCounts } from './engine/facets.ts';
import { applyFilters } from './engine/filter.ts';
import { pageByKey, pageByScore } from './engine/paging.ts';
import type { Bitmap, WorkIndex } from './engine/work-index.ts';
import type { Plan } from './plan.ts';
import type { TextOutcome } from './text-search.ts';
import type { TextEvaluator } from './text-backend.ts';

const { RoaringBitmap32 } = roaring;

export interface Execution {
  /** Works matching, after visibility, filters, text and the reader's hiding rules. */
  total: number;
  /** Works removed by the reader's hiding rules (that would otherwise have matched). */
  hiddenByFilters: number;
  /** The page, in order. */
  ids: number[];
  /** Relevance of each page entry (null unless ordered by best match). */
  scores: (number | null)[];
  /** Chapter to cut each page entry's snippet from (0: none). */
  chapters: number[];
  facets: FacetCounts;
  /** Which way the text was evaluated, for logs and tests. */
  strategy: 'filters' | 'text';
  textCounts: TextOutcome['counts'] | null;
}

export interface ExecuteDeps {
  index: WorkIndex;
  text: TextEvaluator;
  /** Bitmap of works the reader never wants to see (profile, mutes), or null. */
  hidden: Bitmap | null;
  /** Use the small-result facet path up to this many works. */
  facetSmallLimit?: number;
}

/**
 * Runs a plan over the works `visible` may see: filters on bitmaps → text on what is left →
 * the reader's hiding rules → exact total and facets over the final set → one page.
 */
export async function execute(plan: Plan, visible: Bitmap, deps: ExecuteDeps): Promise<Execution> {
  const { index } = deps;
  const filtered = applyFilters(index, visible, plan.filters);
  const wantScores = plan.sort.key === 'relevance';
  const outcome = plan.text && !filtered.isEmpty ? await deps.text.evaluate(plan.text, filtered, wantScores) : null;
  const matched = plan.text ? (outcome?.matched ?? new RoaringBitmap32()) : filtered;
  let result = matched;
  let hiddenByFilters = 0;
  if (deps.hidden && !deps.hidden.isEmpty) {
    hiddenByFilters = matched.andCardinality(deps.hidden);
    if (hiddenByFilters > 0) result = RoaringBitmap32.andNot(matched, deps.hidden);
  }
  const ids =
    wantScores && outcome?.scores
      ? pageByScore(result, outcome.scores, plan.sort.order, plan.offset, plan.limit)
      : pageByKey(index, result, plan.sort.key === 'relevance' ? 'updated' : plan.sort.key, plan.sort.order, plan.offset, plan.limit);
  return {
    total: result.size,
    hiddenByFilters,
    ids,
    scores: ids.map((id) => (wantScores && outcome?.scores ? outcome.scores[id]! : null)),
    chapters: ids.map((id) => outcome?.bestChapter[id] ?? 0),
    facets: countFacets(index, result, plan.facetLimit, deps.facetSmallLimit),
    strategy: plan.text ? 'text' : 'filters',
    textCounts: outcome?.counts ?? null,
  };
}
