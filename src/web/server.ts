import Fastify, { type FastifyInstance } from 'fastify';
import type { Archive } from '../archive.ts';
import { logger } from '../log.ts';

/** Builds the HTTP app for an archive without listening (tests use `app.inject`). */
export async function buildServer(archive: Archive): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ works: (await archive.works.list({ kind: 'guest' })).total }));
  void archive;
  return app;
}

/** Builds the app and listens on the configured host and port. */
export async function startServer(archive: Archive): Promise<FastifyInstance> {
  const app = await buildServer(archive);
  await app.listen({ port: archive.config.port, host: archive.config.host });
  logger('web').info({ url: archive.config.baseUrl }, 'Quire is serving');
  return app;
}
