import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { notFound } from '../../errors.ts';
import { loadSeries } from '../../works/series.repository.ts';
import type { Viewer } from '../../works/visibility.ts';
import type { Work, WorkWithChapters } from '../../works/work.types.ts';
import { adultGate, proceedHref } from '../adult-gate.ts';
import { parseId, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { chapterLabel, type ChapterMode } from '../views/chapter-nav.ts';
import { chapterHref, workHref } from '../views/format.ts';
import { adultGatePage } from '../views/gate.ts';
import { filteredListing } from '../views/search-page.ts';
import { searchFeedHref } from '../views/search-urls.ts';
import type { SeriesPlace } from '../views/work-meta.ts';
import { workPage } from '../views/work-page.ts';
import { html } from '../html.ts';
import { listingQuery, runListing, tagTypesOf } from './listing-search.ts';
import { readerSection, recordVisit } from './work-reader.ts';

/** Each series the work belongs to, with its visible neighbours for Previous / Next work links. */
async function seriesPlaces(archive: Archive, viewer: Viewer, work: Work): Promise<SeriesPlace[]> {
  const places: SeriesPlace[] = [];
  for (const ref of work.series) {
    const series = await loadSeries(archive.store.db, ref.id, viewer);
    const i = series?.works.findIndex((w) => w.work.id === work.id) ?? -1;
    if (!series || i < 0) continue;
    const prev = series.works[i - 1]?.work;
    const next = series.works[i + 1]?.work;
    places.push({
      id: series.id,
      title: series.title,
      position: ref.position,
      prev: prev && { id: prev.id, title: prev.title },
      next: next && { id: next.id, title: next.title },
    });
  }
  return places;
}

/** Renders a work (whole, or one chapter) behind the adult gate when it applies. */
async function showWork(archive: Archive, req: FastifyRequest, reply: FastifyReply, work: WorkWithChapters, mode: ChapterMode, path: string): Promise<FastifyReply> {
  const fandom = work.fandoms.slice(0, 2).join(', ');
  if (adultGate(archive.config, work, req, reply) === 'gate') {
    return sendPage(reply, archive.config, { title: ['Adult content', work.title, fandom], section: 'works', body: adultGatePage(work, proceedHref(path, req)) });
  }
  const chapter = mode.kind === 'chapter' && work.chapters.length > 1 ? work.chapters[mode.position - 1] : undefined;
  await recordVisit(archive, req, work, mode);
  const reader = await readerSection(archive, req, reply, work, mode);
  return sendPage(reply, archive.config, {
    title: [work.title, chapter && chapterLabel(chapter).replace(/:.*$/, ''), fandom],
    section: 'works',
    bodyClass: 'page-work',
    description: `${work.title} by ${work.creators.map((c) => c.name).join(', ') || 'Anonymous'}`,
    // Feeds are public (docs/feeds.md): only a work a guest may read has one.
    feeds: work.status === 'posted' && !work.restricted && !work.hidden ? [{ title: `New chapters of “${work.title}” (Atom)`, href: `${workHref(work.id)}/feed.atom` }] : [],
    body: html`${workPage({ work, mode, series: await seriesPlaces(archive, req.viewer, work), owner: work.creators.some((c) => req.viewer.pseudIds?.includes(c.id)) })}${reader}`,
  });
}

/** `/works` (the index, filterable like a search: routes/listing-search.ts), `/works/:id` (a work; `?view=full` for all chapters), `/works/:id/chapters/:n`. */
export function registerWorkRoutes(app: FastifyInstance, archive: Archive): void {
  app.get('/works', async (req, reply) => {
    const query = listingQuery(archive, req);
    const { state, result, hiding } = await runListing(archive, req, '/works', query, 'the works index');
    return sendPage(reply, archive.config, {
      title: [query.page > 1 ? `Works (page ${query.page})` : 'Works'],
      section: 'works',
      bodyClass: 'page-listing',
      feeds: [{ title: 'Works (Atom)', href: searchFeedHref(state) }],
      body: filteredListing({ heading: 'Works', state, result, hasRules: hiding.hasRules, known: await tagTypesOf(archive, query, result) }),
    });
  });

  app.get<{ Params: { id: string } }>('/works/:id', async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const work = await archive.works.read(req.viewer, id);
    const full = queryString(req.query, 'view') === 'full' || work.chapters.length <= 1;
    const mode: ChapterMode = full ? { kind: 'full' } : { kind: 'chapter', position: 1 };
    return showWork(archive, req, reply, work, mode, workHref(id));
  });

  app.get<{ Params: { id: string; n: string } }>('/works/:id/chapters/:n', async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const n = parseId(req.params.n, 'chapter');
    const work = await archive.works.read(req.viewer, id);
    if (n > work.chapters.length) throw notFound(`chapter ${n} of work`, id);
    const mode: ChapterMode = work.chapters.length <= 1 ? { kind: 'full' } : { kind: 'chapter', position: n };
    return showWork(archive, req, reply, work, mode, chapterHref(id, n));
  });
}
