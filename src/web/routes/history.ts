import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { parseId, parsePage, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { workHref } from '../views/format.ts';
import { historyPage, laterPage } from '../views/reading-lists.ts';
import { READER_NOTICES } from '../views/work-reader.ts';
import { formFields, noStore } from './auth-forms.ts';
import { backWith, loginFirst } from './reader-forms.ts';
import { memberId } from './session.ts';

const HISTORY_NOTICES: Record<string, string> = {
  cleared: 'Your history was cleared.',
  removed: 'The work was removed from your history.',
  paused: 'History is paused: works you open are not recorded.',
  resumed: 'History is on again.',
};

/**
 * Reading history (`/history`; `POST /history/pause` with `paused=1|0`, `POST /history/clear`,
 * `POST /history/:workId/delete`) and Marked for Later (`/later`, `POST /works/:id/later`,
 * `POST /later/:workId/delete`). Both are private to their owner.
 */
export function registerHistoryRoutes(app: FastifyInstance, archive: Archive): void {
  const { history, later } = archive.interactions;

  app.get('/history', async (req, reply) => {
    const login = loginFirst(req, reply);
    if (login) return login;
    const id = memberId(req);
    const page = await history.page(req.viewer, { page: parsePage(req.query), pageSize: archive.config.pageSize });
    if (page.page > page.pages) throw new QuireError('not_found', `there is no page ${page.page} of your history`);
    const done = queryString(req.query, 'done');
    noStore(reply);
    return sendPage(reply, archive.config, {
      title: ['History'],
      body: historyPage(reply, { username: req.viewer.username ?? '', page, paused: await history.isPaused(id), notice: done ? HISTORY_NOTICES[done] : undefined }),
    });
  });

  app.post('/history/pause', { preHandler: app.csrfProtection }, async (req, reply) => {
    const paused = formFields(req.body, ['paused']).paused === '1';
    await history.setPaused(memberId(req), paused);
    return reply.redirect(`/history?done=${paused ? 'paused' : 'resumed'}`, 303);
  });

  app.post('/history/clear', { preHandler: app.csrfProtection }, async (req, reply) => {
    await history.clear(memberId(req));
    return reply.redirect('/history?done=cleared', 303);
  });

  app.post<{ Params: { id: string } }>('/history/:id/delete', { preHandler: app.csrfProtection }, async (req, reply) => {
    await history.clear(memberId(req), parseId(req.params.id, 'work'));
    return reply.redirect('/history?done=removed', 303);
  });

  app.get('/later', async (req, reply) => {
    const login = loginFirst(req, reply);
    if (login) return login;
    const page = await later.page(req.viewer, { page: parsePage(req.query), pageSize: archive.config.pageSize });
    if (page.page > page.pages) throw new QuireError('not_found', `there is no page ${page.page} of your Marked for Later list`);
    const done = queryString(req.query, 'done');
    noStore(reply);
    return sendPage(reply, archive.config, { title: ['Marked for Later'], body: laterPage(reply, req.viewer.username ?? '', page, done ? READER_NOTICES[done] : undefined) });
  });

  app.post<{ Params: { id: string } }>('/works/:id/later', { preHandler: app.csrfProtection }, async (req, reply) => {
    const workId = parseId(req.params.id, 'work');
    memberId(req);
    await later.add(req.viewer, workId);
    return reply.redirect(backWith(formFields(req.body, ['back']).back, workHref(workId), 'later-added', 'reader-actions'), 303);
  });

  app.post<{ Params: { id: string } }>('/later/:id/delete', { preHandler: app.csrfProtection }, async (req, reply) => {
    const workId = parseId(req.params.id, 'work');
    await later.remove(memberId(req), workId);
    return reply.redirect(backWith(formFields(req.body, ['back']).back, '/later', 'later-removed', 'reader-actions'), 303);
  });
}
