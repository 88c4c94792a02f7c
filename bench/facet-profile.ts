import { pino } from 'pino';
import { setRootLogger } from '../src/log.ts';
import { countFacets } from '../src/search/engine/facets.ts';
import { applyFilters, visibleSet } from '../src/search/engine/filter.ts';
import { loadIndex } from '../src/search/engine/bulk-load.ts';
import { pageByKey } from '../src/search/engine/paging.ts';
import { planSearch } from '../src/search/plan.ts';
import { dbTagResolver } from '../src/search/search.service.ts';
import { openStore } from '../src/store/store.ts';
import { GUEST } from '../src/works/visibility.ts';
import { readProfile } from './profile.ts';
import { generateQueries } from './queries.ts';
import { cpuSince } from './stats.ts';

/**
 * `node --import tsx bench/facet-profile.ts DIR [N]`: the filters-only class's CPU time split into
 * filters, facets and page, on the engine loaded straight from the database (no full-text index
 * needed), with the slowest queries listed. For working on the engine without a full bench run.
 */
setRootLogger(pino({ level: 'warn' }, pino.destination(2)));
const dir = process.argv[2]!;
const n = Number(process.argv[3] ?? 300);
const store = await openStore({ dataDir: dir });
const sqlite = store.sqlite!;
let c0 = process.cpuUsage();
const { index } = loadIndex(sqlite);
process.stderr.write(`load: CPU ${(cpuSince(c0) / 1000).toFixed(1)} s\n`);
const cases = generateQueries(readProfile(sqlite), { seed: '1', perClass: { filters: n } }).filter((c) => c.cls === 'filters');
const rows: { q: string; filters: number; facets: number; page: number; size: number }[] = [];
for (const pass of [0, 1]) {
  for (const c of cases) {
    const plan = await planSearch(c.query, dbTagResolver(store.db));
    c0 = process.cpuUsage();
    const result = applyFilters(index, visibleSet(index, GUEST, null), plan.filters);
    const filters = cpuSince(c0);
    c0 = process.cpuUsage();
    countFacets(index, result, plan.facetLimit);
    const facets = cpuSince(c0);
    c0 = process.cpuUsage();
    pageByKey(index, result, plan.sort.key === 'relevance' ? 'updated' : plan.sort.key, plan.sort.order, plan.offset, plan.limit);
    const page = cpuSince(c0);
    if (pass === 1) rows.push({ q: Object.entries(c.query).filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0) && v !== null).map(([k, v]) => `${k}=${String(v)}`).join('&').slice(0, 140), filters, facets, page, size: result.size });
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
for (const k of ['filters', 'facets', 'page'] as const) process.stdout.write(`${k}: p50 ${q(rows.map((r) => r[k]), 0.5).toFixed(2)} p99 ${q(rows.map((r) => r[k]), 0.99).toFixed(2)} ms CPU\n`);
const total = rows.map((r) => r.filters + r.facets + r.page);
process.stdout.write(`total: p50 ${q(total, 0.5).toFixed(2)} p99 ${q(total, 0.99).toFixed(2)}\n`);
for (const r of rows.sort((a, b) => b.filters + b.facets + b.page - (a.filters + a.facets + a.page)).slice(0, 8)) process.stdout.write(`${(r.filters + r.facets + r.page).toFixed(1)} f ${r.filters.toFixed(1)} facets ${r.facets.toFixed(1)} page ${r.page.toFixed(1)} n ${r.size} ${r.q}\n`);
await store.close();
