import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { sendPage } from '../render.ts';
import { homePage } from '../views/pages.ts';
import { muteExclusions } from './reader.ts';

/** How many of the newest works the home page shows. */
export const HOME_WORKS = 10;

/** `/`: a short introduction and the newest works. */
export function registerHomeRoutes(app: FastifyInstance, archive: Archive): void {
  app.get('/', async (req, reply) => {
    const newest = await archive.works.list(req.viewer, { page: 1, pageSize: HOME_WORKS, ...(await muteExclusions(archive, req.viewer)) });
    return sendPage(reply, archive.config, {
      title: [],
      section: 'home',
      description: `${archive.config.archiveName}: an archive of fan works.`,
      body: homePage(archive.config.archiveName, newest),
    });
  });
}
