import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import type { Config } from '../../config/config.ts';
import { invalid } from '../../errors.ts';
import { logger } from '../../log.ts';
import { hideRulesFor } from '../../profiles/hide-rules-for.ts';
import { decodeCookieRules, encodeCookieRules } from '../../profiles/rules.cookie.ts';
import type { FilterRules } from '../../profiles/rules.ts';
import type { HideRules } from '../../search/hide.ts';
import { queryString } from '../params.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * What this reader never wants to see (saved filters, mutes; a guest's cookie), for every
     * listing, search, count and feed: pass it as the search's `hide` option unless
     * `showHidden`. Undefined when nothing is hidden. Set by `registerHideRules`.
     */
    hideRules: HideRules | undefined;
    /** `?show_hidden=1`: the reader asked to see, this once, what their filters hide. */
    showHidden: boolean;
  }
}

const log = logger('profiles');

/** A guest's filters: signed, HttpOnly, SameSite=Lax, a year long. */
export const FILTER_COOKIE = 'quire_filters';

/** The most the whole cookie (`quire_filters=<signed value>`) may take: 3.5 KB, under browsers' 4 KB. */
export const FILTER_COOKIE_MAX_BYTES = 3584;

const YEAR_SECONDS = 365 * 24 * 3600;

/** Path=/, HttpOnly, SameSite=Lax, Secure when the archive is served over https, signed, max-age one year. */
export function filterCookieOptions(config: Pick<Config, 'baseUrl'>): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.baseUrl.startsWith('https:'), signed: true, maxAge: YEAR_SECONDS };
}

/**
 * The rules in the request's filter cookie, or null when there is none or it does not hold
 * (bad signature, garbled payload, another secret): a bad cookie means no rules, never an error.
 */
export function guestCookieRules(req: FastifyRequest): FilterRules | null {
  const payload = verifiedPayload(req);
  return payload ? decodeCookieRules(payload) : null;
}

function verifiedPayload(req: FastifyRequest): string | undefined {
  const raw = req.cookies[FILTER_COOKIE];
  if (!raw) return undefined;
  const unsigned = req.unsignCookie(raw);
  return unsigned.valid && unsigned.value !== null ? unsigned.value : undefined;
}

/**
 * Writes a guest's rules into the cookie (or clears it when they hide nothing). Rules that would
 * make the cookie larger than 3.5 KB are refused (`validation_failed`) with how large they came
 * to, and how to keep more: fewer tags or creators, or an account.
 */
export function setFilterCookie(reply: FastifyReply, config: Pick<Config, 'baseUrl'>, rules: FilterRules): void {
  const payload = encodeCookieRules(rules);
  if (payload === '') {
    clearFilterCookie(reply, config);
    return;
  }
  const bytes = FILTER_COOKIE.length + 1 + reply.signCookie(payload).length;
  if (bytes > FILTER_COOKIE_MAX_BYTES) {
    const kb = (n: number) => (n / 1024).toFixed(1);
    throw invalid([
      {
        field: '_form',
        message: `These filters take ${kb(bytes)} KB, more than the ${kb(FILTER_COOKIE_MAX_BYTES)} KB a browser cookie can hold for a guest. Remove some tags or pen names, or log in: an account keeps up to 200 tags and 2,000 pen names.`,
      },
    ]);
  }
  reply.setCookie(FILTER_COOKIE, payload, filterCookieOptions(config));
}

export function clearFilterCookie(reply: FastifyReply, config: Pick<Config, 'baseUrl'>): void {
  const { maxAge: _maxAge, signed: _signed, ...opts } = filterCookieOptions(config);
  reply.clearCookie(FILTER_COOKIE, opts);
}

/**
 * The rules a listing should apply: `request.hideRules`, or none when the reader asked to see
 * what is hidden (`?show_hidden=1`).
 *
 * @example archive.search.search(req.viewer, query, { hide: activeHideRules(req) })
 */
export function activeHideRules(req: FastifyRequest): HideRules | undefined {
  return req.showHidden ? undefined : req.hideRules;
}

/**
 * Sets `request.hideRules` and `request.showHidden` on every request but static files, after the
 * session hook has set `request.viewer` (register it after `registerSession`, before the routes).
 * Members: their saved profile merged with their mutes. Guests: the signed `quire_filters`
 * cookie; a tampered or unreadable one is ignored and cleared.
 */
export function registerHideRules(app: FastifyInstance, archive: Archive): void {
  app.decorateRequest('hideRules', undefined);
  app.decorateRequest('showHidden', false);

  app.addHook('onRequest', async (req, reply) => {
    req.hideRules = undefined;
    req.showHidden = false;
    if (req.url.startsWith('/static/')) return;
    req.showHidden = queryString(req.query, 'show_hidden') === '1';
    let payload: string | undefined;
    if (req.viewer.kind === 'guest' && req.cookies[FILTER_COOKIE]) {
      payload = verifiedPayload(req);
      if (payload === undefined || decodeCookieRules(payload) === null) {
        log.debug('ignoring an unreadable filter cookie');
        clearFilterCookie(reply, archive.config);
        payload = undefined;
      }
    }
    req.hideRules = await hideRulesFor(archive, req.viewer, payload);
  });
}
