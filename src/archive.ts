import type { Config } from './config/config.ts';
import { openStore, type Store } from './store/store.ts';
import { WorkEvents } from './works/work.events.ts';
import { WorkService } from './works/work.service.ts';

/**
 * Everything an edge (web, CLI) needs, wired once. Edges translate requests into calls of
 * these services and never touch the database themselves.
 */
export interface Archive {
  readonly config: Config;
  readonly store: Store;
  readonly events: WorkEvents;
  readonly works: WorkService;
  close(): Promise<void>;
}

/** Opens the archive in `config.dataDir` (or in memory when it is `:memory:`). */
export async function openArchive(config: Config): Promise<Archive> {
  const store = await openStore({ dataDir: config.dataDir });
  return archiveOn(config, store);
}

export function archiveOn(config: Config, store: Store): Archive {
  const events = new WorkEvents();
  const works = new WorkService(store, events);
  return {
    config,
    store,
    events,
    works,
    close: () => store.close(),
  };
}
