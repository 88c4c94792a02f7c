import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../html.ts';

/**
 * The hidden CSRF field every form that POSTs must carry. The route handling the POST adds
 * `preHandler: app.csrfProtection` (a preHandler, not onRequest: the form body must be parsed first).
 *
 * @example html`<form method="post" action="/works/1/kudos">${csrfField(reply)}<button>Kudos</button></form>`
 */
export function csrfField(reply: FastifyReply): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${reply.generateCsrf()}">`;
}
