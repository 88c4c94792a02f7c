import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { pino } from 'pino';
import { setRootLogger } from '../src/log.ts';
import { SearchService } from '../src/search/search.service.ts';
import { maskUrl } from '../src/store/pg.ts';
import { searchQueryString } from '../src/search/params.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { WorkEvents } from '../src/works/work.events.ts';
import { timeEngine } from './engine.ts';
import { loadAverage, machineInfo, type MachineInfo } from './machine.ts';
import { replaceSection } from './markers.ts';
import { readProfile } from './profile.ts';
import { QUERY_CLASSES, generateQueries, type QueryClass } from './queries.ts';
import { ms, summarize, type Summary } from './stats.ts';

/**
 * `npm run bench:pg-search -- --data DIR --pg postgres://…/db [--queries N]`
 * The search bench's query classes (bench/queries.ts, same generator and seed) through
 * `SearchService.search` on one archive held twice: the SQLite database in DIR and the same
 * archive moved into PostgreSQL (`quire move --to URL`). Queries alternate between the two stores,
 * so load from other jobs falls on both alike; SQLite is the baseline. Totals are compared, query
 * by query. Writes bench/results/pg-search-<label>.json and its section of BENCHMARKS.md.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const program = new Command('bench:pg-search')
  .requiredOption('--data <dir>', 'data directory of the SQLite archive (the corpus)')
  .requiredOption('--pg <url>', 'PostgreSQL database holding the same archive')
  .option('--queries <n>', 'queries per class', '100')
  .option('--query-seed <s>', 'seed of the generated queries', '1')
  .option('--warmup <n>', 'warm-up queries per class on each store', '10')
  .option('--cap <seconds>', 'PostgreSQL statement timeout: a query past it counts as timed out, at the time it took', '15')
  .option('--label <name>', 'results file name (default: the data directory name)')
  .option('--no-write', 'print only; do not write bench/results or BENCHMARKS.md');

const log = (line: string) => process.stderr.write(`[pg-search ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface Side {
  name: 'sqlite' | 'postgres';
  store: Store;
  search: SearchService;
  startupMs: number;
}

export interface PgSearchResult {
  label: string;
  command: string;
  machine: MachineInfo;
  corpus: { dataDir: string; pg: string; works: number; chapters: number; words: number };
  startupMs: Record<Side['name'], number>;
  capSeconds: number;
  classes: { cls: QueryClass; sqlite: Summary; postgres: Summary; mismatches: number; timeouts: number; examples: string[]; slowest?: string[] }[];
  load: { start: number[]; end: number[] };
  seconds: number;
}

async function side(name: Side['name'], opts: { dataDir: string; databaseUrl?: string }): Promise<Side> {
  const store = await openStore({ ...opts, migrate: false });
  const search = new SearchService(store, new WorkEvents(), { writeIndex: false });
  const t0 = performance.now();
  await search.prepare();
  return { name, store, search, startupMs: performance.now() - t0 };
}

/** The URL with a `statement_timeout` for every pooled connection (libpq `options`, which node-postgres reads). */
export function withStatementTimeout(url: string, ms: number): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c statement_timeout=${Math.round(ms)}`);
  return u.toString();
}

/** One search, timed; `total` null when PostgreSQL cancelled it at the cap. */
async function timed(s: Side, query: Parameters<typeof timeEngine>[1], capMs: number): Promise<{ ms: number; total: number | null }> {
  const t0 = performance.now();
  try {
    const r = await timeEngine(s.search, query);
    return { ms: r.ms, total: r.answer.total };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (s.name !== 'postgres' || !/statement timeout/i.test(msg)) throw err;
    return { ms: Math.max(performance.now() - t0, capMs), total: null };
  }
}

async function main(): Promise<void> {
  program.parse(process.argv);
  const o = program.opts<{ data: string; pg: string; queries: string; querySeed: string; warmup: string; cap: string; label?: string; write: boolean }>();
  const dataDir = path.resolve(o.data);
  const label = `pg-search-${o.label ?? path.basename(dataDir)}`;
  const started = Date.now();
  const loadStart = loadAverage();
  setRootLogger(pino({ level: 'warn' }, pino.destination(2)));

  const lite = await side('sqlite', { dataDir });
  const capMs = Number(o.cap) * 1000;
  const pg = await side('postgres', { dataDir, databaseUrl: withStatementTimeout(o.pg, capMs) });
  log(`engines loaded: SQLite ${(lite.startupMs / 1000).toFixed(1)} s, PostgreSQL ${(pg.startupMs / 1000).toFixed(1)} s`);
  const sqlite = lite.store.sqlite!;
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  const pgWorks = Number((await pg.store.db.selectFrom('works').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const works = count('SELECT count(*) FROM works');
  if (pgWorks !== works) throw new Error(`the two stores differ: ${works} works in SQLite, ${pgWorks} in PostgreSQL (move the corpus first: see bench/README.md)`);

  const profile = readProfile(sqlite);
  const perClass = Number(o.queries);
  const all = generateQueries(profile, { seed: o.querySeed, perClass: Object.fromEntries(QUERY_CLASSES.map((c) => [c, perClass])) });
  const warm = generateQueries(profile, { seed: `${o.querySeed}-warmup`, perClass: Object.fromEntries(QUERY_CLASSES.map((c) => [c, Number(o.warmup)])) });
  log(`warming up with ${warm.length} queries on each store`);
  for (const c of warm) for (const s of [lite, pg]) await timed(s, c.query, capMs);

  const classes: PgSearchResult['classes'] = [];
  for (const cls of QUERY_CLASSES) {
    const times: Record<Side['name'], number[]> = { sqlite: [], postgres: [] };
    let mismatches = 0;
    let timeouts = 0;
    const examples: string[] = [];
    const cases = all.filter((c) => c.cls === cls);
    const pgTimes: { q: string; ms: number }[] = [];
    for (const [i, c] of cases.entries()) {
      // Alternate which store goes first, so neither always finds the other's pages in the OS cache.
      const order = i % 2 === 0 ? [lite, pg] : [pg, lite];
      const totals: Record<string, number> = {};
      for (const s of order) {
        const r = await timed(s, c.query, capMs);
        times[s.name].push(r.ms);
        if (s.name === 'postgres') pgTimes.push({ q: `#${c.n} ${searchQueryString(c.query)}`, ms: r.ms });
        if (r.total === null) timeouts++;
        else totals[s.name] = r.total;
      }
      if (totals.postgres !== undefined && totals.sqlite !== totals.postgres) {
        mismatches++;
        if (examples.length < 3) examples.push(`#${c.n} q=${JSON.stringify(c.query.q)}: ${totals.sqlite} vs ${totals.postgres}`);
      }
    }
    const slowest = pgTimes.sort((a, b) => b.ms - a.ms).slice(0, 3).map((x) => `${Math.round(x.ms)} ms: ${x.q}`);
    classes.push({ cls, sqlite: summarize(times.sqlite), postgres: summarize(times.postgres), mismatches, timeouts, examples, slowest });
    for (const line of slowest) log(`  slowest on PostgreSQL: ${line}`);
    log(`${cls}: SQLite p50 ${ms(summarize(times.sqlite).p50)} ms, PostgreSQL p50 ${ms(summarize(times.postgres).p50)} ms, ${mismatches} totals differ, ${timeouts} timed out`);
  }

  const run: PgSearchResult = {
    label,
    command: `npm run bench:pg-search -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machineInfo(),
    corpus: { dataDir, pg: maskUrl(o.pg), works, chapters: count('SELECT count(*) FROM chapters'), words: count('SELECT coalesce(sum(word_count), 0) FROM works') },
    startupMs: { sqlite: Math.round(lite.startupMs), postgres: Math.round(pg.startupMs) },
    capSeconds: capMs / 1000,
    classes,
    load: { start: loadStart, end: loadAverage() },
    seconds: (Date.now() - started) / 1000,
  };
  await lite.store.close();
  await pg.store.close();
  const text = renderPgSearch(run);
  process.stdout.write(`${text}\n`);
  if (o.write) {
    const file = path.join(HERE, 'results', `${label}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(run, null, 1)}\n`);
    replaceSection(path.join(HERE, '..', 'BENCHMARKS.md'), 'pgsearch', 'npm run bench:pg-search', text, '## Search on PostgreSQL beside SQLite (issue 7)');
    log(`wrote ${path.relative(process.cwd(), file)} and BENCHMARKS.md`);
  }
}

/** The BENCHMARKS.md section of one run. */
export function renderPgSearch(r: PgSearchResult): string {
  const m = r.machine;
  const n = (v: number) => v.toLocaleString('en-US');
  const lines = [
    `Corpus: ${n(r.corpus.works)} works, ${n(r.corpus.chapters)} chapters, ${n(r.corpus.words)} words (full text), in \`${r.corpus.dataDir}\` and \`${r.corpus.pg}\`.`,
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC: ${m.cpu} × ${m.nproc}, ${m.memoryGiB} GiB, Node ${m.node}, SQLite ${m.sqlite}; load average ${r.load.start.join(' ')} at the start, ${r.load.end.join(' ')} at the end; ${Math.round(r.seconds)} s in all.`,
    `Command: \`${r.command}\`. Engine start-up (bulk load): SQLite ${n(r.startupMs.sqlite)} ms, PostgreSQL ${n(r.startupMs.postgres)} ms.`,
    '',
    '| class | queries | SQLite p50 | SQLite p99 | PostgreSQL p50 | PostgreSQL p99 | PG/SQLite p50 | PG/SQLite p99 | PG timed out | totals differ |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.classes.map((c) => `| ${c.cls} | ${c.sqlite.n} | ${ms(c.sqlite.p50)} | ${ms(c.sqlite.p99)} | ${ms(c.postgres.p50)} | ${ms(c.postgres.p99)} | ${(c.postgres.p50 / c.sqlite.p50).toFixed(1)} | ${(c.postgres.p99 / c.sqlite.p99).toFixed(1)} | ${c.timeouts} | ${c.mismatches} |`),
    '',
    `Milliseconds, wall time of \`SearchService.search\` as a guest (plan, engine, text, page of works, snippets, facet names). A PostgreSQL statement past ${r.capSeconds} s is cancelled (\`statement_timeout\`); such a query counts at the time it took, so percentiles that include one are lower bounds.`,
  ];
  const ex = r.classes.flatMap((c) => c.examples.map((e) => `${c.cls} ${e}`));
  if (ex.length) lines.push('', `Totals that differ (first few): ${ex.join('; ')}.`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (err) {
    process.stderr.write(`bench:pg-search: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
