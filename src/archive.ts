import { AccountService } from './accounts/account.service.ts';
import { ChangeLog } from './cluster/change-log.ts';
import type { Config } from './config/config.ts';
import { Interactions } from './interactions/interactions.service.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { FilterProfiles } from './profiles/profiles.service.ts';
import type { SearchService } from './search/search.service.ts';
import { searchFor } from './archive-search.ts';
import { memoryStore, openStore, type Store } from './store/store.ts';
import { WranglingService } from './tags/wrangling.service.ts';
import { RatingHints } from './suggest/rating-hints.ts';
import { SuggestService } from './suggest/suggest.service.ts';
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
  /** Tag wrangling with its audit log, for wranglers, administrators and the CLI (src/tags/wrangling.service.ts). */
  readonly wrangling: WranglingService;
  /** Metadata suggestions from a work's text, with evidence (src/suggest; docs/suggestions.md). */
  readonly suggest: SuggestService;
  /** The latest rating hint per work and the administrators' review queue (kept by a work listener). */
  readonly ratingHints: RatingHints;
  /** The change log other processes follow, and this process's follower of theirs (src/cluster; docs/scaling.md). */
  readonly changes: ChangeLog;
  close(): Promise<void>;
}

/** Opens the archive in `config.dataDir` (or in memory when it is `:memory:`). */
export async function openArchive(config: Config): Promise<Archive> {
  // `:memory:` is the tests' archive: the store the test run asks for (memoryStore: SQLite, or PostgreSQL).
  const store = config.dataDir === ':memory:' && !config.databaseUrl ? await memoryStore() : await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  return archiveOn(config, store);
}

/** Wires the services on an open store; `opts.clock` lets tests move time (sessions, tokens, login limits). */
export function archiveOn(config: Config, store: Store, opts: { clock?: () => Date } = {}): Archive {
  const events = new WorkEvents();
  const changes = new ChangeLog(store, events, opts.clock);
  const works = new WorkService(store, events, opts.clock);
  const search = searchFor(store, events);
  const mailer = createMailer(config, opts.clock);
  const accounts = new AccountService(store, works, mailer, config, { clock: opts.clock });
  const interactions = new Interactions({ store, works, mailer, config, clock: opts.clock });
  const suggest = new SuggestService(store, events);
  const ratingHints = new RatingHints(store, suggest, opts.clock);
  events.subscribe(ratingHints);
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
    wrangling: new WranglingService(store, events, opts.clock),
    suggest,
    ratingHints,
    changes,
    close: async () => {
      await mailer.close();
      await store.close();
    },
  };
}
