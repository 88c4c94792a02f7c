import { searchQueryString } from '../src/search/params.ts';
import type { SearchService } from '../src/search/search.service.ts';
import type { Store } from '../src/store/store.ts';
import type { BaselinePool } from './baseline-pool.ts';
import { breakdown, type Phases } from './breakdown.ts';
import { compareAnswers, timeCore, timeEngine, type Answer } from './engine.ts';
import { loadAverage } from './machine.ts';
import type { BenchCase, QueryClass } from './queries.ts';
import type { ClassResult } from './results-types.ts';
import { quantile, summarize } from './stats.ts';

export interface ClassRunOptions {
  search: SearchService;
  store: Store;
  /** Null: engine only. */
  pool: BaselinePool | null;
  /** The first this-many queries of the class also go to the baseline (and are compared). */
  baselineCount: number;
  capMs: number;
  /** Progress lines to stderr. */
  log: (line: string) => void;
}

function meanPhases(list: Phases[]): Phases | null {
  if (list.length === 0) return null;
  const out = { ...list[0]! };
  for (const k of Object.keys(out) as (keyof Phases)[]) out[k] = list.reduce((s, p) => s + p[k], 0) / list.length;
  return out;
}

/**
 * One class: every query through `SearchService.search`, sequentially, then through the engine
 * alone (timeCore); then the first `baselineCount` through
 * the SQL baseline (in its own process, capped), comparing answers; then a phase breakdown of the
 * engine's slowest queries (max(5, 1 %)). Garbage is collected first.
 */
export async function runClass(cls: QueryClass, cases: BenchCase[], o: ClassRunOptions): Promise<ClassResult> {
  globalThis.gc?.();
  const load = { start: loadAverage(), end: loadAverage() };
  const times: number[] = [];
  const cpu = { engine: [] as number[], core: [] as number[], baseline: [] as number[] };
  const totals: number[] = [];
  const answers: Answer[] = [];
  let t0 = Date.now();
  for (const [i, c] of cases.entries()) {
    const { ms, cpu: used, answer } = await timeEngine(o.search, c.query);
    times.push(ms);
    cpu.engine.push(used);
    totals.push(answer.total);
    if (i < o.baselineCount) answers.push(answer);
  }
  // Then the engine alone (no works loaded, no snippets), the like-for-like figure for the baseline.
  const core: number[] = [];
  for (const [i, c] of cases.entries()) {
    const r = await timeCore(o.search, o.store, c.query);
    core.push(r.ms);
    cpu.core.push(r.cpu);
    if (r.total !== totals[i]) throw new Error(`engine alone and search() disagree on the total of ${searchQueryString(c.query)}`);
  }
  const engineSeconds = (Date.now() - t0) / 1000;
  o.log(`${cls}: engine ${cases.length} queries (search() and engine alone) in ${engineSeconds.toFixed(1)} s`);

  const base: number[] = [];
  let timeouts = 0;
  let errors = 0;
  let compared = 0;
  const mismatchExamples: ClassResult['mismatchExamples'] = [];
  let mismatches = 0;
  t0 = Date.now();
  const subset = cases.slice(0, o.pool ? o.baselineCount : 0);
  for (const [i, c] of subset.entries()) {
    const r = await o.pool!.run(c.query);
    if (r.kind === 'timeout') {
      timeouts++;
      base.push(o.capMs);
      o.log(`${cls}: baseline query ${i} timed out after ${o.capMs / 1000} s: ${searchQueryString(c.query)}`);
      continue;
    }
    if (r.kind === 'error') {
      errors++;
      o.log(`${cls}: baseline query ${i} failed: ${r.message}`);
      continue;
    }
    base.push(r.ms);
    cpu.baseline.push(r.cpu);
    compared++;
    const diffs = compareAnswers(c.query, answers[i]!, r.result);
    if (diffs.length > 0) {
      mismatches++;
      if (mismatchExamples.length < 5) mismatchExamples.push({ params: searchQueryString(c.query), diffs: diffs.map((d) => d.slice(0, 400)) });
    }
  }
  const baselineSeconds = (Date.now() - t0) / 1000;
  if (o.pool) o.log(`${cls}: baseline ${subset.length} queries in ${baselineSeconds.toFixed(1)} s (${timeouts} timeouts, ${mismatches} mismatches)`);
  load.end = loadAverage();

  const slowCount = Math.max(5, Math.ceil(cases.length / 100));
  const slowest = times.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms).slice(0, slowCount);
  const detailed: ClassResult['slowest'] = [];
  for (const s of slowest) {
    const c = cases[s.i]!;
    detailed.push({ params: searchQueryString(c.query), ms: s.ms, phases: await breakdown(o.search, o.store, c.query) });
  }
  const coreSubset = summarize(core.slice(0, subset.length));
  const baseline = base.length > 0 ? summarize(base) : null;
  const sortedTotals = [...totals].sort((a, b) => a - b);
  return {
    cls,
    queries: cases.length,
    engine: summarize(times),
    core: summarize(core),
    engineSubset: summarize(times.slice(0, subset.length)),
    coreSubset,
    baseline,
    timeouts,
    errors,
    cpu: {
      engine: summarize(cpu.engine), core: summarize(cpu.core), coreSubset: summarize(cpu.core.slice(0, subset.length)),
      baseline: cpu.baseline.length > 0 ? summarize(cpu.baseline) : null,
    },
    ratioP50: baseline ? baseline.p50 / coreSubset.p50 : Number.NaN,
    ratioP99: baseline ? baseline.p99 / coreSubset.p99 : Number.NaN,
    compared,
    mismatches,
    mismatchExamples,
    totalP50: quantile(sortedTotals, 0.5),
    totalMax: sortedTotals[sortedTotals.length - 1] ?? 0,
    slowPhases: meanPhases(detailed.flatMap((d) => (d.phases ? [d.phases] : []))),
    slowest: detailed.slice(0, 5),
    load,
    seconds: { engine: engineSeconds, baseline: baselineSeconds },
  };
}
