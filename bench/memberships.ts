import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMemberships, Memberships } from '../src/search/engine/memberships.ts';

/**
 * Loading the pen name and series memberships alone (engine/memberships.ts, one phase of the
 * engine's start-up): wall time, CPU time and RSS growth, then a sample of `bitmap` look-ups.
 * Opens DIR/quire.db read-only. `node --import tsx bench/memberships.ts DIR`
 * (add `--expose-gc` for RSS measured after a collection).
 */
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node --import tsx bench/memberships.ts DIR  (DIR holds quire.db)');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
const sqlite = new Database(path.join(dir, 'quire.db'), { readonly: true, fileMustExist: true });
sqlite.prepare('SELECT count(*) FROM work_creators').get(); // opens the file before measuring

gc?.();
const rss0 = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const m = new Memberships();
loadMemberships(sqlite, m);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
gc?.();
const rss1 = process.memoryUsage().rss;

const pseuds = sqlite.prepare('SELECT pseud_id FROM work_creators GROUP BY pseud_id ORDER BY count(*) DESC LIMIT 200').pluck().all() as number[];
const t1 = performance.now();
let total = 0;
for (const id of pseuds) total += m.bitmap('pseud', id)?.size ?? 0;
const lookupMs = performance.now() - t1;
sqlite.close();

const mb = (b: number) => (b / 2 ** 20).toFixed(1);
console.log(`memberships load: wall ${wallMs.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, rss +${mb(rss1 - rss0)} MB${gc ? ' (after gc)' : ''}`);
console.log(`bitmap() of the 200 largest pen names (first call): ${lookupMs.toFixed(1)} ms, ${total} works`);
