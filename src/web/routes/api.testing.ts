import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import type { Account } from '../../accounts/account.types.ts';
import { apiTokensFor, type Scope } from '../../api/tokens.ts';

/** Test helpers for the API: members with tokens, and JSON requests. */

export interface Member {
  account: Account;
  /** A personal access token with the scopes asked for. */
  token: string;
  tokenId: number;
}

/** A member account (its first pen name is the username) with a fresh token. */
export async function member(archive: Archive, username: string, scopes: readonly Scope[] = ['read']): Promise<Member> {
  const account = await archive.accounts.create({ username, email: `${username}@example.org`, password: 'a quiet lantern' });
  const made = await apiTokensFor(archive.store.db).createToken(account.id, { name: `${username}'s script`, scopes });
  return { account, token: made.secret, tokenId: made.credential.id };
}

export interface JsonAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The parsed JSON (or the text, for other types). */
  body: any;
}

/** Sends a request to the API (path under /api/v1) with an optional token and JSON body. */
export async function api(app: FastifyInstance, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; ip?: string } = {}): Promise<JsonAnswer> {
  const headers: Record<string, string> = { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  const res = await app.inject({
    method: method as 'GET',
    url: `/api/v1${path}`,
    headers,
    remoteAddress: opts.ip ?? '198.51.100.20',
    ...(opts.body !== undefined ? { payload: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  let body: unknown = res.body;
  if (/json/.test(String(res.headers['content-type'] ?? ''))) body = JSON.parse(res.body);
  return { status: res.statusCode, headers: res.headers, body };
}

export const get = (app: FastifyInstance, path: string, token?: string) => api(app, 'GET', path, token ? { token } : {});
