import SQLite from 'better-sqlite3';
import type { SearchQuery } from '../src/search/query.ts';
import { SqlBaseline } from './baseline-sql.ts';

/**
 * The SQL baseline's own process (forked by baseline-pool.ts), so that a query running past the
 * time cap can be stopped by killing the process: better-sqlite3 has no interrupt. Each query is
 * timed here, around the SQL only, with `process.hrtime.bigint()` (and `process.cpuUsage()`).
 *
 * Messages in: `{ type: 'run', n, query }`. Out: `{ type: 'ready', crossovers, ms }` once set up,
 * then `{ type: 'result', n, ms, cpu, result }` or `{ type: 'error', n, message }` per query.
 */
export interface BaselineSettings {
  /** SQLite page cache for the baseline's connection, in MiB. */
  cacheMiB: number;
}

const [file, settingsJson] = process.argv.slice(2);
if (!file || !process.send) throw new Error('usage: forked by bench/baseline-pool.ts with the database file');
const settings = JSON.parse(settingsJson ?? '{"cacheMiB":256}') as BaselineSettings;
const db = new SQLite(file, { readonly: true, fileMustExist: true });
db.pragma(`cache_size = -${settings.cacheMiB * 1024}`);
db.pragma('temp_store = MEMORY');
const baseline = new SqlBaseline(db);
const started = process.hrtime.bigint();
const { crossovers } = baseline.setup();
process.send({ type: 'ready', crossovers, ms: Number(process.hrtime.bigint() - started) / 1e6 });

process.on('message', (msg: { type: 'run'; n: number; query: SearchQuery }) => {
  if (msg.type !== 'run') return;
  try {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const result = baseline.run(msg.query);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    process.send!({ type: 'result', n: msg.n, ms, cpu: (c.user + c.system) / 1000, result });
  } catch (err) {
    process.send!({ type: 'error', n: msg.n, message: err instanceof Error ? err.message : String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
