import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { filteredListing } from '../views/search-page.ts';
import { searchFeedHref } from '../views/search-urls.ts';
import { listingQuery, runListing, tagTypesOf } from './listing-search.ts';

/**
 * `/search?q=…`: the archive's search page. Every filter is a query parameter (src/search/params.ts),
 * so a search is a URL to bookmark or share; a bad parameter is a 400 page naming it.
 */
export function registerSearchRoutes(app: FastifyInstance, archive: Archive): void {
  app.get('/search', async (req, reply) => {
    const query = listingQuery(archive, req);
    const { state, result, hiding } = await runListing(archive, req, '/search', query, 'these results');
    const known = await tagTypesOf(archive, query, result);
    const heading = query.q === '' ? 'Search works' : `Search results for “${query.q}”`;
    // Until a sort is chosen, the form offers best match, so that words typed next are ranked.
    const sortShown = query.q === '' && !queryString(req.query, 'sort')?.trim() ? 'relevance' : undefined;
    return sendPage(reply, archive.config, {
      title: [query.q === '' ? undefined : query.q, query.page > 1 ? `Search (page ${query.page})` : 'Search'],
      section: 'search',
      bodyClass: 'page-listing',
      description: 'Search the works of the archive by words, tags and filters.',
      feeds: [{ title: query.q === '' ? 'Search results (Atom)' : `Search results for “${query.q}” (Atom)`, href: searchFeedHref(state) }],
      body: filteredListing({ heading, state, result, hasRules: hiding.hasRules, known, searchBox: true, sortShown }),
    });
  });
}
