import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { Command } from 'commander';
import { toSearchParams } from '../src/search/params.ts';
import { maskUrl } from '../src/store/pg.ts';
import { loadAverage, machineInfo, type MachineInfo } from './machine.ts';
import { replaceSection } from './markers.ts';
import { readProfile } from './profile.ts';
import { generateQueries } from './queries.ts';
import { summarize } from './stats.ts';

/**
 * `npm run bench:pages -- --data DIR --pg postgres://…/db [--duration S] [--connections C]`
 * Page loads over HTTP (autocannon) against `quire serve` with 1 and 2 processes on each
 * database: the SQLite archive in DIR and the same archive moved into PostgreSQL. Three pages,
 * each rotating over several targets so no single row or cache line is all that is measured:
 * a work page (200 posted public works of 1–5 k words), a tag listing (the 20 most used
 * fandoms and additional tags) and a search (50 generated word searches with light filters, first page,
 * newest first). Every request comes from its own address (X-Forwarded-For, trusted), as readers
 * do: the per-address rate limit and the hit counter work as in production. Writes
 * bench/results/pages-<label>.json and its section of BENCHMARKS.md.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..');
const program = new Command('bench:pages')
  .requiredOption('--data <dir>', 'data directory of the SQLite archive (also the key files for PostgreSQL runs)')
  .option('--pg <url>', 'PostgreSQL database holding the same archive (leave out to run SQLite only)')
  .option('--duration <s>', 'seconds measured per page and configuration', '15')
  .option('--warmup <s>', 'seconds of warm-up (all pages) after each start', '5')
  .option('--connections <n>', 'concurrent connections', '10')
  .option('--workers <list>', 'process counts to run', '1,2')
  .option('--port <n>', 'port of the server under test', '18080')
  .option('--label <name>', 'results file name (default: the data directory name)')
  .option('--no-write', 'print only; do not write bench/results or BENCHMARKS.md');

const log = (line: string) => process.stderr.write(`[pages ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

type Db = 'sqlite' | 'postgres';
type Page = 'work' | 'tag' | 'search';
const PAGES: readonly Page[] = ['work', 'tag', 'search'];

export interface PageRow {
  db: Db;
  workers: number;
  page: Page;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  startupMs: number;
  /** Median and p99 of the server's own time per request (its request log), without queueing in the client. */
  serverP50: number | null;
  serverP99: number | null;
}

export interface PagesResult {
  label: string;
  command: string;
  machine: MachineInfo;
  corpus: { dataDir: string; pg: string | null; works: number };
  connections: number;
  duration: number;
  targets: Record<Page, number>;
  rows: PageRow[];
  load: { start: number[]; end: number[] };
  seconds: number;
}

/** The paths each page rotates over, read from the SQLite archive (ids and names are the same after `quire move`). */
function targets(dataDir: string): Record<Page, string[]> {
  const db = new SQLite(path.join(dataDir, 'quire.db'), { readonly: true, fileMustExist: true });
  try {
    const works = db
      .prepare("SELECT id FROM works WHERE status = 'posted' AND restricted = 0 AND hidden = 0 AND word_count BETWEEN 1000 AND 5000 ORDER BY id LIMIT 200")
      .pluck()
      .all() as number[];
    const profile = readProfile(db);
    const tags = [...profile.tags.fandom.popular.slice(0, 10), ...profile.tags.additional.popular.slice(0, 10)].map((t) => t.name);
    const searches = generateQueries(profile, { seed: 'pages', perClass: { 'text-date': 50 } }).map((c) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(toSearchParams({ ...c.query, page: 1 }))) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      return `/search?${params.toString()}`;
    });
    return { work: works.map((id) => `/works/${id}`), tag: tags.map((n) => `/tags/${encodeURIComponent(n)}`), search: searches };
  } finally {
    db.close();
  }
}

/** Starts `quire serve`; resolves once every process listens. Its log goes to a file. */
async function startServer(o: { dataDir: string; pg?: string; port: number; workers: number; logFile: string }): Promise<ChildProcess> {
  const out = fs.openSync(o.logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QUIRE_DATA: o.dataDir, QUIRE_TRUST_PROXY: 'on', QUIRE_ADULT_GATE: 'off', QUIRE_DEMO: 'off', QUIRE_LOG_LEVEL: 'info',
  };
  if (o.pg) env.QUIRE_DATABASE_URL = o.pg;
  else delete env.QUIRE_DATABASE_URL;
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--host', '127.0.0.1', '--port', String(o.port), '--workers', String(o.workers)];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`quire serve exited with ${child.exitCode}; see ${o.logFile}`);
    const listening = o.workers > 1 ? fs.readFileSync(o.logFile, 'utf8').split('\n').filter((l) => l.includes('"worker listening"')).length : 1;
    if (listening >= o.workers) {
      try {
        const res = await fetch(`http://127.0.0.1:${o.port}/`);
        if (res.ok) return child;
      } catch { /* not listening yet */ }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`quire serve did not start within 300 s; see ${o.logFile}`);
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** The server's own milliseconds per request (pino `request` lines written after byte `from`). */
function serverTimes(logFile: string, from: number): { serverP50: number | null; serverP99: number | null } {
  const text = fs.readFileSync(logFile).subarray(from).toString('utf8');
  const times: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('"msg":"request"')) continue;
    try { times.push((JSON.parse(line) as { ms: number }).ms); } catch { /* a line cut by a concurrent write */ }
  }
  if (times.length === 0) return { serverP50: null, serverP99: null };
  const s = summarize(times);
  return { serverP50: s.p50, serverP99: s.p99 };
}

let address = 0;
/** A new reader address per request (10.x.y.z, 2^24 of them). */
function nextAddress(): string {
  address = (address + 1) % 2 ** 24;
  return `10.${address >> 16}.${(address >> 8) & 255}.${address & 255}`;
}

async function cannon(port: number, paths: string[], seconds: number, connections: number): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [{
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]!, headers: { ...req.headers, 'x-forwarded-for': nextAddress() } }),
    }],
  });
}

async function main(): Promise<void> {
  program.parse(process.argv);
  const o = program.opts<{ data: string; pg?: string; duration: string; warmup: string; connections: string; workers: string; port: string; label?: string; write: boolean }>();
  const dataDir = path.resolve(o.data);
  const label = `pages-${o.label ?? path.basename(dataDir)}`;
  const started = Date.now();
  const loadStart = loadAverage();
  const paths = targets(dataDir);
  const works = (new SQLite(path.join(dataDir, 'quire.db'), { readonly: true }).prepare('SELECT count(*) FROM works').pluck().get()) as number;
  const dbs: Db[] = o.pg ? ['sqlite', 'postgres'] : ['sqlite'];
  const counts = o.workers.split(',').map(Number);
  const connections = Number(o.connections);
  const duration = Number(o.duration);
  const logDir = fs.mkdtempSync(path.join(path.dirname(dataDir), 'pages-logs-'));
  const rows: PageRow[] = [];
  for (const db of dbs) {
    for (const workers of counts) {
      const t0 = performance.now();
      const logFile = path.join(logDir, `${db}-${workers}.log`);
      const child = await startServer({ dataDir, pg: db === 'postgres' ? o.pg : undefined, port: Number(o.port), workers, logFile });
      const startupMs = Math.round(performance.now() - t0);
      log(`${db}, ${workers} process(es): up in ${(startupMs / 1000).toFixed(1)} s`);
      try {
        await cannon(Number(o.port), [...paths.work, ...paths.tag, ...paths.search], Number(o.warmup), connections);
        for (const page of PAGES) {
          const from = fs.statSync(logFile).size;
          const r = await cannon(Number(o.port), paths[page], duration, connections);
          const row: PageRow = {
            db, workers, page, requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
            non2xx: r.non2xx, errors: r.errors + r.timeouts, startupMs, ...serverTimes(logFile, from),
          };
          rows.push(row);
          log(`  ${page}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms${row.non2xx || row.errors ? `, ${row.non2xx} non-2xx, ${row.errors} errors` : ''}`);
        }
      } finally {
        await stopServer(child);
      }
    }
  }
  const run: PagesResult = {
    label,
    command: `npm run bench:pages -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machineInfo(),
    corpus: { dataDir, pg: o.pg ? maskUrl(o.pg) : null, works },
    connections, duration,
    targets: { work: paths.work.length, tag: paths.tag.length, search: paths.search.length },
    rows,
    load: { start: loadStart, end: loadAverage() },
    seconds: (Date.now() - started) / 1000,
  };
  const text = renderPages(run);
  process.stdout.write(`${text}\n`);
  if (o.write) {
    const file = path.join(HERE, 'results', `${label}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(run, null, 1)}\n`);
    replaceSection(path.join(ROOT, 'BENCHMARKS.md'), 'pages', 'npm run bench:pages', text, '## Page loads: 1 and 2 processes on SQLite and PostgreSQL (issue 7)');
    log(`wrote ${path.relative(process.cwd(), file)} and BENCHMARKS.md; server logs in ${logDir}`);
  }
}

/** The BENCHMARKS.md section of one run. */
export function renderPages(r: PagesResult): string {
  const m = r.machine;
  const lines = [
    `Corpus: ${r.corpus.works.toLocaleString('en-US')} works in \`${r.corpus.dataDir}\`${r.corpus.pg ? ` and \`${r.corpus.pg}\`` : ''}; ${r.targets.work} work pages, ${r.targets.tag} tag listings, ${r.targets.search} searches in rotation.`,
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC: ${m.cpu} × ${m.nproc}, ${m.memoryGiB} GiB, Node ${m.node}; load average ${r.load.start.join(' ')} at the start, ${r.load.end.join(' ')} at the end.`,
    `Command: \`${r.command}\`: ${r.connections} connections, ${r.duration} s per page after a warm-up, autocannon in the same machine.`,
    '',
    '| page | database | processes | requests/s | p50 ms | p99 ms | server p50 ms | server p99 ms | requests | non-2xx / errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.page} | ${x.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${x.workers} | ${x.rps.toFixed(0)} | ${x.p50} | ${x.p99} | ${x.serverP50 ?? '–'} | ${x.serverP99 ?? '–'} | ${x.requests.toLocaleString('en-US')} | ${x.non2xx} / ${x.errors} |`),
    '',
    'p50/p99: latency seen by the client (with queueing behind the other connections); server: Fastify\'s own time per request, from the request log.',
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (err) {
    process.stderr.write(`bench:pages: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
