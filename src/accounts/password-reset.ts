import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import { invalid, type QuireError } from '../errors.ts';
import { logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Database } from '../store/schema.ts';
import { findAccountByEmail } from './account.repository.ts';
import { newToken, tokenHash } from './tokens.ts';

const log = logger('accounts');

/** A reset link works once, for one hour. */
export const RESET_TTL_MS = 3600 * 1000;
/** At most this many links per account per hour, so nobody can flood an inbox. */
export const RESET_MAX_PER_HOUR = 3;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The one answer for a reset token that is unknown, spent or too old. */
export function expiredResetToken(): QuireError {
  return invalid([{ field: 'token', message: 'This reset link has expired or was already used. Ask for a new one.' }]);
}

/** The link a reset message carries. */
export function resetLink(baseUrl: string, token: string): string {
  return `${baseUrl}/password/reset?token=${encodeURIComponent(token)}`;
}

/**
 * Forgotten passwords: a random token goes out by mail inside a link; the database keeps only
 * its sha256 and expiry. Using it deletes every outstanding token of the account.
 */
export class PasswordResets {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly mailer: Mailer,
    private readonly config: Pick<Config, 'baseUrl' | 'archiveName'>,
    private readonly clock: () => Date,
  ) {}

  /**
   * Mails a reset link when an account uses `email`; does nothing otherwise. The caller shows
   * the same answer either way, so the form reveals no addresses.
   */
  async request(email: string): Promise<void> {
    const account = await findAccountByEmail(this.db, email);
    if (!account) {
      log.info('password reset asked for an address no account uses');
      return;
    }
    const now = this.clock();
    await this.db.deleteFrom('password_resets').where('expires_at', '<=', now.toISOString()).execute();
    const recent = await this.db
      .selectFrom('password_resets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', account.id)
      .where('created_at', '>', new Date(now.getTime() - RESET_TTL_MS).toISOString())
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= RESET_MAX_PER_HOUR) {
      log.warn({ accountId: account.id }, 'password reset refused: too many links in the last hour');
      return;
    }
    const token = newToken();
    await this.db
      .insertInto('password_resets')
      .values({ id: tokenHash(token), account_id: account.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + RESET_TTL_MS).toISOString() })
      .execute();
    const name = this.config.archiveName;
    try {
      await this.mailer.send({
        to: account.email,
        subject: `Reset your password on ${name}`,
        text: [
          `Hello ${account.username},`,
          '',
          `someone (we hope you) asked to reset the password of your account on ${name}.`,
          'To choose a new password, open this link:',
          '',
          resetLink(this.config.baseUrl, token),
          '',
          'The link works once, for one hour. If you did not ask for it, ignore this message:',
          'your password has not changed.',
          '',
          `-- ${name}`,
        ].join('\n'),
      });
      log.info({ accountId: account.id }, 'password reset link sent');
    } catch (err) {
      log.error({ accountId: account.id, reason: err instanceof Error ? err.message : String(err) }, 'the password reset message could not be sent');
    }
  }

  /** The account a token would reset, if the token is live. */
  async accountFor(token: string): Promise<number | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const row = await this.db.selectFrom('password_resets').select(['account_id', 'expires_at']).where('id', '=', tokenHash(token)).executeTakeFirst();
    if (!row || Date.parse(row.expires_at) <= this.clock().getTime()) return undefined;
    return row.account_id;
  }

  /**
   * Inside the reset transaction: spends `token` (and every other token of its account) and
   * returns the account id, or throws `validation_failed` on `token` when it is unknown, used or expired.
   */
  async consume(trx: Kysely<Database>, token: string): Promise<number> {
    const expired = expiredResetToken();
    if (!TOKEN.test(token)) throw expired;
    const row = await trx.selectFrom('password_resets').select(['account_id', 'expires_at']).where('id', '=', tokenHash(token)).executeTakeFirst();
    if (!row) throw expired;
    const gone = await trx.deleteFrom('password_resets').where('id', '=', tokenHash(token)).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1 || Date.parse(row.expires_at) <= this.clock().getTime()) throw expired;
    await trx.deleteFrom('password_resets').where('account_id', '=', row.account_id).execute();
    return row.account_id;
  }
}
