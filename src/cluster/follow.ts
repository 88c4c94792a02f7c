import type { Archive } from '../archive.ts';
import { logger } from '../log.ts';
import type { FollowOptions } from './change-follower.ts';
import { listenForChanges, type ChangeListener } from './pg-listen.ts';

const log = logger('cluster');

export interface Following {
  /** Starts reading the log (polling, and on PostgreSQL listening for notifications). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps this process's search engine current with the other processes' writes (docs/scaling.md).
 * Call it before the engine loads: the cursor is taken now, so no write falls between the load
 * and the first read; call `start()` once the engine is loaded.
 *
 * @example const f = await followChanges(archive); await archive.search.prepare(); await f.start();
 */
export async function followChanges(archive: Archive, opts: Partial<FollowOptions> = {}): Promise<Following> {
  const follower = archive.changes.follow(archive.search, opts);
  await follower.mark();
  let listener: ChangeListener | undefined;
  return {
    async start() {
      await follower.start();
      const url = archive.config.databaseUrl;
      if (archive.store.dialect === 'postgres' && url) {
        try {
          listener = await listenForChanges(url, () => follower.wake());
          log.info('listening for change notifications');
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'could not listen for change notifications; reading the change log by polling only');
        }
      }
    },
    async stop() {
      await listener?.close();
      await follower.stop();
    },
  };
}
