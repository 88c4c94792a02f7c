import type { Db } from '../store/schema.ts';
import { findAccount, pseudIdsOf } from './account.repository.ts';
import type { Account } from './account.types.ts';
import { newToken, tokenHash } from './tokens.ts';

/** A session lasts 30 days from the last visit (sliding). */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** The row's last-seen time and expiry are written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface ResolvedSession {
  account: Account;
  pseudIds: number[];
  expiresAt: Date;
  /** True when the expiry moved forward on this request (the cookie should be sent again). */
  refreshed: boolean;
}

export interface SessionSummary {
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  current: boolean;
}

/** "Firefox on Linux": enough to recognise one's own browsers on the account page. */
export function summarizeUserAgent(ua: string | undefined): string {
  if (!ua) return 'Unknown browser';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : /curl|wget|bot/i.test(ua) ? 'Program' : 'Browser';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : undefined;
  return os ? `${browser} on ${os}` : browser;
}

/**
 * Sessions in the database. The browser holds a random 32-byte token; the row's id is its
 * sha256, so the table alone signs nobody in.
 */
export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  /** Starts a session; returns the token for the cookie (shown nowhere else) and its expiry. */
  async create(accountId: number, userAgent: string | undefined): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.db
      .insertInto('sessions')
      .values({ id: tokenHash(token), account_id: accountId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), last_seen_at: now.toISOString(), user_agent: summarizeUserAgent(userAgent) })
      .execute();
    return { token, expiresAt };
  }

  /** The account behind a cookie token, or undefined (unknown, malformed or expired: an expired row is removed). */
  async resolve(token: string | undefined): Promise<ResolvedSession | undefined> {
    if (!token || !TOKEN.test(token)) return undefined;
    const id = tokenHash(token);
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const now = this.clock();
    if (Date.parse(row.expires_at) <= now.getTime()) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      return undefined;
    }
    const account = await findAccount(this.db, row.account_id);
    if (!account) return undefined;
    let expiresAt = new Date(row.expires_at);
    let refreshed = false;
    if (now.getTime() - Date.parse(row.last_seen_at) >= SESSION_TOUCH_MS) {
      expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      refreshed = true;
      await this.db.updateTable('sessions').set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() }).where('id', '=', id).execute();
    }
    return { account, pseudIds: await pseudIdsOf(this.db, account.id), expiresAt, refreshed };
  }

  /** Ends the session of `token` (logging out). */
  async destroy(token: string | undefined): Promise<void> {
    if (!token || !TOKEN.test(token)) return;
    await this.db.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();
  }

  /** Ends every session of an account except the one holding `keepToken`. Returns how many ended. */
  async destroyAll(accountId: number, keepToken?: string): Promise<number> {
    let q = this.db.deleteFrom('sessions').where('account_id', '=', accountId);
    if (keepToken) q = q.where('id', '!=', tokenHash(keepToken));
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** An account's live sessions, most recent first; `current` marks the one holding `token`. */
  async list(accountId: number, token?: string): Promise<SessionSummary[]> {
    const current = token ? tokenHash(token) : '';
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('expires_at', '>', this.clock().toISOString())
      .orderBy('last_seen_at', 'desc')
      .execute();
    return rows.map((r) => ({ createdAt: r.created_at, lastSeenAt: r.last_seen_at, userAgent: r.user_agent, current: r.id === current }));
  }

  /** Removes expired sessions. */
  async prune(): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<=', this.clock().toISOString()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
