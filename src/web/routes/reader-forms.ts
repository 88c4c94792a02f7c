import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../interactions/context.ts';
import { safeReturnTo } from './auth-forms.ts';

/** The edge of the reader's forms: who acts, where to go back to, and form values beyond plain strings. */

/** The request's viewer and address. */
export function actorOf(req: FastifyRequest): Actor {
  return { viewer: req.viewer, ip: req.ip };
}

/**
 * Where to go after a reader's action: the page the form came from (`back`, a local path only,
 * by the same rule as `return_to`) or `fallback`, with a fixed notice key and an anchor.
 *
 * @example backWith('/works/3/chapters/2', '/works/3', 'kudos', 'kudos') === '/works/3/chapters/2?done=kudos#kudos'
 */
export function backWith(back: string | undefined, fallback: string, done?: string, anchor?: string): string {
  const safe = back && safeReturnTo(back) === back ? back : fallback;
  const url = new URL(safe, 'http://quire.invalid');
  url.searchParams.delete('done');
  url.searchParams.delete('view_adult');
  if (done) url.searchParams.set('done', done);
  url.hash = anchor ?? '';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A check box: sent (with any value but '' or '0') means checked. */
export function checked(body: unknown, name: string): boolean {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' && last !== '' && last !== '0';
}

/** Every value of a repeated field as positive whole numbers (check boxes named `ids`); others are dropped. */
export function idList(body: unknown, name: string, max = 500): number[] {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(all.filter((x): x is string => typeof x === 'string' && /^[1-9][0-9]{0,14}$/.test(x)).map(Number))].slice(0, max);
}

/** For a page only members have: the login page (coming back here) for guests. */
export function loginFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (req.viewer.kind === 'member') return undefined;
  const path = req.url.length <= 500 ? req.url : '/';
  return reply.redirect(`/login?return_to=${encodeURIComponent(path)}`, 303);
}
