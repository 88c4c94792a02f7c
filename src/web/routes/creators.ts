import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { searchQuery } from '../../search/query.ts';
import { findPseudByName } from '../../works/pseud.repository.ts';
import { html } from '../html.ts';
import { sendPage } from '../render.ts';
import { creatorHref } from '../views/format.ts';
import { hideButton } from '../views/profile-buttons.ts';
import { filteredListing } from '../views/search-page.ts';
import { listingHref } from '../views/search-urls.ts';
import { listingPageSize, listingQuery, runListing, tagTypesOf, wantsHidden } from './listing-search.ts';
import { creatorExtras } from './reader.ts';

/**
 * `/creators/:name`: works by a pen name, through the search engine with the pen name as an
 * implicit filter, so the reader's filter profile and mutes apply ("N works hidden by your
 * filters — show them"), with the filter sidebar. A pen name with no work the reader may see
 * looks absent (404), whatever the filters hide; another spelling of the name answers 301.
 */
export function registerCreatorRoutes(app: FastifyInstance, archive: Archive): void {
  app.get<{ Params: { name: string } }>('/creators/:name', async (req, reply) => {
    const name = req.params.name;
    const missing = new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
    const pseud = await findPseudByName(archive.store.db, name);
    if (!pseud) throw missing;
    const scope = { pseudIds: [pseud.id] };
    const any = await archive.search.search(req.viewer, searchQuery({ ...scope, perPage: 1, facetLimit: 1 }));
    if (any.total === 0) throw missing;
    const query = listingQuery(archive, req);
    const base = creatorHref(pseud.name);
    if (pseud.name !== name) {
      const state = { base, query, perPageDefault: listingPageSize(archive), showHidden: wantsHidden(req) };
      return reply.redirect(listingHref(state, { page: query.page }), 301);
    }
    const { state, result, hiding } = await runListing(archive, req, base, query, `the works by ${pseud.name}`, [], scope);
    const own = req.viewer.pseudIds?.includes(pseud.id) ?? false;
    const lead = html`${own ? '' : html`<div class="reader-buttons hide-actions">${hideButton('creator', pseud.name, reply)}</div>`}${await creatorExtras(archive, req, reply, pseud, base)}`;
    return sendPage(reply, archive.config, {
      title: [query.page > 1 ? `Works by ${pseud.name} (page ${query.page})` : `Works by ${pseud.name}`],
      section: 'works',
      bodyClass: 'page-listing',
      feeds: [{ title: `Works by ${pseud.name} (Atom)`, href: `${base}/feed.atom` }],
      body: filteredListing({
        heading: html`Works by <span class="creator-name">${pseud.name}</span>`,
        lead,
        state, result, hasRules: hiding.hasRules, known: await tagTypesOf(archive, query, result),
      }),
    });
  });
}
