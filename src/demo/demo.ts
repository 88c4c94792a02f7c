import type { Archive } from '../archive.ts';
import { logger } from '../log.ts';
import type { Db } from '../store/schema.ts';
import { DEMO_WORKS, demoHash } from './library.ts';
import { wrangleDemo } from './wrangle-demo.ts';

export { DEMO_FANDOMS, DEMO_WORKS, DEMO_WRANGLING, demoHash } from './library.ts';

const log = logger('demo');

/** The `settings` key recording that the demo was loaded once (its value: when). */
export const DEMO_LOADED_SETTING = 'demo_loaded';

async function demoLoadedAt(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', DEMO_LOADED_SETTING).executeTakeFirst();
  return row?.value;
}

async function markDemoLoaded(db: Db, now: Date, note = ''): Promise<void> {
  const value = `${now.toISOString()}${note}`;
  await db
    .insertInto('settings')
    .values({ key: DEMO_LOADED_SETTING, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * Loads the demo library into `archive`, skipping works already there (each is marked with the
 * import hash `demo:<slug>`), then wrangles its tags. Returns how many works were created:
 * running it twice adds nothing the second time.
 *
 * @example await loadDemo(archive) // 13 on an empty archive, then 0
 */
export async function loadDemo(archive: Archive): Promise<number> {
  let created = 0;
  for (const demo of DEMO_WORKS) {
    const importHash = demoHash(demo.slug);
    if (await archive.works.findByImportHash(importHash)) continue;
    await archive.works.create({ ...demo.work, importHash });
    created++;
  }
  if (created > 0) await wrangleDemo(archive);
  await markDemoLoaded(archive.store.db, new Date());
  log.info({ created, total: DEMO_WORKS.length }, 'demo library loaded');
  return created;
}

/**
 * What the web server runs at start-up: loads the demo only if `config.demo` is on, the archive
 * has no works at all, and the demo was never loaded before (so an operator who deletes every
 * work does not get the demo back). Returns how many works were created.
 */
export async function loadDemoIfEmpty(archive: Archive): Promise<number> {
  if (!archive.config.demo) return 0;
  const db = archive.store.db;
  if ((await demoLoadedAt(db)) !== undefined) return 0;
  const anyWork = await db.selectFrom('works').select('id').limit(1).executeTakeFirst();
  if (anyWork) {
    // The archive started with works of its own: never offer the demo later, even once emptied.
    await markDemoLoaded(db, new Date(), ' (skipped: the archive already had works)');
    return 0;
  }
  return loadDemo(archive);
}
