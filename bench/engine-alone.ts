import path from 'node:path';
import { pino } from 'pino';
import { loadIndex } from '../src/search/engine/bulk-load.ts';
import { countFacets } from '../src/search/engine/facets.ts';
import { applyFilters, visibleSet } from '../src/search/engine/filter.ts';
import { pageByKey } from '../src/search/engine/paging.ts';
import { planSearch, type Plan } from '../src/search/plan.ts';
import { dbTagResolver } from '../src/search/tag-resolver.ts';
import { setRootLogger } from '../src/log.ts';
import { openSqliteFile } from '../src/store/store.ts';
import { GUEST } from '../src/works/visibility.ts';
import { memoryNow } from './engine.ts';
import { loadAverage } from './machine.ts';
import { readProfile } from './profile.ts';
import { QUERY_CLASSES, generateQueries } from './queries.ts';
import { searchQueryString } from '../src/search/params.ts';
import { cpuSince, quantile } from './stats.ts';

/**
 * The engine alone on an archive opened read-only (no full-text index needed, nothing written):
 * start-up (wall, CPU, RSS, phases), then the `filters` class's queries (the same ones as
 * `npm run bench`, same seed) timed phase by phase (filters, facets, page), with the slowest 1 %.
 * `node --expose-gc --import tsx bench/engine-alone.ts DIR [QUERIES]`
 */
const dir = process.argv[2];
const count = Number(process.argv[3] ?? 300);
if (!dir) throw new Error('usage: bench/engine-alone.ts DIR [QUERIES]');
const store = openSqliteFile(path.join(dir, 'quire.db'));
const sqlite = store.sqlite!;
sqlite.prepare('SELECT count(*) FROM tags').get();
let phases: unknown = null;
setRootLogger(pino({ level: 'debug' }, { write: (line: string) => { const j = JSON.parse(line) as { phases?: unknown }; if (j.phases) phases = j.phases; } }));
const before = memoryNow();
const c0 = process.cpuUsage();
const t0 = performance.now();
const { index } = loadIndex(sqlite);
const wall = performance.now() - t0;
const cpu = cpuSince(c0);
const after = memoryNow();
setRootLogger(pino({ level: 'warn' }));
console.log(`load ${loadAverage().join(' ')}; start-up ${(wall / 1000).toFixed(2)} s (CPU ${(cpu / 1000).toFixed(2)} s), RSS ${before.rss} → ${after.rss} MiB (heap ${after.heapUsed}, buffers ${after.arrayBuffers}); phases ${JSON.stringify(phases)}`);

const profile = readProfile(sqlite);
const all = generateQueries(profile, { seed: '1', perClass: Object.fromEntries(QUERY_CLASSES.map((c) => [c, count])) }).filter((c) => c.cls === 'filters');
const warm = generateQueries(profile, { seed: '1-warmup', perClass: { filters: 20 } });
const tags = dbTagResolver(store.db);

function run(plan: Plan): { filters: number; facets: number; page: number; n: number } {
  let t = performance.now();
  const result = applyFilters(index, visibleSet(index, GUEST, null), plan.filters);
  const filters = performance.now() - t;
  t = performance.now();
  countFacets(index, result, plan.facetLimit);
  const facets = performance.now() - t;
  t = performance.now();
  pageByKey(index, result, plan.sort.key === 'relevance' ? 'updated' : plan.sort.key, plan.sort.order, plan.offset, plan.limit);
  return { filters, facets, page: performance.now() - t, n: result.size };
}

for (const c of warm) run(await planSearch(c.query, tags));
for (const sort of ['updated', 'posted', 'words', 'hits', 'kudos', 'comments', 'bookmarks', 'title', 'creator'] as const) {
  for (const order of ['asc', 'desc'] as const) run(await planSearch({ ...warm[0]!.query, q: '', include: [], sort, order }, tags));
}
const rows: { ms: number; cpu: number; q: string; r: ReturnType<typeof run> }[] = [];
for (const c of all) {
  const plan = await planSearch(c.query, tags);
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const r = run(plan);
  rows.push({ ms: performance.now() - t1, cpu: cpuSince(c1), q: searchQueryString(c.query), r });
}
const f = (v: number) => v.toFixed(3);
const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
const cpus = rows.map((r) => r.cpu).sort((a, b) => a - b);
console.log(`${rows.length} filter queries, engine (filters+facets+page): p50 ${f(quantile(ms, 0.5))} p99 ${f(quantile(ms, 0.99))} max ${f(ms[ms.length - 1]!)} ms; CPU p50 ${f(quantile(cpus, 0.5))} p99 ${f(quantile(cpus, 0.99))}; load ${loadAverage().join(' ')}`);
for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, Math.max(5, Math.ceil(rows.length / 50)))) {
  console.log(`  ${f(r.ms)} ms: filters ${f(r.r.filters)} facets ${f(r.r.facets)} page ${f(r.r.page)} (${r.r.n} works) ${r.q}`);
}
await store.close();
