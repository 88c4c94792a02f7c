import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../html.ts';

/**
 * The hidden CSRF field every form that POSTs must carry. The route handling the POST adds
 * `preHandler: app.csrfProtection` (a preHandler, not onRequest: the form body must be parsed first).
 *
 * @example html`<form method="post" action="/works/1/kudos">${csrfField(reply)}<button>Kudos</button></form>`
 */
export function csrfField(reply: FastifyReply): SafeHtml {
  let token = tokens.get(reply);
  if (token === undefined) {
    token = reply.generateCsrf();
    tokens.set(reply, token);
    // The token is this browser's: a shared cache must not hand the page to another.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
  }
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/**
 * One token per response: on a first visit (no secret cookie yet) each `generateCsrf` call makes
 * a new secret and the last Set-Cookie wins, so every form on a page must share one token. A page
 * with a token is marked `private` unless the route already chose its caching.
 */
const tokens = new WeakMap<FastifyReply, string>();
