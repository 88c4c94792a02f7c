import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import type { Probe, ListSpec, WorkSpec } from './specs.ts';
import { mayView, secretsOf, SHARED, STATES, VIEWERS, type MatrixWork, type State, type ViewerName, type World } from './world.ts';

/** Ids no row has: what a guessed URL gets. */
const GHOST: MatrixWork = {
  state: 'posted',
  id: 999_901,
  chapterIds: [999_902, 999_903, 999_904],
  seriesId: 999_905,
  comments: { main: 999_906, freeze: 999_907, remove: Object.fromEntries(VIEWERS.map((v) => [v, 999_908])) as Record<ViewerName, number> },
  keeperBookmark: 999_909,
  keeperSubscription: 999_910,
};

/** The viewer's client for a spec: the browser's (cookies), or the API's or OPDS's credentials. */
const clientFor = (world: World, via: 'web' | 'api' | 'opds' | undefined, v: ViewerName) => (via === 'api' ? world.api[v] : via === 'opds' ? world.opds[v] : world.clients[v]);

/** The cells run and the problems found, each naming its cell: "guest × draft × GET /works/:id/download.epub: …". */
export interface Tally {
  cells: number;
  failures: string[];
}

const cellName = (v: ViewerName, s: State, p: Probe) => `${v} × ${s} × ${p.method} ${p.url.replace(/\/\d{6}\b/g, '/:ghost')}${p.label ? ` (${p.label})` : ''}`;

/** The strings of `state`'s work found in `body`, leaving out what the URL itself says (a tag page echoes its name). */
function leaks(body: string, state: State, echo: string): string[] {
  return Object.values(secretsOf(state)).filter((secret) => !echo.includes(secret) && body.includes(secret));
}

/** Everything a cell could change about a work: its row (stats and hits included), comments, bookmarks, moderation record. */
async function snapshot(world: World, workId: number): Promise<string> {
  const db = world.archive.store.db;
  const work = await world.archive.works.get(workId);
  const comments = await db.selectFrom('comments').select(['id', 'body', 'frozen', 'status', 'deleted']).where('work_id', '=', workId).orderBy('id').execute();
  const bookmarks = await db.selectFrom('bookmarks').select(['id', 'notes', 'updated_at']).where('work_id', '=', workId).orderBy('id').execute();
  const later = await db.selectFrom('later_works').select('account_id').where('work_id', '=', workId).orderBy('account_id').execute();
  const subs = await db.selectFrom('subscriptions').select('account_id').where('kind', '=', 'work').where('target_id', '=', workId).orderBy('account_id').execute();
  const moderation = await db.selectFrom('work_moderation').select('id').where('work_id', '=', workId).execute();
  return JSON.stringify({ work, comments, bookmarks, later, subs, moderation });
}

/** Runs every cell of `specs`: each viewer × each state × each probe, against the world's works. */
export async function runWorkSpecs(world: World, specs: readonly WorkSpec[]): Promise<Tally> {
  const tally: Tally = { cells: 0, failures: [] };
  for (const spec of specs) {
    for (const v of VIEWERS) {
      const client = clientFor(world, spec.via, v);
      const ghosts: LightMyRequestResponse[] = [];
      for (const p of spec.probes(GHOST, v, world)) ghosts.push(await client.request(p.method, p.url, p.form, p.json));
      for (const s of STATES) {
        const visible = (spec.sees ?? mayView)(v, s);
        const target = visible && spec.fresh?.(v, s) ? { ...GHOST, state: s, ...(await world.freshWork(s, `${v} ${s}`)) } : world.works[s];
        const before = visible || spec.ownList ? '' : await snapshot(world, target.id);
        const probes = spec.probes(target, v, world);
        for (const [i, p] of probes.entries()) {
          tally.cells++;
          const name = cellName(v, s, p);
          const res = await client.request(p.method, p.url, p.form, p.json);
          const ghost = ghosts[i]!;
          const outcome = p.outcome ?? spec.expect(v, s);
          if (visible) {
            const want = outcome === 'ghost' ? [ghost.statusCode] : outcome;
            if (!want.includes(res.statusCode)) tally.failures.push(`${name}: answered ${res.statusCode}, expected ${want.join(' or ')}${outcome === 'ghost' ? ' (as for no work)' : ''}`);
            if (spec.group === 'read' && p.method === 'GET' && res.statusCode === 200 && /html|json|xml/.test(String(res.headers['content-type'])) && !res.body.includes(p.shows ?? secretsOf(s).title)) tally.failures.push(`${name}: the page does not show the work`);
          } else {
            if (res.statusCode !== ghost.statusCode) tally.failures.push(`${name}: answered ${res.statusCode}, but ${ghost.statusCode} for a work that does not exist: the URL tells them apart`);
            const found = leaks(res.body, s, '');
            if (found.length) tally.failures.push(`${name}: the answer shows ${found.map((f) => JSON.stringify(f)).join(', ')}`);
          }
        }
        if (!visible && !spec.ownList) {
          const after = await snapshot(world, target.id);
          if (after !== before) tally.failures.push(`${v} × ${s} × ${spec.routes.join(', ')}: changed the work it cannot see`);
        }
      }
    }
  }
  return tally;
}

/** "21 – 40 of 45 works" → 45; "3 bookmarks" → 3. */
function countOn(body: string): number | undefined {
  const doc = parseDocument(body);
  const el = findAll((e) => e.name === 'p' && (getAttributeValue(e, 'class') ?? '').split(/\s+/).includes('listing-count'), doc.children)[0];
  if (!el) return undefined;
  const m = /([\d,]+) (?:works?|bookmarks?)(?: found)?\s*$/.exec(textContent(el).replace(/\s+/g, ' ').trim());
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/** Works (or bookmarks) listed on a page. */
function itemsOn(body: string): number {
  const doc = parseDocument(body);
  const has = (cls: string) => findAll((e) => e.name === 'li' && (getAttributeValue(e, 'class') ?? '').split(/\s+/).includes(cls), doc.children).length;
  return has('bookmark') || has('blurb');
}

/** The count beside the shared fandom on /fandoms. */
function fandomCount(body: string): number {
  const m = new RegExp(`>${SHARED.fandom}</a> <span class="count">\\((\\d+)\\)`).exec(body);
  return m ? Number(m[1]) : 0;
}

/** Runs every listing of `specs` for every viewer, checking each state's work on it. */
export async function runListSpecs(world: World, specs: readonly ListSpec[]): Promise<Tally> {
  const tally: Tally = { cells: 0, failures: [] };
  for (const spec of specs) {
    const sees = spec.sees ?? mayView;
    const marker = spec.marker ?? 'title';
    for (const v of VIEWERS) {
      const client = clientFor(world, spec.via, v);
      if (spec.perState) {
        for (const s of STATES) {
          const url = spec.url(v, world, s);
          if (url === undefined) continue;
          tally.cells++;
          const name = `${v} × ${s} × GET ${url}`;
          const res = await client.get(url);
          const visible = sees(v, s);
          if (!visible) {
            if (res.statusCode !== 404) tally.failures.push(`${name}: answered ${res.statusCode}, expected 404`);
            const found = leaks(res.body, s, decodeURIComponent(url));
            if (found.length) tally.failures.push(`${name}: the answer shows ${found.map((f) => JSON.stringify(f)).join(', ')}`);
          } else if (spec.required(v, s)) {
            if (res.statusCode !== 200 || !res.body.includes(secretsOf(s)[marker])) tally.failures.push(`${name}: answered ${res.statusCode} without the work, which the viewer may see`);
          } else if (res.statusCode !== 200 && res.statusCode !== 404) tally.failures.push(`${name}: answered ${res.statusCode}`);
        }
        continue;
      }
      const url = spec.url(v, world, 'posted');
      if (url === undefined) continue;
      const res = await client.get(url);
      const status = spec.status?.(v) ?? 200;
      if (res.statusCode !== status) {
        tally.failures.push(`${v} × GET ${url}: answered ${res.statusCode}, expected ${status}`);
        continue;
      }
      const listed: Partial<Record<State, boolean>> = {};
      for (const s of STATES) {
        tally.cells++;
        const name = `${v} × ${s} × GET ${url}`;
        const present = res.body.includes(secretsOf(s)[marker]);
        listed[s] = present;
        if (!sees(v, s)) {
          const found = leaks(res.body, s, decodeURIComponent(url));
          if (found.length) tally.failures.push(`${name}: shows ${found.map((f) => JSON.stringify(f)).join(', ')} of a work the viewer may not see`);
        } else if (status === 200 && spec.required(v, s) && !present) {
          tally.failures.push(`${name}: leaves out a work the viewer may see`);
        }
      }
      if (spec.counts === 'listing' && status === 200) {
        const count = countOn(res.body);
        const items = itemsOn(res.body);
        if (count !== items) tally.failures.push(`${v} × GET ${url}: the count says ${count} but ${items} are listed`);
      }
      if (spec.counts === 'json' && status === 200) {
        const page = JSON.parse(res.body) as { total?: number; items?: unknown[] };
        if (page.total !== page.items?.length) tally.failures.push(`${v} × GET ${url}: the total says ${page.total} but ${page.items?.length} are listed`);
      }
      if (spec.counts === 'opds' && status === 200) {
        const total = /<opensearch:totalResults>(\d+)</.exec(res.body)?.[1];
        const entries = res.body.match(/<entry[\s>]/g)?.length ?? 0;
        if (total === undefined || Number(total) !== entries) tally.failures.push(`${v} × GET ${url}: totalResults says ${total} but ${entries} entries are listed`);
      }
      if (spec.counts === 'fandoms') {
        const want = 1 + STATES.filter((s) => listed[s]).length;
        if (fandomCount(res.body) !== want) tally.failures.push(`${v} × GET ${url}: ${SHARED.fandom} counts ${fandomCount(res.body)}, but the base work and ${want - 1} listed fandoms make ${want}`);
      }
    }
  }
  return tally;
}

/** Fails with every problem listed, one per line, or passes saying how many cells ran. */
export function report(t: { diagnostic(message: string): void }, tally: Tally): void {
  t.diagnostic(`${tally.cells} cells`);
  if (tally.failures.length > 0) assert.fail(`${tally.failures.length} of ${tally.cells} cells failed:\n${tally.failures.join('\n')}`);
}
