import { test } from 'node:test';
import { report, runListSpecs } from './run.ts';
import { LIST_SPECS } from './specs.ts';
import { buildWorld } from './world.ts';

test('privacy matrix: listings, counts, facets, tag and series pages, bookmarks, feeds, search', { timeout: 240_000 }, async (t) => {
  const world = await buildWorld(t);
  report(t, await runListSpecs(world, LIST_SPECS.filter((s) => s.via === undefined && (s.group === 'lists' || s.group === 'feed'))));
});

test("privacy matrix: the viewer's own lists (bookmarks, later, history, subscriptions, inbox, drafts)", { timeout: 240_000 }, async (t) => {
  const world = await buildWorld(t);
  report(t, await runListSpecs(world, LIST_SPECS.filter((s) => s.via === undefined && (s.group === 'own'))));
});
