import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';
import { isQuireError, type ErrorCode } from '../errors.ts';
import { logger } from '../log.ts';
import { sendPage } from './render.ts';
import { errorPage } from './views/error-page.ts';

const log = logger('web');

const HEADINGS: Record<number, string> = {
  400: 'Bad request',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported format',
  422: 'Something needs fixing',
  429: 'Too many requests',
};

/** Safe messages for framework errors, whose own messages may name internals. */
const FRAMEWORK_MESSAGES: Record<number, string> = {
  400: 'The request could not be understood.',
  403: 'This form has expired or was sent from another site. Reload the page and try again.',
  404: 'There is nothing at this address.',
  413: 'What was sent is too large.',
  415: 'That kind of content is not accepted here.',
  429: 'You have made a lot of requests in a short time. Please wait a few minutes and try again.',
};

/** True when the client wants JSON: an /api/ path, or an Accept header that names only JSON. */
export function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true;
  const accept = req.headers.accept ?? '';
  return accept !== '' && /json/i.test(accept) && !/html|\*\/\*/i.test(accept);
}

function respond(req: FastifyRequest, reply: FastifyReply, config: Config, status: number, code: ErrorCode | string, message: string): FastifyReply {
  if (wantsJson(req)) return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
  const heading = HEADINGS[status] ?? (status >= 500 ? 'Something went wrong' : 'Error');
  reply.header('cache-control', 'no-store');
  return sendPage(reply, config, { title: [heading], body: errorPage(heading, message) }, status);
}

/**
 * One handler for every failure: a QuireError shows its status and message; a framework 4xx
 * shows a fixed message for its status; anything else is logged and shown as a plain 500
 * "Something went wrong" without internals. Unknown URLs get the 404 page in the same layout.
 */
export function registerErrorHandlers(app: FastifyInstance, config: Config): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isQuireError(err)) {
      if (err.status < 500) return respond(req, reply, config, err.status, err.code, err.message);
      log.error({ code: err.code, path: req.url.split('?')[0] }, err.message);
      return respond(req, reply, config, err.status, err.code, 'Something went wrong on our side. Please try again later.');
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
      const message = FRAMEWORK_MESSAGES[status] ?? 'The request could not be handled.';
      return respond(req, reply, config, status, status === 404 ? 'not_found' : 'bad_request', message);
    }
    log.error({ err, path: req.url.split('?')[0] }, 'request failed');
    return respond(req, reply, config, 500, 'internal', 'Something went wrong on our side. Please try again later.');
  });

  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (req, reply) =>
    respond(req, reply, config, 404, 'not_found', 'There is nothing at this address. It may have moved, or never existed.'),
  );
}
