import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import { apiTokensFor, type ResolvedCredential } from '../../api/tokens.ts';
import { GUEST, type Viewer } from '../../works/visibility.ts';
import { ownAuthentication } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The app password an OPDS or download request signed in with (HTTP Basic), when it checked out. */
    appPassword: ResolvedCredential | undefined;
  }
}

/** What `WWW-Authenticate` asks for. */
export const BASIC_CHALLENGE = 'Basic realm="Quire"';

const DOWNLOAD = /^\/works\/[^/?]+\/download\.[^/?]+$/;

/** True for the paths that take app passwords: the OPDS catalog and the download files. */
function takesAppPasswords(url: string): boolean {
  const path = url.split('?')[0]!;
  return (ownAuthentication(path) && !path.startsWith('/api/')) || DOWNLOAD.test(path);
}

/** Answers 401 with the Basic challenge (and a plain-text reason). */
export function challenge(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(401).header('www-authenticate', BASIC_CHALLENGE).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(message);
}

/**
 * The reader as the catalog sees them: a member (restricted works, their shelves, their filters)
 * without their pen names, so their own drafts stay out of a catalog of published works, and
 * without an administrator's sight of hidden works.
 */
export function catalogViewer(req: FastifyRequest): Viewer {
  const v = req.viewer;
  if (v.kind !== 'member' || v.accountId === undefined) return GUEST;
  return { kind: 'member', accountId: v.accountId, pseudIds: [], admin: false, role: 'member', ...(v.username ? { username: v.username } : {}) };
}

/**
 * HTTP Basic authentication by app password (user name + app password, src/api/tokens.ts) on the
 * OPDS catalog and the download routes only — e-readers cannot keep a session cookie. A good
 * password makes the request's viewer that member (so restricted works' downloads work for them);
 * a wrong or revoked one is 401 with the challenge; none leaves OPDS as a guest (cookies are not
 * read there) and downloads as the session says. Register after `registerSession`.
 */
export function registerAppPasswordAuth(app: FastifyInstance, archive: Archive): void {
  const tokens = apiTokensFor(archive.store.db);
  app.decorateRequest('appPassword', undefined);
  app.addHook('onRequest', async (req, reply) => {
    req.appPassword = undefined;
    if (!takesAppPasswords(req.url)) return;
    const header = req.headers.authorization;
    if (!header || !/^Basic\s/i.test(header)) return;
    const decoded = Buffer.from(header.replace(/^Basic\s+/i, '').trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const cred = colon > 0 ? await tokens.verifyAppPassword(decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
    if (!cred) return challenge(reply, 'The user name or app password is wrong, or the app password was revoked. Make one on your account page: Apps and tokens.');
    req.appPassword = cred;
    req.viewer = viewerOf(cred.account, cred.pseudIds);
  });
}
