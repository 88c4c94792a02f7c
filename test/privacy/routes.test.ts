import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testArchive } from '../factories.ts';
import { buildServer } from '../../src/web/server.ts';
import { registeredRoutes, routeKey } from './route-list.ts';
import { EXEMPT, LIST_SPECS, WORK_SPECS } from './specs.ts';

test('every registered route is in the privacy matrix or exempt with a reason', async (t) => {
  const archive = await testArchive();
  const app = await buildServer(archive);
  t.after(async () => {
    await app.close();
    await archive.close();
  });
  await app.ready();
  const routes = registeredRoutes(app);
  assert.ok(routes.length > 50, `printRoutes parsed: ${routes.length} routes`);
  const covered = new Set([...WORK_SPECS, ...LIST_SPECS].flatMap((s) => s.routes));
  const keys = new Set(routes.map(routeKey));
  const unchecked = routes
    .filter((r) => !(r.method === 'HEAD' && keys.has(`GET ${r.path}`)))
    .map(routeKey)
    .filter((k) => !covered.has(k) && !(k in EXEMPT));
  assert.deepEqual(unchecked, [], `routes with no row in test/privacy/specs.ts (add one to WORK_SPECS, LIST_SPECS or EXEMPT with a reason):\n${unchecked.join('\n')}`);
  const stale = [...covered, ...Object.keys(EXEMPT)].filter((k) => !keys.has(k));
  assert.deepEqual(stale, [], 'rows for routes the app does not have');
  for (const [key, reason] of Object.entries(EXEMPT)) assert.ok(reason.length > 5, `${key} needs a reason`);
});
