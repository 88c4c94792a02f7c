import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { notFound } from '../../errors.ts';
import { loadSeries } from '../../works/series.repository.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import { seriesPage } from '../views/pages.ts';
import { html } from '../html.ts';
import { seriesExtras } from './reader.ts';

/** `/series/:id`: a series and its visible works in order; 404 when none is visible. */
export function registerSeriesRoutes(app: FastifyInstance, archive: Archive): void {
  app.get<{ Params: { id: string } }>('/series/:id', async (req, reply) => {
    const id = parseId(req.params.id, 'series');
    const series = await loadSeries(archive.store.db, id, req.viewer);
    if (!series) throw notFound('series', id);
    return sendPage(reply, archive.config, { title: [series.title, 'Series'], section: 'works', feeds: [{ title: `Series “${series.title}” (Atom)`, href: `/series/${series.id}/feed.atom` }], body: html`${seriesPage(series)}${await seriesExtras(archive, req, reply, series)}` });
  });
}
