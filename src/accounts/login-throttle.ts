import type { Db } from '../store/schema.ts';

/**
 * Login limits (REFERENCE §4, AO3's figures): at most 5 attempts per 20 seconds per IP address
 * and per account; after 10 failures in a row an account is locked for 15 minutes. Counters live
 * in the database so several server processes share them. Attempts on a name that has no
 * account are counted and locked the same way, so the limits reveal nothing about who exists.
 */
export const LOGIN_WINDOW_MS = 20_000;
export const LOGIN_MAX_ATTEMPTS = 5;
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;
/** A run of failures with no new one for a day is forgotten (so the table does not grow without end). */
export const FAILURES_KEPT_MS = 24 * 3600_000;

export type ThrottleVerdict = { ok: true } | { ok: false; reason: 'throttled' | 'locked'; retryAt: Date };

export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  /**
   * Whether another attempt may be made now. When it may, the attempt is counted in every
   * bucket (e.g. `ip:203.0.113.9` and `account:12`); a refused attempt is not counted.
   */
  async attempt(ipBucket: string, accountBucket: string): Promise<ThrottleVerdict> {
    const now = this.clock().getTime();
    const lock = await this.db.selectFrom('login_failures').select('locked_until').where('bucket', '=', accountBucket).executeTakeFirst();
    if (lock?.locked_until && lock.locked_until > now) return { ok: false, reason: 'locked', retryAt: new Date(lock.locked_until) };
    const since = now - LOGIN_WINDOW_MS;
    for (const bucket of [ipBucket, accountBucket]) {
      const rows = await this.db.selectFrom('login_attempts').select('at').where('bucket', '=', bucket).where('at', '>', since).orderBy('at').execute();
      if (rows.length >= LOGIN_MAX_ATTEMPTS) {
        const oldest = rows[rows.length - LOGIN_MAX_ATTEMPTS]!.at;
        return { ok: false, reason: 'throttled', retryAt: new Date(oldest + LOGIN_WINDOW_MS) };
      }
    }
    await this.db.deleteFrom('login_attempts').where('at', '<=', since).execute();
    await this.db.insertInto('login_attempts').values([{ bucket: ipBucket, at: now }, { bucket: accountBucket, at: now }]).execute();
    return { ok: true };
  }

  /** Counts a failed attempt; the tenth in a row locks the bucket. Returns the lock's end, if it locked. */
  async failed(accountBucket: string): Promise<Date | undefined> {
    const now = this.clock().getTime();
    await this.db.deleteFrom('login_failures').where('updated_at', '<', now - FAILURES_KEPT_MS).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])).execute();
    const row = await this.db.selectFrom('login_failures').selectAll().where('bucket', '=', accountBucket).executeTakeFirst();
    const failures = (row && (!row.locked_until || row.locked_until > now) ? row.failures : 0) + 1;
    const lockedUntil = failures >= LOCK_AFTER_FAILURES ? now + LOCK_MS : null;
    const values = { failures: lockedUntil ? 0 : failures, locked_until: lockedUntil, updated_at: now };
    // An upsert: two failures at once (several processes) must not both insert.
    await this.db.insertInto('login_failures').values({ bucket: accountBucket, ...values }).onConflict((oc) => oc.column('bucket').doUpdateSet(values)).execute();
    return lockedUntil ? new Date(lockedUntil) : undefined;
  }

  /** A successful login (or a password reset) clears the failures and any lock. */
  async succeeded(accountBucket: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('bucket', '=', accountBucket).execute();
  }
}
