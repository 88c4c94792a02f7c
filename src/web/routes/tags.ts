import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { findTagByName, findTagsByIds, tagsWithCounts } from '../../tags/tag.repository.ts';
import { html } from '../html.ts';
import { parsePage } from '../params.ts';
import { sendPage } from '../render.ts';
import { fandomsPage } from '../views/fandoms.ts';
import { tagHref } from '../views/format.ts';
import { pageHref } from '../views/listing.ts';
import { listingPage } from '../views/pages.ts';
import { muteExclusions } from './reader.ts';

const TAG_KIND: Record<string, string> = {
  fandom: 'Fandom', relationship: 'Relationship', character: 'Character', additional: 'Additional tag',
  rating: 'Rating', warning: 'Archive warning', category: 'Category',
};

/**
 * `/tags/:name`: the works whose filter tags include this tag, so works tagged with its synonyms
 * and subtags are listed too. A synonym's URL redirects (301) to its canonical tag's page, and a
 * name spelled differently (case, spacing) to the tag's own spelling. `/fandoms`: every fandom
 * with its count of visible works.
 */
export function registerTagRoutes(app: FastifyInstance, archive: Archive): void {
  const db = archive.store.db;

  app.get<{ Params: { name: string } }>('/tags/:name', async (req, reply) => {
    const name = req.params.name;
    const tag = await findTagByName(db, name);
    if (!tag) throw new QuireError('not_found', `there is no tag "${name.slice(0, 150)}"`);
    const pageNo = parsePage(req.query);
    if (tag.synonymOf !== null) {
      const [canonical] = await findTagsByIds(db, [tag.synonymOf]);
      if (canonical) return reply.redirect(pageHref(tagHref(canonical.name), pageNo), 301);
    }
    if (tag.name !== name) return reply.redirect(pageHref(tagHref(tag.name), pageNo), 301);
    const page = await archive.works.list(req.viewer, { page: pageNo, pageSize: archive.config.pageSize, filterTagId: tag.id, ...(await muteExclusions(archive, req.viewer)) });
    if (page.total === 0) throw new QuireError('not_found', `no works are tagged "${tag.name}"`);
    if (page.page > page.pages) throw new QuireError('not_found', `there is no page ${page.page} of "${tag.name}"`);
    const kind = TAG_KIND[tag.type] ?? 'Tag';
    return sendPage(reply, archive.config, {
      title: [page.page > 1 ? `${tag.name} (page ${page.page})` : tag.name, 'Works'],
      section: 'works',
      body: listingPage(html`Works in <span class="tag-name">${tag.name}</span>`, page, tagHref(tag.name), html`<p class="tag-kind">${kind}</p>`),
    });
  });

  app.get('/fandoms', async (req, reply) => {
    const fandoms = await tagsWithCounts(db, 'fandom', { includeRestricted: req.viewer.kind !== 'guest' });
    return sendPage(reply, archive.config, {
      title: ['Fandoms'],
      section: 'fandoms',
      body: fandomsPage(fandoms.map((f) => ({ name: f.tag.name, count: f.count }))),
    });
  });
}
