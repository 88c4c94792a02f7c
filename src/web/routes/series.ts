import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { notFound } from '../../errors.ts';
import { searchQuery } from '../../search/query.ts';
import { loadSeries } from '../../works/series.repository.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import { seriesPage } from '../views/pages.ts';
import { hiddenNotice } from '../views/search-page.ts';
import { html } from '../html.ts';
import { listingPageSize, readerHiding } from './listing-search.ts';
import { seriesExtras } from './reader.ts';

/**
 * `/series/:id`: a series and its visible works in series order; 404 when none is visible. Which
 * works are listed, and how many the reader's filters and mutes hide ("2 works hidden by your
 * filters — show them"), come from the search engine's series filter; the order is the series'
 * own (positions, read with the series).
 */
export function registerSeriesRoutes(app: FastifyInstance, archive: Archive): void {
  app.get<{ Params: { id: string } }>('/series/:id', async (req, reply) => {
    const id = parseId(req.params.id, 'series');
    const series = await loadSeries(archive.store.db, id, req.viewer);
    if (!series) throw notFound('series', id);
    const hiding = await readerHiding(archive, req);
    const query = searchQuery({ seriesIds: [id] });
    const matching = await archive.search.matchingIds(req.viewer, query, { hide: hiding.hide });
    const keep = new Set(matching.ids);
    const shown = { ...series, works: series.works.filter((w) => keep.has(w.work.id)) };
    const state = { base: `/series/${id}`, query: searchQuery({ perPage: listingPageSize(archive) }), perPageDefault: listingPageSize(archive), showHidden: hiding.showHidden };
    const notice = hiddenNotice(state, matching, hiding.hasRules);
    return sendPage(reply, archive.config, {
      title: [series.title, 'Series'],
      section: 'works',
      feeds: [{ title: `Series “${series.title}” (Atom)`, href: `/series/${series.id}/feed.atom` }],
      body: html`${seriesPage(shown, { notice, bylineWorks: series.works.map((w) => w.work) })}${await seriesExtras(archive, req, reply, series)}`,
    });
  });
}
