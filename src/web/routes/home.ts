import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { searchQuery } from '../../search/query.ts';
import { sendPage } from '../render.ts';
import { resultPage } from '../views/listing.ts';
import { homePage } from '../views/pages.ts';
import { readerHiding } from './listing-search.ts';

/** How many of the newest works the home page shows. */
export const HOME_WORKS = 10;

/** `/`: a short introduction, a search box and the newest (most recently updated) works the reader may see, through the search engine. */
export function registerHomeRoutes(app: FastifyInstance, archive: Archive): void {
  app.get('/', async (req, reply) => {
    const { hide } = await readerHiding(archive, req);
    const newest = resultPage(await archive.search.search(req.viewer, searchQuery({ perPage: HOME_WORKS, facetLimit: 0 }), { hide })).page;
    return sendPage(reply, archive.config, {
      title: [],
      section: 'home',
      description: `${archive.config.archiveName}: an archive of fan works.`,
      body: homePage(archive.config.archiveName, newest),
    });
  });
}
