import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import { findAccount, pseudIdsOf } from '../accounts/account.repository.ts';
import type { Account } from '../accounts/account.types.ts';
import { usernameKey } from '../accounts/account.types.ts';
import { newToken, tokenHash } from '../accounts/tokens.ts';
import { invalid, notFound, QuireError, type FieldIssue } from '../errors.ts';
import { logger } from '../log.ts';
import type { ApiTokensTable, Db } from '../store/schema.ts';

const log = logger('api');

/** `token`: a personal access token for the API. `app_password`: for OPDS readers (HTTP Basic). */
export type CredentialKind = 'token' | 'app_password';

export const SCOPES = ['read', 'write'] as const;
export type Scope = (typeof SCOPES)[number];

/** Personal access tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'qpat_';
const TOKEN = /^qpat_[A-Za-z0-9_-]{43}$/;

/** At most this many of each kind per account (a bound, not an AO3 figure). */
export const CREDENTIAL_LIMIT = 50;
export const NAME_MAX = 100;
/** How often a credential's last use is written, at most (not on every request). */
const TOUCH_MS = 5 * 60 * 1000;

/** Unambiguous letters and digits for app passwords, typed on e-reader keyboards. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const APP_PASSWORD_CHARS = 24;

/** What the account page lists: never the secret, only its last four characters. */
export interface CredentialSummary {
  id: number;
  kind: CredentialKind;
  name: string;
  hint: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** A credential that checked out: whose it is and what it allows. */
export interface ResolvedCredential {
  id: number;
  kind: CredentialKind;
  scopes: Scope[];
  account: Account;
  pseudIds: number[];
  /** The stored sha256: rate limits count per credential by it. */
  hash: string;
}

export interface NewToken {
  name: string;
  /** `read`, or `read` and `write` (write without read is taken as both). */
  scopes: readonly Scope[];
  /** Days until it stops working; undefined: never. */
  expiresInDays?: number;
}

/** `K7QM-3XWD-PZ9H-T2RA-…`: 24 characters from 30 (about 118 bits), in groups of four. */
export function newAppPassword(): string {
  const chars = Array.from({ length: APP_PASSWORD_CHARS }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return Array.from({ length: APP_PASSWORD_CHARS / 4 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}

/** An app password as typed: upper case, without spaces or dashes. */
function normalizeAppPassword(password: string): string {
  return password.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function parseScopes(text: string): Scope[] {
  return SCOPES.filter((s) => text.split(' ').includes(s));
}

function summary(r: Selectable<ApiTokensTable>): CredentialSummary {
  return { id: r.id, kind: r.kind as CredentialKind, name: r.name, hint: r.hint, scopes: parseScopes(r.scopes), createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at };
}

/**
 * Personal access tokens (API, `Authorization: Bearer qpat_…`, scopes read / write, optional
 * expiry) and app passwords (OPDS, HTTP Basic with the username). Both are random secrets shown
 * once; the database keeps only their sha256 — enough for secrets of 118 bits and more, which
 * no one can guess or brute-force, unlike passwords people choose (those are argon2id). Revoking
 * deletes the row, so the secret stops working at once.
 */
export class ApiTokens {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Makes a personal access token; returns the token (shown once) and its summary. */
  async createToken(accountId: number, input: NewToken): Promise<{ secret: string; credential: CredentialSummary }> {
    const issues = this.nameIssues(input.name);
    const scopes: Scope[] = input.scopes.includes('write') ? ['read', 'write'] : input.scopes.includes('read') ? ['read'] : [];
    if (scopes.length === 0) issues.push({ field: 'scopes', message: 'choose read, or read and write' });
    const days = input.expiresInDays;
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) issues.push({ field: 'expires', message: 'must be a whole number of days from 1 to 3650' });
    if (issues.length > 0) throw invalid(issues);
    const secret = `${TOKEN_PREFIX}${newToken()}`;
    const expiresAt = days === undefined ? null : new Date(this.clock().getTime() + days * 24 * 3600 * 1000).toISOString();
    const credential = await this.insert(accountId, 'token', input.name, secret, tokenHash(secret), scopes, expiresAt);
    log.info({ accountId, tokenId: credential.id, scopes }, 'personal access token created');
    return { secret, credential };
  }

  /** Makes an app password (read access, for OPDS readers); returns it (shown once) and its summary. */
  async createAppPassword(accountId: number, name: string): Promise<{ secret: string; credential: CredentialSummary }> {
    const issues = this.nameIssues(name);
    if (issues.length > 0) throw invalid(issues);
    const secret = newAppPassword();
    const credential = await this.insert(accountId, 'app_password', name, secret, tokenHash(normalizeAppPassword(secret)), ['read'], null);
    log.info({ accountId, tokenId: credential.id }, 'app password created');
    return { secret, credential };
  }

  /** An account's credentials of one kind, newest first. */
  async list(accountId: number, kind: CredentialKind): Promise<CredentialSummary[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).where('kind', '=', kind).orderBy('id', 'desc').execute();
    return rows.map(summary);
  }

  /** Revokes one of the account's credentials (`not_found` for anyone else's). */
  async revoke(accountId: number, id: number): Promise<void> {
    const res = await this.db.deleteFrom('api_tokens').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('token', id);
    log.info({ accountId, tokenId: id }, 'credential revoked');
  }

  /** The live personal access token `secret`, or undefined (malformed, unknown, revoked or expired). */
  async resolveToken(secret: string): Promise<ResolvedCredential | undefined> {
    if (!TOKEN.test(secret)) return undefined;
    return this.resolve('token', tokenHash(secret));
  }

  /** The app password `password` of the account named `username` (case ignored), or undefined. */
  async verifyAppPassword(username: string, password: string): Promise<ResolvedCredential | undefined> {
    const normalized = normalizeAppPassword(password.slice(0, 100));
    if (normalized.length !== APP_PASSWORD_CHARS) return undefined;
    const found = await this.resolve('app_password', tokenHash(normalized));
    return found && usernameKey(found.account.username) === usernameKey(username) ? found : undefined;
  }

  private async resolve(kind: CredentialKind, hash: string): Promise<ResolvedCredential | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('hash', '=', hash).where('kind', '=', kind).executeTakeFirst();
    if (!row) return undefined;
    const now = this.clock();
    if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return undefined;
    const account = await findAccount(this.db, row.account_id);
    if (!account) return undefined;
    if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_MS) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
    }
    return { id: row.id, kind, scopes: parseScopes(row.scopes), account, pseudIds: await pseudIdsOf(this.db, account.id), hash };
  }

  private nameIssues(name: string): FieldIssue[] {
    const trimmed = name.trim();
    if (trimmed === '') return [{ field: 'name', message: 'is needed: say where you use it, e.g. “KOReader on my Kobo”' }];
    if ([...trimmed].length > NAME_MAX) return [{ field: 'name', message: `must be at most ${NAME_MAX} characters` }];
    return [];
  }

  private async insert(accountId: number, kind: CredentialKind, name: string, secret: string, hash: string, scopes: Scope[], expiresAt: string | null): Promise<CredentialSummary> {
    const count = await this.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('kind', '=', kind).executeTakeFirstOrThrow();
    if (Number(count.n) >= CREDENTIAL_LIMIT) {
      throw new QuireError('conflict', `You have ${CREDENTIAL_LIMIT} ${kind === 'token' ? 'tokens' : 'app passwords'}, the most allowed. Revoke one you no longer use first.`);
    }
    const row = await this.db
      .insertInto('api_tokens')
      .values({ account_id: accountId, kind, name: name.trim().replace(/\s+/g, ' '), hash, hint: secret.slice(-4), scopes: scopes.join(' '), created_at: this.clock().toISOString(), expires_at: expiresAt, last_used_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return summary(row);
  }
}

const services = new WeakMap<object, ApiTokens>();

/** The credentials service of an archive's database, made on first use. */
export function apiTokensFor(db: Db): ApiTokens {
  let service = services.get(db);
  if (!service) {
    service = new ApiTokens(db);
    services.set(db, service);
  }
  return service;
}
