import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { pino } from 'pino';
import { generateCorpus } from '../scripts/corpus/generate.ts';
import { cliSchema, toCorpusOptions } from '../scripts/corpus/options.ts';
import { setRootLogger } from '../src/log.ts';
import { SearchService } from '../src/search/search.service.ts';
import { openStore } from '../src/store/store.ts';
import { WorkEvents } from '../src/works/work.events.ts';
import { BaselinePool } from './baseline-pool.ts';
import { memoryNow, timeEngine } from './engine.ts';
import { codeInfo, loadAverage, machineInfo, type CodeInfo } from './machine.ts';
import { readProfile } from './profile.ts';
import { QUERY_CLASSES, generateQueries, type QueryClass } from './queries.ts';
import { analyzeIfNeeded, dbBytes, ftsCurrent, postingsCurrent, postingsSize, recordedReindex, type ReindexResult } from './reindex.ts';
import { readResults, renderResults, updateBenchmarksFile } from './report.ts';
import type { ClassResult, RunResult } from './results-types.ts';
import { runClass } from './run-class.ts';
import { cpuSince } from './stats.ts';

/**
 * `npm run bench -- [--data DIR] [--works N] [--text full|none|300m] [--queries N] [--quick]`
 * The search benchmark (issue 3; BENCHMARKS.md): generates the corpus if DIR has none, builds
 * (and times) its full-text index if needed, times the engine's start-up, then runs the query
 * classes through the engine and, on a sample, through the plain-SQL baseline on the same
 * database, comparing their answers. Writes bench/results/<label>.json and BENCHMARKS.md.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const program = new Command('bench')
  .option('--data <dir>', 'archive to benchmark (default /tmp/quire-bench/c<works>)')
  .option('--works <n>', 'works to generate when the data directory has no archive (100k, 1m)')
  .option('--text <mode>', 'text of a generated archive: full, none, or a word budget such as 300m', 'full')
  .option('--seed <s>', 'corpus seed of a generated archive', '1')
  .option('--query-seed <s>', 'seed of the generated queries', '1')
  .option('--queries <n>', 'distinct queries per class (five classes: 1,000 in all by default)', '200')
  .option('--classes <list>', `classes to run (comma-separated: ${QUERY_CLASSES.join(', ')}); results merge into an earlier run's`)
  .option('--baseline <n>', 'queries per class also answered by the SQL baseline (0: none)', '100')
  .option('--cap <seconds>', 'time cap per baseline query', '30')
  .option('--cache-mib <n>', 'SQLite page cache of the baseline connection', '256')
  .option('--label <name>', 'name of the results file (default: the data directory name)')
  .option('--no-analyze', 'do not run ANALYZE on a database without planner statistics (see bench/reindex.ts)')
  .option('--quick', 'a short run: 50 queries per class, 20 of them to the baseline, 10 s cap', false)
  .option('--no-write', 'print only; do not write bench/results or BENCHMARKS.md');

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function ensureCorpus(o: Record<string, string | boolean | undefined>, dataDir: string): Promise<number | null> {
  if (fs.existsSync(path.join(dataDir, 'quire.db'))) return null;
  if (!o.works) throw new Error(`${dataDir} has no quire.db: give --works to generate one`);
  const flags = cliSchema.parse({ works: o.works, data: dataDir, seed: o.seed, text: o.text, reindex: false });
  log(`generating ${o.works} works (${o.text}) in ${dataDir}`);
  const started = Date.now();
  let last = 0;
  await generateCorpus(toCorpusOptions(flags), (phase, done, total) => {
    if (Date.now() - last > 15_000) { last = Date.now(); log(`corpus ${phase} ${done}/${total}`); }
  });
  return (Date.now() - started) / 1000;
}

/** Builds the full-text index (or the postings alone) in a child process (so this one's memory stays clean), timed. */
function reindexInChild(dataDir: string, postingsOnly = false): Promise<ReindexResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(HERE, 'reindex.ts'), [dataDir, ...(postingsOnly ? ['--postings-only'] : [])], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as ReindexResult));
    child.once('exit', (code) => { if (code !== 0) reject(new Error(`reindex exited with ${code}`)); });
  });
}

async function main(): Promise<void> {
  program.parse(process.argv);
  const o = program.opts<Record<string, string | boolean | undefined>>();
  if (!globalThis.gc) log('warning: run with node --expose-gc (npm run bench does) to collect garbage between classes');
  const quick = o.quick === true;
  const dataDir = path.resolve(String(o.data ?? `/tmp/quire-bench/c${String(o.works ?? '').toLowerCase()}`));
  const label = String(o.label ?? path.basename(dataDir));
  const started = Date.now();
  const loadStart = loadAverage();
  // What is measured is the code as loaded now (src/search may be changing in the working tree).
  const code: CodeInfo = codeInfo(path.join(HERE, '..'));
  setRootLogger(pino({ level: 'warn' }, pino.destination(2)));
  const generatedSeconds = await ensureCorpus(o, dataDir);

  let store = await openStore({ dataDir });
  const hadStats = o.analyze === false || store.sqlite!.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
  const analyzeMs = o.analyze === false ? null : analyzeIfNeeded(store.sqlite!);
  if (analyzeMs !== null) log(`ANALYZE took ${(analyzeMs / 1000).toFixed(1)} s`);
  let reindex: RunResult['reindex'] = null;
  if (!ftsCurrent(store.sqlite!)) {
    await store.close();
    log('building the full-text index (first build, timed)');
    reindex = { ...(await reindexInChild(dataDir)), measuredThisRun: true };
    log(`indexed ${reindex.chapterTokens + reindex.metaTokens} tokens in ${(reindex.ms / 1000).toFixed(0)} s (${reindex.tokensPerSecond} tokens/s)`);
    store = await openStore({ dataDir });
  } else {
    const recorded = recordedReindex(dataDir);
    reindex = recorded ? { ...recorded, measuredThisRun: false } : null;
  }
  let postingsBuild: RunResult['postingsBuild'] = null;
  if (!postingsCurrent(store.sqlite!)) {
    await store.close();
    log('building the frequency postings alone (the full-text index predates them; timed)');
    postingsBuild = { ...(await reindexInChild(dataDir, true)), measuredThisRun: true };
    log(`postings built in ${(postingsBuild.ms / 1000).toFixed(0)} s`);
    store = await openStore({ dataDir });
  } else {
    const recorded = recordedReindex(dataDir, true);
    postingsBuild = recorded ? { ...recorded, measuredThisRun: false } : null;
  }
  const postings = postingsSize(store.sqlite!);

  // Engine start-up: the bulk load from the database, with memory before and after.
  const phaseLines: Record<string, number>[] = [];
  setRootLogger(pino({ level: 'debug' }, { write: (line: string) => { const j = JSON.parse(line) as { phases?: Record<string, number> }; if (j.phases) phaseLines.push(j.phases); } }));
  const search = new SearchService(store, new WorkEvents(), { writeIndex: false });
  const before = memoryNow();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await search.prepare();
  const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const startupCpuMs = cpuSince(c0);
  const after = memoryNow();
  setRootLogger(pino({ level: 'warn' }, pino.destination(2)));
  log(`engine start-up ${(startupMs / 1000).toFixed(2)} s (CPU ${(startupCpuMs / 1000).toFixed(2)} s), RSS ${before.rss} → ${after.rss} MiB, heap ${before.heapUsed} → ${after.heapUsed} MiB`);

  const sqlite = store.sqlite!;
  const profile = readProfile(sqlite);
  const classes = (o.classes ? String(o.classes).split(',').map((s) => s.trim()) : [...QUERY_CLASSES]) as QueryClass[];
  for (const c of classes) if (!QUERY_CLASSES.includes(c)) throw new Error(`--classes: unknown class "${c}"`);
  const perClass = quick ? 50 : Number(o.queries);
  // Queries are generated for every class (so a class's queries do not depend on which classes run).
  const all = generateQueries(profile, { seed: String(o.querySeed), perClass: Object.fromEntries(QUERY_CLASSES.map((c) => [c, perClass])) });
  const warm = generateQueries(profile, { seed: `${String(o.querySeed)}-warmup`, perClass: Object.fromEntries(classes.map((c) => [c, quick ? 5 : 20])) });
  log(`${all.filter((c) => classes.includes(c.cls)).length} queries in ${classes.length} classes; warming up with ${warm.length}`);
  let t = Date.now();
  for (const c of warm) await timeEngine(search, c.query);
  for (const sort of ['updated', 'posted', 'words', 'hits', 'kudos', 'comments', 'bookmarks', 'title', 'creator'] as const) {
    for (const order of ['asc', 'desc'] as const) await timeEngine(search, { ...warm[0]!.query, q: '', include: [], sort, order });
  }
  const warmup = { queries: warm.length + 18, seconds: (Date.now() - t) / 1000 };

  const baselineCount = quick ? 20 : Number(o.baseline);
  const capMs = (quick ? 10 : Number(o.cap)) * 1000;
  const cacheMiB = Number(o.cacheMib);
  const pool = baselineCount > 0 ? new BaselinePool(path.join(dataDir, 'quire.db'), capMs, { cacheMiB }) : null;
  if (pool) for (const c of warm.slice(0, 10)) await pool.run(c.query);
  const results: ClassResult[] = [];
  for (const cls of classes) {
    t = Date.now();
    results.push(await runClass(cls, all.filter((c) => c.cls === cls), { search, store, pool, baselineCount, capMs, log }));
    log(`${cls} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  pool?.close();

  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  const run: RunResult = {
    label,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machineInfo(),
    code,
    corpus: {
      dataDir, seed: profile.corpus?.seed ?? null, works: profile.works,
      text: profile.corpus ? textMode(profile.corpus.text) : 'unknown',
      chapters: count('SELECT count(*) FROM chapters'), wordCount: count('SELECT coalesce(sum(word_count), 0) FROM works'),
      tags: count('SELECT count(*) FROM tags'), filterTaggings: count('SELECT count(*) FROM filter_taggings'),
      dbBytes: dbBytes(dataDir), generatedSeconds,
    },
    statistics: o.analyze === false ? 'not run (--no-analyze)' : analyzeMs !== null ? `ANALYZE run by this bench (${(analyzeMs / 1000).toFixed(1)} s)` : hadStats ? 'present (sqlite_stat1)' : 'none',
    querySeed: String(o.querySeed), baselinePerClass: baselineCount, capSeconds: capMs / 1000, baselineCacheMiB: cacheMiB,
    reindex, postingsBuild, postings, startup: { ms: startupMs, cpuMs: startupCpuMs, before, after, phases: phaseLines[0] ?? null }, warmup,
    classes: results, load: { start: loadStart, end: loadAverage() }, seconds: (Date.now() - started) / 1000,
  };
  await store.close();
  const resultsDir = path.join(HERE, 'results');
  const file = path.join(resultsDir, `${label}.json`);
  if (o.classes && fs.existsSync(file)) {
    const earlier = JSON.parse(fs.readFileSync(file, 'utf8')) as RunResult;
    run.classes = QUERY_CLASSES.flatMap((c) => results.find((r) => r.cls === c) ?? earlier.classes.find((r) => r.cls === c) ?? []);
  }
  process.stdout.write(`${renderResults([run])}\n`);
  if (o.write !== false) {
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(run, null, 1)}\n`);
    updateBenchmarksFile(path.join(HERE, '..', 'BENCHMARKS.md'), readResults(resultsDir));
    log(`wrote ${path.relative(process.cwd(), file)} and BENCHMARKS.md`);
  }
}

function textMode(t: unknown): string {
  const m = t as { kind: string; words?: number };
  return m.kind === 'budget' ? `${m.words} words` : m.kind;
}

try {
  await main();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
