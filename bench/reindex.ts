import fs from 'node:fs';
import type SQLite from 'better-sqlite3';
import path from 'node:path';
import { pino } from 'pino';
import { setRootLogger } from '../src/log.ts';
import { POSTINGS_VERSION } from '../src/search/postings/postings.ts';
import { SqliteTextBackend } from '../src/search/sqlite-backend.ts';
import { ftsStats } from '../src/search/fts/stats.ts';
import { FTS_VERSION, VERSION_KEY } from '../src/search/fts/schema.ts';
import { META_COLUMNS } from '../src/search/text/fts-expr.ts';
import { openStore } from '../src/store/store.ts';
import { loadAverage } from './machine.ts';

/**
 * Timing the first full-text index build (`reindexAll`, what `quire reindex` runs) and counting
 * what it indexed: FTS5's own token totals (chapter text; metadata columns), so throughput is in
 * tokens per second. Runs in its own process (`node --import tsx bench/reindex.ts DIR`, or forked
 * by the bench) so the engine's memory is measured afterwards in a clean process. The result is
 * also written to `DIR/bench-reindex.json`, so a later run on an indexed corpus can still report it.
 */
export interface ReindexResult {
  works: number;
  ms: number;
  /** CPU time of the indexing process (user + system), ms: the cost without other jobs' contention. */
  cpuMs: number;
  chapterTokens: number;
  metaTokens: number;
  tokensPerSecond: number;
  /** Tokens per second of CPU time. */
  tokensPerCpuSecond: number;
  /** `sum(works.word_count)` (synthetic for stand-in corpora). */
  wordCount: number;
  dbBytesBefore: number;
  dbBytesAfter: number;
  loadBefore: [number, number, number];
  loadAfter: [number, number, number];
  date: string;
  /** What was rebuilt: the full-text index and the frequency postings, or the postings alone. */
  kind?: 'full' | 'postings';
  /** The frequency postings afterwards (src/search/postings). */
  postings?: PostingsSize;
}

/** Keys, rows and bytes of the frequency postings. */
export interface PostingsSize {
  keys: number;
  rows: number;
  bytes: number;
}

/** The frequency postings' size, from their tables. */
export function postingsSize(sqlite: SQLite.Database): PostingsSize {
  const n = (sql: string) => (sqlite.prepare(sql).pluck().get() as number | null) ?? 0;
  return {
    keys: n('SELECT count(*) FROM search_keys'),
    rows: n('SELECT count(*) FROM search_postings'),
    bytes: n('SELECT coalesce(sum(length(data)), 0) FROM search_postings') + n('SELECT coalesce(sum(length(data)), 0) FROM search_lengths') + n('SELECT coalesce(sum(length(data)), 0) FROM search_work_keys'),
  };
}

/** Whether the frequency postings are built in the current format. */
export function postingsCurrent(sqlite: SQLite.Database): boolean {
  const v = sqlite.prepare("SELECT value FROM settings WHERE key = 'search.postings'").pluck().get() as string | undefined;
  return v !== undefined && (JSON.parse(v) as { version: number }).version === POSTINGS_VERSION;
}

export const REINDEX_FILE = 'bench-reindex.json';
/** Where a postings-only rebuild (an index built before the postings existed) is recorded. */
export const POSTINGS_FILE = 'bench-postings.json';

/** Whether the archive's full-text index is complete in the current format. */
export function ftsCurrent(sqlite: SQLite.Database): boolean {
  const row = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'settings'").get();
  if (!row) return false;
  const v = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(VERSION_KEY) as string | undefined;
  return v !== undefined && Number(v) === FTS_VERSION;
}

/**
 * Runs `ANALYZE` when the database has no planner statistics yet (SQLite's advice for every
 * application: `PRAGMA optimize`). Without statistics, the tag queries of the index builder
 * (src/search/fts/documents.ts) start from the `tags_type` index and visit every tag of the four
 * free types for each batch of works: at 100 k works that is ≈ 120 s of CPU per 1,000 works.
 * Returns the time taken, or null when statistics were already there.
 */
export function analyzeIfNeeded(sqlite: SQLite.Database): number | null {
  const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
  if (has && sqlite.prepare('SELECT 1 FROM sqlite_stat1 LIMIT 1').get() !== undefined) return null;
  const t0 = process.hrtime.bigint();
  sqlite.exec('ANALYZE');
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Size of the database and its WAL, in bytes. */
export function dbBytes(dataDir: string): number {
  const base = path.join(dataDir, 'quire.db');
  return [base, `${base}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/**
 * Builds the full-text index and the frequency postings of the archive in `dataDir` (or, with
 * `postingsOnly`, the postings alone, reading every work again), timed: what `quire reindex` runs.
 */
export async function timeReindex(dataDir: string, onProgress?: (done: number, total: number) => void, postingsOnly = false): Promise<ReindexResult> {
  const store = await openStore({ dataDir });
  const sqlite = store.sqlite!;
  try {
    const before = dbBytes(dataDir);
    const loadBefore = loadAverage();
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const backend = new SqliteTextBackend(store);
    const { works } = await backend.reindex(onProgress, { fts: !postingsOnly });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const chapterTokens = ftsStats(sqlite, 'search_chapters', 1).tokens.reduce((a, b) => a + b, 0);
    const metaTokens = ftsStats(sqlite, 'search_works', META_COLUMNS.length).tokens.reduce((a, b) => a + b, 0);
    const wordCount = sqlite.prepare('SELECT coalesce(sum(word_count), 0) FROM works').pluck().get() as number;
    const result: ReindexResult = {
      works, ms, cpuMs, chapterTokens, metaTokens, wordCount,
      tokensPerSecond: Math.round(((chapterTokens + metaTokens) / ms) * 1000),
      tokensPerCpuSecond: Math.round(((chapterTokens + metaTokens) / cpuMs) * 1000),
      dbBytesBefore: before, dbBytesAfter: dbBytes(dataDir), loadBefore, loadAfter: loadAverage(), date: new Date().toISOString(),
      kind: postingsOnly ? 'postings' : 'full', postings: postingsSize(sqlite),
    };
    fs.writeFileSync(path.join(dataDir, postingsOnly ? POSTINGS_FILE : REINDEX_FILE), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await store.close();
  }
}

/** The recorded first build of `dataDir`'s index (or, with `postings`, of its postings alone), if a bench made it. */
export function recordedReindex(dataDir: string, postings = false): ReindexResult | null {
  const file = path.join(dataDir, postings ? POSTINGS_FILE : REINDEX_FILE);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ReindexResult) : null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  setRootLogger(pino({ level: 'warn' }, pino.destination(2)));
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node --import tsx bench/reindex.ts DATA_DIR [--no-analyze] [--postings-only]');
  if (!process.argv.includes('--no-analyze')) {
    const store = await openStore({ dataDir: dir });
    const ms = analyzeIfNeeded(store.sqlite!);
    if (ms !== null) process.stderr.write(`ANALYZE ${Math.round(ms)} ms\n`);
    await store.close();
  }
  let last = 0;
  const result = await timeReindex(dir, (done, total) => {
    const now = Date.now();
    if (now - last > 60_000 || done === total) {
      last = now;
      process.stderr.write(`reindex ${done}/${total} works ${new Date().toISOString().slice(11, 19)} cpu ${Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1e6)} s\n`);
    }
  }, process.argv.includes('--postings-only'));
  if (process.send) process.send(result);
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
