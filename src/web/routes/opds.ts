import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { downloadsFor } from '../../downloads/download.service.ts';
import { OpdsCatalog, type CatalogAnswer } from '../../feeds/opds-catalog.ts';
import { OPDS_ACQUISITION, OPDS_NAVIGATION, OPENSEARCH_TYPE, openSearchDescription } from '../../feeds/opds.ts';
import { pathWithQuery } from '../../feeds/links.ts';
import { hideRulesFor } from '../../profiles/hide-rules-for.ts';
import { parseId, parsePage, queryString } from '../params.ts';
import { catalogViewer, challenge } from './opds-auth.ts';

function send(req: FastifyRequest, reply: FastifyReply, answer: CatalogAnswer, type: string): FastifyReply {
  reply.header('vary', 'Authorization');
  if (answer.kind === 'moved') {
    const page = parsePage(req.query);
    return reply.redirect(pathWithQuery(answer.path, { page: page > 1 ? String(page) : undefined }), 301);
  }
  reply.header('cache-control', req.appPassword ? 'private, no-store' : 'public, max-age=300');
  return reply.type(`${type}; charset=utf-8`).send(answer.xml);
}

/** The reader's shelves need a signed-in reader: 401 with the Basic challenge otherwise. */
function shelfOwner(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.appPassword) return true;
  challenge(reply, 'Sign in with your user name and an app password (made on your account page: Apps and tokens) to see your bookmarks, works marked for later and subscriptions.');
  return false;
}

/**
 * The OPDS 1.2 catalog under `/opds` (docs/opds.md), for e-reader software: navigation and
 * acquisition feeds, OpenSearch, and a signed-in reader's shelves by app password (HTTP Basic;
 * `registerAppPasswordAuth` in opds-auth.ts, registered early in server.ts, also lets the
 * download links take the same password).
 */
export function registerOpdsRoutes(app: FastifyInstance, archive: Archive): void {
  const catalog = new OpdsCatalog({
    db: archive.store.db,
    works: archive.works,
    search: archive.search,
    interactions: archive.interactions,
    ctx: archive.config,
    formats: downloadsFor(archive).formats(),
    hideFor: (viewer) => hideRulesFor(archive, viewer),
  });
  const nav = OPDS_NAVIGATION;
  const acq = OPDS_ACQUISITION;

  app.get('/opds', async (req, reply) => send(req, reply, catalog.root(catalogViewer(req)), nav));
  app.get('/opds/new', async (req, reply) => send(req, reply, await catalog.newWorks(catalogViewer(req), parsePage(req.query)), acq));
  app.get('/opds/fandoms', async (req, reply) => send(req, reply, await catalog.fandoms(catalogViewer(req), parsePage(req.query)), nav));
  app.get('/opds/tags', async (req, reply) => send(req, reply, await catalog.tags(catalogViewer(req), parsePage(req.query)), nav));
  app.get<{ Params: { name: string } }>('/opds/tags/:name', async (req, reply) => send(req, reply, await catalog.tag(catalogViewer(req), req.params.name, parsePage(req.query)), acq));
  app.get('/opds/series', async (req, reply) => send(req, reply, await catalog.seriesList(catalogViewer(req), parsePage(req.query)), nav));
  app.get<{ Params: { id: string } }>('/opds/series/:id', async (req, reply) => send(req, reply, await catalog.series(catalogViewer(req), parseId(req.params.id, 'series')), acq));
  app.get<{ Params: { name: string } }>('/opds/creators/:name', async (req, reply) => send(req, reply, await catalog.creator(catalogViewer(req), req.params.name, parsePage(req.query)), acq));
  app.get<{ Params: { id: string } }>('/opds/works/:id', async (req, reply) => send(req, reply, await catalog.work(catalogViewer(req), parseId(req.params.id, 'work')), acq));
  app.get('/opds/search', async (req, reply) => send(req, reply, await catalog.search(catalogViewer(req), (queryString(req.query, 'q') ?? '').slice(0, 1000), parsePage(req.query)), acq));

  app.get('/opds/opensearch.xml', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type(`${OPENSEARCH_TYPE}; charset=utf-8`).send(openSearchDescription(archive.config)),
  );

  app.get('/opds/me/bookmarks', async (req, reply) => (shelfOwner(req, reply) ? send(req, reply, await catalog.bookmarks(catalogViewer(req), parsePage(req.query)), acq) : reply));
  app.get('/opds/me/later', async (req, reply) => (shelfOwner(req, reply) ? send(req, reply, await catalog.later(catalogViewer(req), parsePage(req.query)), acq) : reply));
  app.get('/opds/me/subscriptions', async (req, reply) => (shelfOwner(req, reply) ? send(req, reply, await catalog.subscriptions(catalogViewer(req)), nav) : reply));
}
