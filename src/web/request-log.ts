import type { FastifyInstance } from 'fastify';
import { logger } from '../log.ts';

const log = logger('web');

/** Logs each request as method, path (no query), status and duration: never headers or cookies. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    log.info({ method: req.method, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
}
