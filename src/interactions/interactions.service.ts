import { followChapterMoves } from './comments/chapter-moves.ts';
import type { Config } from '../config/config.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Store } from '../store/store.ts';
import type { WorkService } from '../works/work.service.ts';
import { Bookmarks } from './bookmarks/bookmarks.service.ts';
import { Comments } from './comments/comments.service.ts';
import type { InteractionContext } from './context.ts';
import { recountAll } from './counters.ts';
import { History } from './history.ts';
import { Hits } from './hits.ts';
import { Digest } from './inbox/digest.ts';
import { Inbox } from './inbox/inbox.ts';
import { Notifier } from './inbox/notifier.ts';
import { Kudos } from './kudos.ts';
import { Later } from './later.ts';
import { ReaderPreferences } from './reader-settings.ts';
import { AccountRelations, mutedPseudIds } from './relations.ts';
import { Subscriptions } from './subscriptions.ts';
import { VisitorKey } from './visitor-key.ts';

export interface InteractionsDeps {
  store: Store;
  works: WorkService;
  mailer: Mailer;
  config: Pick<Config, 'dataDir' | 'baseUrl' | 'archiveName'>;
  clock?: () => Date;
}

/**
 * The reader's life (issue 4): kudos, comments, bookmarks, subscriptions and the inbox,
 * the e-mail digest, mark for later, reading history, blocks, mutes and hits. Built once per
 * archive; it listens to the work events to file subscription notices. Every action on a work
 * first checks that the reader may see it (`canView`): a work they cannot see is `not_found`.
 */
export class Interactions {
  readonly prefs: ReaderPreferences;
  readonly blocks: AccountRelations;
  readonly mutes: AccountRelations;
  readonly kudos: Kudos;
  readonly inbox: Inbox;
  readonly comments: Comments;
  readonly bookmarks: Bookmarks;
  readonly subscriptions: Subscriptions;
  readonly history: History;
  readonly later: Later;
  readonly hits: Hits;
  readonly digest: Digest;
  private readonly ctx: InteractionContext;

  constructor(deps: InteractionsDeps) {
    const ctx: InteractionContext = {
      db: deps.store.db,
      works: deps.works,
      events: deps.works.events,
      clock: deps.clock ?? (() => new Date()),
      visitors: new VisitorKey(deps.config.dataDir),
    };
    this.ctx = ctx;
    this.prefs = new ReaderPreferences(ctx);
    this.blocks = new AccountRelations(ctx, 'block');
    this.mutes = new AccountRelations(ctx, 'mute');
    this.kudos = new Kudos(ctx, this.blocks);
    this.inbox = new Inbox(ctx);
    this.comments = new Comments(ctx, this.blocks, this.inbox);
    this.bookmarks = new Bookmarks(ctx);
    this.subscriptions = new Subscriptions(ctx);
    this.history = new History(ctx, this.prefs);
    this.later = new Later(ctx);
    this.hits = new Hits(ctx);
    this.digest = new Digest(ctx, this.inbox, deps.mailer, deps.config);
    ctx.events.subscribe(new Notifier(ctx, this.subscriptions, this.inbox));
    // Comments name their chapter by position: they follow reorders and deletes in the same transaction.
    ctx.events.addIndexer({ chaptersMoved: followChapterMoves });
  }

  /**
   * The pen names of every account `accountId` muted: listings leave their works out
   * (`WorkService.list({ excludePseudIds })`; the search engine as an exclusion bitmap).
   */
  mutedPseudIds(accountId: number): Promise<number[]> {
    return mutedPseudIds(this.ctx.db, accountId);
  }

  /** The account behind a pen name (null for an imported creator, undefined for no such pen name). */
  async pseudAccount(pseudId: number): Promise<number | null | undefined> {
    const row = await this.ctx.db.selectFrom('pseuds').select('account_id').where('id', '=', pseudId).executeTakeFirst();
    return row?.account_id;
  }

  /** Recounts every work's kudos, comments and public bookmarks; returns how many changed. */
  recountAll(): Promise<number> {
    return recountAll(this.ctx.db, this.ctx.events);
  }
}
