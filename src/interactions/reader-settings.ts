import type { InteractionContext } from './context.ts';

/** A member's reading preferences kept by the reader's features. */
export interface ReaderSettings {
  /** Visits are not recorded while paused. */
  historyPaused: boolean;
  /** Receive the e-mail digest of unread notices (on by default). */
  emailDigest: boolean;
}

const DEFAULTS: ReaderSettings = { historyPaused: false, emailDigest: true };

/** Reading preferences: a row per member who changed one; the defaults otherwise. */
export class ReaderPreferences {
  constructor(private readonly ctx: InteractionContext) {}

  async get(accountId: number): Promise<ReaderSettings> {
    const row = await this.ctx.db.selectFrom('reader_settings').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    return row ? { historyPaused: row.history_paused === 1, emailDigest: row.email_digest === 1 } : DEFAULTS;
  }

  async set(accountId: number, change: Partial<ReaderSettings>): Promise<ReaderSettings> {
    const next = { ...(await this.get(accountId)), ...change };
    const values = { history_paused: next.historyPaused ? 1 : 0, email_digest: next.emailDigest ? 1 : 0 };
    await this.ctx.db.insertInto('reader_settings').values({ account_id: accountId, ...values }).onConflict((oc) => oc.column('account_id').doUpdateSet(values)).execute();
    return next;
  }
}
