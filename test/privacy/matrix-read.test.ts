import { test } from 'node:test';
import { report, runWorkSpecs } from './run.ts';
import { WORK_SPECS } from './specs.ts';
import { buildWorld } from './world.ts';

test('privacy matrix: work pages, chapters, ?view=full, every download format and work feeds', { timeout: 240_000 }, async (t) => {
  const world = await buildWorld(t);
  report(t, await runWorkSpecs(world, WORK_SPECS.filter((s) => s.via === undefined && (s.group === 'read' || s.group === 'feed'))));
});
