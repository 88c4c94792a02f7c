import { test } from 'node:test';
import { report, runListSpecs, runWorkSpecs } from './run.ts';
import { LIST_SPECS, WORK_SPECS } from './specs.ts';
import { buildWorld } from './world.ts';

test('privacy matrix: the JSON API by personal access token (works, chapters, writes, lists, the owner\'s lists)', { timeout: 240_000 }, async (t) => {
  const world = await buildWorld(t);
  // The lists first: the write cells below take works off the viewers' own lists.
  const lists = await runListSpecs(world, LIST_SPECS.filter((s) => s.via === 'api'));
  const works = await runWorkSpecs(world, WORK_SPECS.filter((s) => s.via === 'api'));
  report(t, { cells: works.cells + lists.cells, failures: [...works.failures, ...lists.failures] });
});

test('privacy matrix: the OPDS catalog by app password (feeds, a work\'s entry, the reader\'s shelves)', { timeout: 240_000 }, async (t) => {
  const world = await buildWorld(t);
  // The lists first: the write cells below take works off the viewers' own lists.
  const lists = await runListSpecs(world, LIST_SPECS.filter((s) => s.via === 'opds'));
  const works = await runWorkSpecs(world, WORK_SPECS.filter((s) => s.via === 'opds'));
  report(t, { cells: works.cells + lists.cells, failures: [...works.failures, ...lists.failures] });
});
