import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { SESSION_TTL_MS } from '../../accounts/sessions.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import type { Config } from '../../config/config.ts';
import { QuireError } from '../../errors.ts';
import { GUEST, type Viewer } from '../../works/visibility.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: GUEST, or the member whose session cookie came with the request. */
    viewer: Viewer;
    /** The session token from the cookie, when it named a live session. */
    sessionToken: string | undefined;
  }
}

/** The session cookie: a random token; the database keeps its sha256. */
export const SESSION_COOKIE = 'quire_session';

/** HttpOnly, SameSite=Lax, Path=/, Secure when the archive is served over https. */
export function sessionCookieOptions(config: Pick<Config, 'baseUrl'>): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.baseUrl.startsWith('https:'), maxAge: SESSION_TTL_MS / 1000 };
}

/** Sets the session cookie after a login or sign-up. */
export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'baseUrl'>, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'baseUrl'>): void {
  const { maxAge: _maxAge, ...opts } = sessionCookieOptions(config);
  reply.clearCookie(SESSION_COOKIE, opts);
}

function addVaryCookie(reply: FastifyReply): void {
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/\bcookie\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Cookie` : 'Cookie');
}

/** The signed-in member's account id, or `forbidden` (routes that need a member call this first). */
export function memberId(req: FastifyRequest): number {
  if (req.viewer.kind !== 'member' || req.viewer.accountId === undefined) throw new QuireError('forbidden', 'Log in to do this.');
  return req.viewer.accountId;
}

/**
 * Paths that authenticate by their own header and never by cookie: the JSON API (Bearer tokens,
 * src/web/routes/api.ts) and the OPDS catalog (app passwords over HTTP Basic, routes/opds-auth.ts).
 * Without cookies there, cross-site requests cannot act as a signed-in member (no CSRF).
 */
export function ownAuthentication(url: string): boolean {
  return url.startsWith('/api/') || url === '/opds' || url.startsWith('/opds/') || url.startsWith('/opds?');
}

/**
 * Reads the session cookie on every request (static files, the API and OPDS aside) and sets `request.viewer`.
 * A dead or unknown cookie is cleared; a session in use slides its 30-day expiry. Every HTML or
 * JSON answer varies by cookie, and one made for a member is `Cache-Control: private, no-store`.
 */
export function registerSession(app: FastifyInstance, archive: Archive): void {
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRequest', async (req, reply) => {
    req.viewer = GUEST;
    req.sessionToken = undefined;
    if (req.url.startsWith('/static/') || ownAuthentication(req.url)) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await archive.accounts.sessions.resolve(token);
    if (!session) {
      clearSessionCookie(reply, archive.config);
      return;
    }
    req.viewer = viewerOf(session.account, session.pseudIds);
    req.sessionToken = token;
    if (session.refreshed) setSessionCookie(reply, archive.config, token);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/html|json/.test(type)) return payload;
    addVaryCookie(reply);
    if (req.viewer?.kind === 'member' || req.sessionToken !== undefined) reply.header('cache-control', 'private, no-store');
    return payload;
  });
}
