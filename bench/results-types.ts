import type { Phases } from './breakdown.ts';
import type { Memory } from './engine.ts';
import type { CodeInfo, MachineInfo } from './machine.ts';
import type { QueryClass } from './queries.ts';
import type { PostingsSize, ReindexResult } from './reindex.ts';
import type { Summary } from './stats.ts';

/** What one `npm run bench` writes to bench/results/<label>.json (and BENCHMARKS.md is made from). */
export interface ClassResult {
  cls: QueryClass;
  queries: number;
  /** `SearchService.search` end to end over every query of the class: the engine, then the page's works, snippets, facet names. */
  engine: Summary;
  /** The engine alone (plan, filters, text, total, facets, page ids: `timeCore`), like for like with the baseline. */
  core: Summary;
  /** `search()` over the queries the baseline also ran. */
  engineSubset: Summary;
  /** The engine alone over the queries the baseline also ran (for the ratios). */
  coreSubset: Summary;
  /** Baseline latency; a timed-out query counts as the cap. */
  baseline: Summary | null;
  timeouts: number;
  errors: number;
  /**
   * CPU time per query (user + system of the process answering it), the same statistics: what the
   * query costs without other jobs' contention for the cores (the baseline's excludes timed-out queries).
   */
  cpu: { engine: Summary; core: Summary; coreSubset: Summary; baseline: Summary | null };
  /** Baseline ÷ engine alone, on the same queries. */
  ratioP50: number;
  ratioP99: number;
  /** Queries whose answers were compared, and how many differed. */
  compared: number;
  mismatches: number;
  mismatchExamples: { params: string; diffs: string[] }[];
  /** Result sizes (exact totals): median and largest. */
  totalP50: number;
  totalMax: number;
  /** Mean phase times over the slowest queries (see breakdown.ts), and those queries. */
  slowPhases: Phases | null;
  slowest: { params: string; ms: number; phases: Phases | null }[];
  load: { start: [number, number, number]; end: [number, number, number] };
  /** Wall time of the class: engine, then baseline, seconds. */
  seconds: { engine: number; baseline: number };
}

export interface RunResult {
  label: string;
  command: string;
  machine: MachineInfo;
  code: CodeInfo;
  corpus: {
    dataDir: string;
    seed: string | null;
    works: number;
    text: string;
    chapters: number;
    wordCount: number;
    tags: number;
    filterTaggings: number;
    dbBytes: number;
    generatedSeconds: number | null;
  };
  /** Whether SQLite had planner statistics (ANALYZE) for the engine, the index build and the baseline. */
  statistics: string;
  querySeed: string;
  baselinePerClass: number;
  capSeconds: number;
  baselineCacheMiB: number;
  reindex: (ReindexResult & { measuredThisRun: boolean }) | null;
  /** A rebuild of the frequency postings alone (an index older than them), when one was needed or recorded. */
  postingsBuild?: (ReindexResult & { measuredThisRun: boolean }) | null;
  /** The frequency postings' size at the time of the run. */
  postings?: PostingsSize;
  /** `SearchService.prepare()` on an indexed archive: the engine's bulk load. `phases`: its own log of where the time went (ms). */
  startup: { ms: number; cpuMs: number; before: Memory; after: Memory; phases: Record<string, number> | null };
  warmup: { queries: number; seconds: number };
  classes: ClassResult[];
  load: { start: [number, number, number]; end: [number, number, number] };
  seconds: number;
}
