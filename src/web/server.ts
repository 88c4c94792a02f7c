import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Archive } from '../archive.ts';
import { followChanges } from '../cluster/follow.ts';
import { checkSharedKeys } from '../cluster/shared-keys.ts';
import { loadDemoIfEmpty } from '../demo/demo.ts';
import { logger } from '../log.ts';
import { registerErrorHandlers } from './errors.ts';
import { registerRequestLog } from './request-log.ts';
import { registerAccountRoutes } from './routes/account.ts';
import { registerAccountAdminRoutes } from './routes/account-admin.ts';
import { registerAccountTokenRoutes } from './routes/account-tokens.ts';
import { registerApiRoutes } from './routes/api.ts';
import { registerAdminWorkRoutes } from './routes/admin-works.ts';
import { registerAdminReviewRoutes } from './routes/admin-review.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCreatorRoutes } from './routes/creators.ts';
import { registerDownloadRoutes } from './routes/downloads.ts';
import { registerFeedRoutes } from './routes/feeds.ts';
import { registerHomeRoutes } from './routes/home.ts';
import { registerAppPasswordAuth } from './routes/opds-auth.ts';
import { registerOpdsRoutes } from './routes/opds.ts';
import { registerPostingRoutes } from './routes/post.ts';
import { registerProfileRoutes } from './routes/profiles.ts';
import { registerHideRules } from './routes/profiles-hook.ts';
import { registerReaderRoutes } from './routes/reader.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerSeriesRoutes } from './routes/series.ts';
import { registerSession } from './routes/session.ts';
import { registerTagRoutes } from './routes/tags.ts';
import { registerWorkRoutes } from './routes/works.ts';
import { registerWranglingRoutes } from './routes/wrangling.ts';
import { registerSecurity } from './security.ts';

/** Where the CSS and icons live; served under `/static/`. */
export const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));

/**
 * Builds the HTTP app for an archive without listening (tests use `app.inject`).
 * Each request's `viewer` comes from its session cookie (see routes/session.ts).
 *
 * @example const app = await buildServer(archive); const res = await app.inject('/works');
 */
export async function buildServer(archive: Archive): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: archive.config.trustProxy, routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 } });
  registerRequestLog(app);
  await registerSecurity(app, archive.config, archive.store);
  registerSession(app, archive);
  registerHideRules(app, archive);
  registerAppPasswordAuth(app, archive);
  await app.register(fastifyStatic, {
    root: STATIC_DIR,
    prefix: '/static/',
    index: false,
    list: false,
    maxAge: '1d',
  });
  registerErrorHandlers(app, archive.config);
  registerHomeRoutes(app, archive);
  registerWorkRoutes(app, archive);
  registerDownloadRoutes(app, archive);
  registerTagRoutes(app, archive);
  registerSeriesRoutes(app, archive);
  registerSearchRoutes(app, archive);
  registerCreatorRoutes(app, archive);
  registerAuthRoutes(app, archive);
  registerAccountRoutes(app, archive);
  registerAccountAdminRoutes(app, archive);
  registerAccountTokenRoutes(app, archive);
  registerAdminWorkRoutes(app, archive);
  registerWranglingRoutes(app, archive);
  registerAdminReviewRoutes(app, archive);
  await registerPostingRoutes(app, archive);
  registerReaderRoutes(app, archive);
  registerFeedRoutes(app, archive);
  await registerApiRoutes(app, archive);
  registerOpdsRoutes(app, archive);
  registerProfileRoutes(app, archive);
  return app;
}

/** Loads the demo library into an empty archive (when configured), builds the app and listens on the configured host and port. */
export async function startServer(archive: Archive): Promise<FastifyInstance> {
  const loaded = await loadDemoIfEmpty(archive);
  if (loaded > 0) logger('web').info({ works: loaded }, 'loaded the demo library');
  await checkSharedKeys(archive.store, archive.config.dataDir);
  // Other processes' writes are read from the change log from here on (docs/scaling.md) …
  const following = await followChanges(archive);
  // … and the search engine is rebuilt from the database before the first reader arrives.
  const started = Date.now();
  await archive.search.prepare();
  logger('search').info({ ms: Date.now() - started }, 'search engine ready');
  const app = await buildServer(archive);
  app.addHook('onClose', () => following.stop());
  await following.start();
  await app.listen({ port: archive.config.port, host: archive.config.host });
  logger('web').info({ url: archive.config.baseUrl }, 'Quire is serving');
  return app;
}
