import { AccountService } from './accounts/account.service.ts';
import type { Config } from './config/config.ts';
import { Interactions } from './interactions/interactions.service.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { FilterProfiles } from './profiles/profiles.service.ts';
import { SearchService } from './search/search.service.ts';
import { openStore, type Store } from './store/store.ts';
import { PostingService } from './works/posting.service.ts';
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
  readonly accounts: AccountService;
  /** Posting and editing works from the web, for their creators (src/works/posting.service.ts). */
  readonly posting: PostingService;
  /** The reader's life: kudos, comments, bookmarks, subscriptions and inbox, history, blocks and mutes, hits (src/interactions). */
  readonly interactions: Interactions;
  /** Where the archive's mail goes (SMTP, or the outbox folder). */
  readonly mailer: Mailer;
  /** Full-text search, filters, sorts and facets (src/search; `await search.prepare()` at start-up). */
  readonly search: SearchService;
  /** Members' saved "never show me" filters (src/profiles; apply them with `hideRulesFor`). */
  readonly filterProfiles: FilterProfiles;
  close(): Promise<void>;
}

/** Opens the archive in `config.dataDir` (or in memory when it is `:memory:`). */
export async function openArchive(config: Config): Promise<Archive> {
  const store = await openStore({ dataDir: config.dataDir });
  return archiveOn(config, store);
}

/** Wires the services on an open store; `opts.clock` lets tests move time (sessions, tokens, login limits). */
export function archiveOn(config: Config, store: Store, opts: { clock?: () => Date } = {}): Archive {
  const events = new WorkEvents();
  const works = new WorkService(store, events, opts.clock);
  const search = new SearchService(store, events);
  const mailer = createMailer(config, opts.clock);
  const accounts = new AccountService(store, works, mailer, config, { clock: opts.clock });
  const interactions = new Interactions({ store, works, mailer, config, clock: opts.clock });
  return {
    config,
    store,
    events,
    works,
    accounts,
    posting: new PostingService(works, opts.clock),
    interactions,
    mailer,
    search,
    filterProfiles: new FilterProfiles(store.db, opts.clock),
    close: async () => {
      await mailer.close();
      await store.close();
    },
  };
}
