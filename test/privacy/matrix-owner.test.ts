import { test } from 'node:test';
import { report, runWorkSpecs } from './run.ts';
import { WORK_SPECS } from './specs.ts';
import { buildWorld } from './world.ts';

test('privacy matrix: edit, delete, post, chapter and moderation routes', { timeout: 240_000 }, async (t) => {
  const world = await buildWorld(t);
  report(t, await runWorkSpecs(world, WORK_SPECS.filter((s) => s.via === undefined && (s.group === 'owner'))));
});
