import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';
import { ADULT_RATINGS } from '../tags/tag.types.ts';
import type { Work } from '../works/work.types.ts';
import { queryString } from './params.ts';

/**
 * The adult-content interstitial's rules (REFERENCE §4). A reader agrees once per browser
 * session: `?view_adult=true` on a work or chapter URL sets a session cookie (no expiry), and
 * later adult works do not ask again. Operators turn the gate off with QUIRE_ADULT_GATE=off.
 */
export const ADULT_COOKIE = 'quire_view_adult';

export type GateDecision = 'show' | 'gate';

/** Decides whether `work` is shown or gated for this request; remembers the agreement in a cookie. */
export function adultGate(config: Config, work: Work, req: FastifyRequest, reply: FastifyReply): GateDecision {
  if (!config.adultGate || !ADULT_RATINGS.includes(work.rating)) return 'show';
  if (queryString(req.query, 'view_adult') === 'true') {
    reply.setCookie(ADULT_COOKIE, '1', {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.baseUrl.startsWith('https:'),
    });
    reply.header('cache-control', 'private, no-cache');
    return 'show';
  }
  reply.header('vary', 'Cookie');
  if (req.cookies[ADULT_COOKIE] === '1') {
    reply.header('cache-control', 'private, no-cache');
    return 'show';
  }
  reply.header('cache-control', 'private, no-store');
  return 'gate';
}

/**
 * The Proceed link: `path` (built by the route, never taken from the request line) with the
 * request's query parameters kept and `view_adult=true` added.
 */
export function proceedHref(path: string, req: FastifyRequest): string {
  const params = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
  params.set('view_adult', 'true');
  return `${path}?${params.toString()}`;
}
