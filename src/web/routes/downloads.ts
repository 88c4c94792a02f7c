import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { downloadsFor } from '../../downloads/download.service.ts';
import { contentDisposition } from '../../downloads/filename.ts';
import { DOWNLOAD_EXTENSIONS, isDownloadExt } from '../../downloads/formats.ts';
import { QuireError } from '../../errors.ts';
import { logger } from '../../log.ts';
import { ADULT_RATINGS } from '../../tags/tag.types.ts';
import { GUEST, type Viewer } from '../../works/visibility.ts';
import { adultGate } from '../adult-gate.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import { downloadFailedPage, preparingPage } from '../views/downloads.ts';
import { workHref } from '../views/format.ts';

/** The request's viewer, as the reading routes take it (set from the session by routes/session.ts). */
function viewerOf(req: FastifyRequest): Viewer {
  return req.viewer ?? GUEST;
}

/**
 * `/works/:id/download.:ext` (epub, azw3, mobi, pdf, html, txt): the work as a file, for every
 * viewer who may read it and no one else (drafts, hidden and restricted works are 404 to guests),
 * behind the same adult-content consent as reading. Slow formats answer 202 "being prepared".
 */
export function registerDownloadRoutes(app: FastifyInstance, archive: Archive): void {
  const downloads = downloadsFor(archive);
  logger('downloads').info({ formats: downloads.formats().map((f) => f.ext) }, 'download formats offered');

  app.get<{ Params: { id: string; ext: string } }>('/works/:id/download.:ext', async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const ext = req.params.ext;
    if (!isDownloadExt(ext)) {
      throw new QuireError('not_found', `there is no ${JSON.stringify(ext.slice(0, 20))} download; the formats are ${DOWNLOAD_EXTENSIONS.join(', ')}`);
    }
    const work = await archive.works.read(viewerOf(req), id);
    const why = downloads.why(ext);
    if (why) throw new QuireError('not_found', why);
    if (adultGate(archive.config, work, req, reply) === 'gate') return reply.redirect(workHref(id), 303);

    const prepared = await downloads.prepare(work, ext);
    const title = [work.title, work.fandoms.slice(0, 2).join(', ')];
    if (prepared.state === 'preparing') {
      reply.header('retry-after', '10').header('cache-control', 'no-store');
      return sendPage(reply, archive.config, { title: ['Preparing download', ...title], section: 'works', body: preparingPage(work, prepared.format) }, 202);
    }
    if (prepared.state === 'failed') {
      reply.header('cache-control', 'no-store');
      if (prepared.status === 503) reply.header('retry-after', '120');
      return sendPage(reply, archive.config, { title: ['Download not ready', ...title], section: 'works', body: downloadFailedPage(work, prepared.format, prepared.message) }, prepared.status);
    }
    const personal = work.restricted || work.status !== 'posted' || work.hidden || (archive.config.adultGate && ADULT_RATINGS.includes(work.rating));
    reply.header('cache-control', `${personal ? 'private' : 'public'}, no-cache`).header('etag', prepared.etag);
    if (req.headers['if-none-match'] === prepared.etag) return reply.code(304).send();
    return reply
      .type(prepared.format.mime)
      .header('content-disposition', contentDisposition(work, ext))
      .send(prepared.bytes);
  });
}
