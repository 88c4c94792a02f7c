import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { findPseudByName } from '../../works/pseud.repository.ts';
import { html } from '../html.ts';
import { parsePage } from '../params.ts';
import { sendPage } from '../render.ts';
import { creatorHref } from '../views/format.ts';
import { pageHref } from '../views/listing.ts';
import { listingPage } from '../views/pages.ts';
import { creatorExtras } from './reader.ts';

/** `/creators/:name`: works by a pen name. A pen name with no visible work looks absent (404). */
export function registerCreatorRoutes(app: FastifyInstance, archive: Archive): void {
  app.get<{ Params: { name: string } }>('/creators/:name', async (req, reply) => {
    const name = req.params.name;
    const missing = new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
    const pseud = await findPseudByName(archive.store.db, name);
    if (!pseud) throw missing;
    const pageNo = parsePage(req.query);
    if (pseud.name !== name) return reply.redirect(pageHref(creatorHref(pseud.name), pageNo), 301);
    const page = await archive.works.list(req.viewer, { page: pageNo, pageSize: archive.config.pageSize, pseudId: pseud.id });
    if (page.total === 0) throw missing;
    if (page.page > page.pages) throw new QuireError('not_found', `there is no page ${page.page} of works by ${pseud.name}`);
    return sendPage(reply, archive.config, {
      title: [page.page > 1 ? `Works by ${pseud.name} (page ${page.page})` : `Works by ${pseud.name}`],
      section: 'works',
      feeds: [{ title: `Works by ${pseud.name} (Atom)`, href: `${creatorHref(pseud.name)}/feed.atom` }],
      body: listingPage(html`Works by <span class="creator-name">${pseud.name}</span>`, page, creatorHref(pseud.name), await creatorExtras(archive, req, reply, pseud, creatorHref(pseud.name))),
    });
  });
}
