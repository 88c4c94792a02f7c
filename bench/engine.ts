import { visibleSet } from '../src/search/engine/filter.ts';
import type { WorkIndex } from '../src/search/engine/work-index.ts';
import { execute } from '../src/search/execute.ts';
import { planSearch } from '../src/search/plan.ts';
import { dbTagResolver, type SearchResult, type SearchService } from '../src/search/search.service.ts';
import type { SearchQuery } from '../src/search/query.ts';
import { TEXT_SEARCH_DEFAULTS } from '../src/search/text-search.ts';
import type { Store } from '../src/store/store.ts';
import { TAG_TYPES } from '../src/tags/tag.types.ts';
import { GUEST } from '../src/works/visibility.ts';
import type { BaselineResult } from './baseline-sql.ts';
import { cpuSince, since } from './stats.ts';

/** What both sides answer, to compare them: total, the page's ids (and scores), facet ids and counts. */
export type Answer = BaselineResult;

/** The comparable part of an engine result. */
export function answerOf(r: SearchResult, query: SearchQuery): Answer {
  return {
    total: r.total,
    ids: r.items.map((i) => i.work.id),
    scores: query.sort === 'relevance' && query.q.trim() !== '' ? r.items.map((i) => i.score ?? Number.NaN) : null,
    facets: Object.fromEntries(TAG_TYPES.map((t) => [t, r.facets[t].map((f) => ({ id: f.id, count: f.count }))])) as Answer['facets'],
  };
}

/** One engine search as a guest, timed end to end (`SearchService.search`: plan, engine, page's works, snippets, facet names). */
export async function timeEngine(search: SearchService, query: SearchQuery): Promise<{ ms: number; cpu: number; answer: Answer }> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await search.search(GUEST, query);
  const ms = since(t0);
  return { ms, cpu: cpuSince(c0), answer: answerOf(r, query) };
}

/** The service's loaded engine (a private field: the bench reads it to time the engine without loading works). */
export function engineOf(search: SearchService): WorkIndex {
  const index = (search as unknown as { index: WorkIndex | null }).index;
  if (!index) throw new Error('the search service is not prepared');
  return index;
}

/**
 * The engine alone, like for like with the SQL baseline: plan (tag names → ids, text parsed),
 * filters, text, exact total, facet counts and the page's ids (`execute`, as `search` calls it),
 * without loading the page's works, cutting snippets or naming facet tags.
 */
export async function timeCore(search: SearchService, store: Store, query: SearchQuery): Promise<{ ms: number; cpu: number; total: number }> {
  const index = engineOf(search);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const plan = await planSearch(query, dbTagResolver(store.db));
  const text = search.backend.evaluator(index, TEXT_SEARCH_DEFAULTS);
  const ex = await execute(plan, visibleSet(index, GUEST, null), { index, text, hidden: null });
  const ms = since(t0);
  return { ms, cpu: cpuSince(c0), total: ex.total };
}

/** Memory of this process, in MiB. */
export interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Current memory after a full garbage collection (when run with --expose-gc). */
export function memoryNow(): Memory {
  globalThis.gc?.();
  const m = process.memoryUsage();
  const mib = (v: number) => Math.round((v / 2 ** 20) * 10) / 10;
  return { rss: mib(m.rss), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) };
}

/**
 * Differences between the engine's answer and the baseline's: total and facets always; the page's
 * ids for the sorts both order the same way (dates, numbers); relevance scores within 1e-6.
 */
export function compareAnswers(query: SearchQuery, engine: Answer, base: Answer): string[] {
  const out: string[] = [];
  if (engine.total !== base.total) out.push(`total ${engine.total} ≠ ${base.total}`);
  for (const t of TAG_TYPES) {
    const a = engine.facets[t].map((f) => `${f.id}:${f.count}`).join(' ');
    const b = base.facets[t].map((f) => `${f.id}:${f.count}`).join(' ');
    if (a !== b) out.push(`facets.${t} [${a}] ≠ [${b}]`);
  }
  const key = query.sort === 'relevance' && query.q.trim() === '' ? 'updated' : query.sort;
  if (key === 'relevance') {
    const a = engine.scores ?? [];
    const b = base.scores ?? [];
    const close = a.length === b.length && a.every((s, i) => Math.abs(s - b[i]!) <= 1e-6 * Math.max(1, Math.abs(s)));
    if (!close) out.push(`scores [${a.map((s) => s.toFixed(4)).join(' ')}] ≠ [${b.map((s) => s.toFixed(4)).join(' ')}]`);
  } else if (key !== 'title' && key !== 'creator' && engine.ids.join(',') !== base.ids.join(',')) {
    out.push(`page [${engine.ids.join(',')}] ≠ [${base.ids.join(',')}]`);
  }
  return out;
}
