import type { Config } from '../config/config.ts';
import { invalid, notFound, QuireError, type FieldIssue } from '../errors.ts';
import { logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Store } from '../store/store.ts';
import { foldName } from '../tags/tag.types.ts';
import type { WorkService } from '../works/work.service.ts';
import { deleteAccountAndWorks, type DeletionReport, type WorksChoice } from './account-deletion.ts';
import { findAccount, findAccountByEmail, findAccountByLogin, findAccountByUsername, passwordHashOf } from './account.repository.ts';
import { emailKey, emailSchema, parseRole, passwordSchema, usernameKey, usernameSchema, type Account, type Role } from './account.types.ts';
import { Invitations } from './invitations.ts';
import { LoginThrottle } from './login-throttle.ts';
import { DEFAULT_COST, hashPassword, needsRehash, verifyNothing, verifyPassword, type HashCost } from './password.ts';
import { expiredResetToken, PasswordResets } from './password-reset.ts';
import { isUniqueViolation, PenNames } from './pen-names.ts';
import { Sessions } from './sessions.ts';
import { parseOrThrow } from './validate.ts';

const log = logger('accounts');

export interface AccountServiceOptions {
  clock?: () => Date;
  /** argon2id cost (default: OWASP's minimum, 19 MiB and 2 passes). */
  hashCost?: HashCost;
}

export interface NewAccount {
  username: string;
  email: string;
  password: string;
  /** Needed when sign-up is by invitation. */
  invitation?: string;
}

export type LoginResult =
  | { ok: true; account: Account; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' | 'throttled' | 'locked'; retryAt?: Date };

/** The login bucket a name counts against: the account's own, or the typed name's when no account has it. */
function loginBucket(account: Account | undefined, login: string): string {
  return account ? `account:${account.id}` : `login:${foldName(login).slice(0, 254)}`;
}

/**
 * Accounts: sign-up (open, by invitation, or closed, as configured), login with limits,
 * sessions, forgotten passwords, e-mail and password changes, pen names, roles and deletion.
 * Passwords are argon2id hashes and are never logged; so are tokens.
 */
export class AccountService {
  readonly sessions: Sessions;
  readonly invitations: Invitations;
  readonly penNames: PenNames;
  readonly resets: PasswordResets;
  readonly throttle: LoginThrottle;
  private readonly clock: () => Date;
  private readonly cost: HashCost;

  constructor(
    readonly store: Store,
    private readonly works: WorkService,
    readonly mailer: Mailer,
    private readonly config: Pick<Config, 'signup' | 'baseUrl' | 'archiveName'>,
    opts: AccountServiceOptions = {},
  ) {
    this.clock = opts.clock ?? (() => new Date());
    this.cost = opts.hashCost ?? DEFAULT_COST;
    const db = store.db;
    this.sessions = new Sessions(db, this.clock);
    this.invitations = new Invitations(db, this.clock);
    this.penNames = new PenNames(db, works.events, this.clock);
    this.resets = new PasswordResets(db, mailer, config, this.clock);
    this.throttle = new LoginThrottle(db, this.clock);
  }

  get(id: number): Promise<Account | undefined> {
    return findAccount(this.store.db, id);
  }

  byUsername(username: string): Promise<Account | undefined> {
    return findAccountByUsername(this.store.db, username);
  }

  /** Sign-up from the web, as `QUIRE_SIGNUP` allows: `forbidden` when closed, an invitation code when by invitation. */
  async signUp(input: NewAccount): Promise<Account> {
    if (this.config.signup === 'closed') throw new QuireError('forbidden', 'New accounts cannot be made here at the moment: sign-ups are closed.');
    const invitation = this.config.signup === 'invite' ? (input.invitation ?? '').trim() : undefined;
    if (invitation !== undefined && invitation === '') throw invalid([{ field: 'invitation', message: 'is needed: this archive signs up by invitation' }]);
    return this.create(input, 'member', invitation);
  }

  /**
   * Makes an account with a role (the CLI's `quire admin create`; sign-up goes through `signUp`).
   * Its first pen name is the username. Throws `validation_failed` listing every bad field.
   */
  async create(input: NewAccount, role: Role = 'member', invitation?: string): Promise<Account> {
    const issues: FieldIssue[] = [];
    const username = usernameSchema.safeParse(input.username);
    const email = emailSchema.safeParse(input.email);
    const password = passwordSchema.safeParse(input.password);
    if (!username.success) issues.push({ field: 'username', message: username.error.issues[0]!.message });
    if (!email.success) issues.push({ field: 'email', message: email.error.issues[0]!.message });
    if (!password.success) issues.push({ field: 'password', message: password.error.issues[0]!.message });
    const db = this.store.db;
    issues.push(...(await this.unavailable(username.success ? username.data : undefined, email.success ? email.data : undefined)));
    if (invitation !== undefined && !(await this.invitations.isOpen(invitation))) issues.push({ field: 'invitation', message: 'is not a valid invitation code, or it was already used' });
    if (issues.length > 0 || !username.success || !email.success || !password.success) throw invalid(issues);

    const hash = await hashPassword(password.data, this.cost);
    const now = this.clock().toISOString();
    try {
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('accounts')
          .values({ username: username.data, username_key: usernameKey(username.data), email: email.data, email_key: emailKey(email.data), password_hash: hash, role, default_pseud_id: null, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const pseud = await trx.insertInto('pseuds').values({ name: username.data, name_key: foldName(username.data), account_id: row.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
        await trx.updateTable('accounts').set({ default_pseud_id: pseud.id }).where('id', '=', row.id).execute();
        if (invitation !== undefined) await this.invitations.redeem(trx, invitation, row.id);
        return row.id;
      });
      log.info({ accountId: id, role }, 'account created');
      return (await this.get(id))!;
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid([{ field: 'username', message: 'or e-mail address is already taken' }]);
      throw err;
    }
  }

  /**
   * Which of a (well-formed) username and e-mail address are already taken: a username by
   * another account or by any pen name (an imported creator's too), an address by another account.
   */
  async unavailable(username: string | undefined, email: string | undefined): Promise<FieldIssue[]> {
    const db = this.store.db;
    const issues: FieldIssue[] = [];
    if (username) {
      const pseud = await db.selectFrom('pseuds').select('id').where('name_key', '=', foldName(username)).executeTakeFirst();
      if (pseud || (await findAccountByUsername(db, username))) issues.push({ field: 'username', message: 'is already taken' });
    }
    if (email && (await findAccountByEmail(db, email))) issues.push({ field: 'email', message: 'is already used by another account' });
    return issues;
  }

  /**
   * Checks a username (or e-mail) and password under the login limits and starts a session.
   * Unknown name and wrong password give the same `invalid` answer, in about the same time.
   */
  async logIn(login: string, password: string, ip: string, userAgent?: string): Promise<LoginResult> {
    const name = login.trim().slice(0, 254);
    const account = name === '' ? undefined : await findAccountByLogin(this.store.db, name);
    const bucket = loginBucket(account, name);
    const verdict = await this.throttle.attempt(`ip:${ip}`, bucket);
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason, accountId: account?.id }, 'login refused by the limits');
      return verdict;
    }
    const hash = account && password.length <= 1000 ? await passwordHashOf(this.store.db, account.id) : undefined;
    const ok = hash ? await verifyPassword(hash, password) : (await verifyNothing(password.slice(0, 1000), this.cost), false);
    if (!ok || !account || !hash) {
      const lockedUntil = await this.throttle.failed(bucket);
      log.info({ accountId: account?.id, locked: !!lockedUntil }, 'login failed');
      return lockedUntil ? { ok: false, reason: 'locked', retryAt: lockedUntil } : { ok: false, reason: 'invalid' };
    }
    await this.throttle.succeeded(bucket);
    if (needsRehash(hash, this.cost)) await this.setPasswordHash(account.id, await hashPassword(password, this.cost));
    const session = await this.sessions.create(account.id, userAgent);
    await this.sessions.prune();
    log.info({ accountId: account.id }, 'logged in');
    return { ok: true, account, ...session };
  }

  /** Ends the session holding `token`. */
  logOut(token: string | undefined): Promise<void> {
    return this.sessions.destroy(token);
  }

  /**
   * Confirms the account owner's current password before a sensitive change, under the
   * per-account attempt limit. Wrong: `validation_failed` on `field`; too many: `rate_limited`.
   */
  async confirmPassword(accountId: number, password: string, ip: string, field = 'current_password'): Promise<void> {
    const verdict = await this.throttle.attempt(`ip:${ip}`, `confirm:${accountId}`);
    if (!verdict.ok) throw new QuireError('rate_limited', `Too many attempts. Try again after ${verdict.retryAt.toISOString().slice(11, 19)} UTC.`);
    const hash = await passwordHashOf(this.store.db, accountId);
    if (!hash || password.length > 1000 || !(await verifyPassword(hash, password))) throw invalid([{ field, message: 'is not your current password' }]);
  }

  /** Changes the e-mail address after checking the password; tells the old address. */
  async changeEmail(accountId: number, currentPassword: string, newEmail: string, ip: string): Promise<Account> {
    const email = parseOrThrow(emailSchema, newEmail, 'email');
    const account = await this.get(accountId);
    if (!account) throw notFound('account', accountId);
    await this.confirmPassword(accountId, currentPassword, ip);
    const other = await findAccountByEmail(this.store.db, email);
    if (other && other.id !== accountId) throw invalid([{ field: 'email', message: 'is already used by another account' }]);
    try {
      await this.store.db.updateTable('accounts').set({ email, email_key: emailKey(email), updated_at: this.clock().toISOString() }).where('id', '=', accountId).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid([{ field: 'email', message: 'is already used by another account' }]);
      throw err;
    }
    if (emailKey(account.email) !== emailKey(email)) await this.notifyEmailChange(account, email);
    log.info({ accountId }, 'e-mail address changed');
    return (await this.get(accountId))!;
  }

  /** Changes the password after checking the current one; every other session of the account ends. */
  async changePassword(accountId: number, currentPassword: string, newPassword: string, ip: string, keepToken?: string): Promise<void> {
    const password = parseOrThrow(passwordSchema, newPassword, 'password');
    await this.confirmPassword(accountId, currentPassword, ip);
    await this.setPasswordHash(accountId, await hashPassword(password, this.cost));
    const ended = await this.sessions.destroyAll(accountId, keepToken);
    log.info({ accountId, sessionsEnded: ended }, 'password changed');
  }

  /** Mails a reset link if an account uses `email` (the answer is the same either way). */
  async requestPasswordReset(email: string): Promise<void> {
    await this.resets.request(parseOrThrow(emailSchema, email, 'email'));
  }

  /** Sets a new password with a reset token: the token is spent, every session ends, any login lock lifts. */
  async resetPassword(token: string, newPassword: string): Promise<Account> {
    const password = parseOrThrow(passwordSchema, newPassword, 'password');
    if ((await this.resets.accountFor(token)) === undefined) throw expiredResetToken();
    const hash = await hashPassword(password, this.cost);
    const accountId = await this.store.db.transaction().execute(async (trx) => {
      const id = await this.resets.consume(trx, token);
      await trx.updateTable('accounts').set({ password_hash: hash, updated_at: this.clock().toISOString() }).where('id', '=', id).execute();
      await trx.deleteFrom('sessions').where('account_id', '=', id).execute();
      return id;
    });
    await this.throttle.succeeded(`account:${accountId}`);
    log.info({ accountId }, 'password reset');
    return (await this.get(accountId))!;
  }

  /** Deletes the account after checking its password; its works are orphaned or deleted as the owner chose. */
  async deleteAccount(accountId: number, password: string, choice: WorksChoice, ip: string): Promise<DeletionReport> {
    if (choice !== 'orphan' && choice !== 'delete') throw invalid([{ field: 'works', message: 'choose whether to orphan or delete your works' }]);
    await this.confirmPassword(accountId, password, ip, 'password');
    return deleteAccountAndWorks(this.works, accountId, choice, this.clock());
  }

  /** Gives an account a role (`quire admin role`). */
  async setRole(username: string, role: string): Promise<Account> {
    const parsed = parseRole(role);
    if (!parsed) throw invalid([{ field: 'role', message: `must be member, wrangler or admin, got "${role.slice(0, 40)}"` }]);
    const account = await this.byUsername(username);
    if (!account) throw notFound('account', JSON.stringify(username.slice(0, 40)));
    await this.store.db.updateTable('accounts').set({ role: parsed, updated_at: this.clock().toISOString() }).where('id', '=', account.id).execute();
    log.info({ accountId: account.id, role: parsed }, 'role changed');
    return { ...account, role: parsed };
  }

  private async setPasswordHash(accountId: number, hash: string): Promise<void> {
    await this.store.db.updateTable('accounts').set({ password_hash: hash, updated_at: this.clock().toISOString() }).where('id', '=', accountId).execute();
  }

  private async notifyEmailChange(account: Account, newEmail: string): Promise<void> {
    const [local = '', domain = ''] = newEmail.split('@');
    const masked = `${local.slice(0, 1)}***@${domain}`;
    const name = this.config.archiveName;
    try {
      await this.mailer.send({
        to: account.email,
        subject: `Your e-mail address on ${name} was changed`,
        text: [
          `Hello ${account.username},`,
          '',
          `the e-mail address of your account on ${name} was changed to ${masked}.`,
          `If you did not do this, reset your password at ${this.config.baseUrl}/password/forgot`,
          'and write to the archive\'s administrators.',
          '',
          `-- ${name}`,
        ].join('\n'),
      });
    } catch (err) {
      log.error({ accountId: account.id, reason: err instanceof Error ? err.message : String(err) }, 'the e-mail change notice could not be sent');
    }
  }
}
