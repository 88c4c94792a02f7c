import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { searchQuery } from '../../search/query.ts';
import { findTagByName, findTagsByIds } from '../../tags/tag.repository.ts';
import { publicRelations, tagRelations } from '../../tags/tag-relations.ts';
import { mayWrangle } from '../../tags/wrangling.service.ts';
import { html } from '../html.ts';
import { sendPage } from '../render.ts';
import { fandomsPage } from '../views/fandoms.ts';
import { tagRelationsBlock } from '../views/tag-relations.ts';
import { hideButton } from '../views/profile-buttons.ts';
import { tagHref } from '../views/format.ts';
import { filteredListing } from '../views/search-page.ts';
import { hasFilters, listingHref, searchFeedHref } from '../views/search-urls.ts';
import { listingPageSize, listingQuery, readerHiding, runListing, tagTypesOf, wantsHidden } from './listing-search.ts';

const TAG_KIND: Record<string, string> = {
  fandom: 'Fandom', relationship: 'Relationship', character: 'Character', additional: 'Additional tag',
  rating: 'Rating', warning: 'Archive warning', category: 'Category',
};

/** Facet entries per type on /fandoms: all of them (the engine's top-k walk with no k). */
const ALL_FACETS = Number.MAX_SAFE_INTEGER;

/**
 * `/tags/:name`: the search engine with this tag as an include filter, so works tagged with its
 * synonyms and subtags are listed too, with the filter sidebar. A synonym's URL redirects (301)
 * to its canonical tag's page, and a name spelled differently (case, spacing) to the tag's own
 * spelling, keeping the filters. `/fandoms`: every fandom (filter tag) with its count of the
 * works the reader may see and has not hidden, from the engine's facets over all those works.
 */
export function registerTagRoutes(app: FastifyInstance, archive: Archive): void {
  const db = archive.store.db;

  app.get<{ Params: { name: string } }>('/tags/:name', async (req, reply) => {
    const name = req.params.name;
    const tag = await findTagByName(db, name);
    if (!tag) throw new QuireError('not_found', `there is no tag "${name.slice(0, 150)}"`);
    const query = listingQuery(archive, req);
    const canonical = tag.synonymOf !== null ? (await findTagsByIds(db, [tag.synonymOf]))[0]?.name : undefined;
    const target = canonical ?? (tag.name !== name ? tag.name : undefined);
    if (target !== undefined) {
      const state = { base: tagHref(target), query, perPageDefault: listingPageSize(archive), showHidden: wantsHidden(req) };
      return reply.redirect(listingHref(state, { page: query.page }), 301);
    }
    const { state, result, hiding } = await runListing(archive, req, tagHref(tag.name), query, `"${tag.name}"`, [tag.name]);
    if (result.total === 0 && result.hiddenByFilters === 0 && !hasFilters(query)) throw new QuireError('not_found', `no works are tagged "${tag.name}"`);
    const relations = await publicRelations(db, await tagRelations(db, tag), req.viewer.kind !== 'guest');
    return sendPage(reply, archive.config, {
      title: [query.page > 1 ? `${tag.name} (page ${query.page})` : tag.name, 'Works'],
      section: 'works',
      bodyClass: 'page-listing',
      feeds: [{ title: `Works in “${tag.name}” (Atom)`, href: hasFilters(query) ? searchFeedHref(state, [tag.name]) : `${tagHref(tag.name)}/feed.atom` }],
      body: filteredListing({
        heading: html`Works in <span class="tag-name">${tag.name}</span>`,
        lead: html`<p class="tag-kind">${TAG_KIND[tag.type] ?? 'Tag'}</p><div class="reader-buttons hide-actions">${hideButton('tag', tag.name, reply)}</div>${tagRelationsBlock(relations, mayWrangle(req.viewer) ? `/wrangling/tags/${tag.id}` : undefined)}`,
        state, result, hasRules: hiding.hasRules, implicit: [tag.name], known: await tagTypesOf(archive, query, result),
      }),
    });
  });

  app.get('/fandoms', async (req, reply) => {
    const { hide } = await readerHiding(archive, req);
    const all = await archive.search.search(req.viewer, searchQuery({ perPage: 1, facetLimit: ALL_FACETS }), { hide });
    return sendPage(reply, archive.config, {
      title: ['Fandoms'],
      section: 'fandoms',
      body: fandomsPage(all.facets.fandom.map((f) => ({ name: f.name, count: f.count }))),
    });
  });
}
