import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { parsePage, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { inboxPage } from '../views/inbox.ts';
import { formFields, noStore } from './auth-forms.ts';
import { idList, loginFirst } from './reader-forms.ts';
import { memberId } from './session.ts';

const NOTICES: Record<string, string> = {
  read: 'Marked as read.',
  deleted: 'Deleted.',
  'digest-on': 'The e-mail digest is on.',
  'digest-off': 'The e-mail digest is off.',
};

/**
 * `/inbox` (only its owner's notices; `?unread=1` for unread ones), `POST /inbox` (the selected
 * notices: `action=read` or `delete`), `POST /inbox/read-all`, `POST /inbox/delete-read`,
 * `POST /inbox/digest` (`digest=1` or `0`).
 */
export function registerInboxRoutes(app: FastifyInstance, archive: Archive): void {
  const { inbox, prefs } = archive.interactions;

  app.get('/inbox', async (req, reply) => {
    const login = loginFirst(req, reply);
    if (login) return login;
    const id = memberId(req);
    const unreadOnly = queryString(req.query, 'unread') === '1';
    const page = await inbox.page(req.viewer, { page: parsePage(req.query), pageSize: 50, unread: unreadOnly });
    if (page.page > page.pages) throw new QuireError('not_found', `there is no page ${page.page} of your inbox`);
    const done = queryString(req.query, 'done');
    noStore(reply);
    return sendPage(reply, archive.config, {
      title: ['Inbox'],
      body: inboxPage(reply, {
        username: req.viewer.username ?? '',
        page,
        unread: await inbox.unreadCount(req.viewer),
        unreadOnly,
        emailDigest: (await prefs.get(id)).emailDigest,
        notice: done ? NOTICES[done] : undefined,
        base: unreadOnly ? '/inbox?unread=1' : '/inbox',
      }),
    });
  });

  app.post('/inbox', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const { action } = formFields(req.body, ['action']);
    const ids = idList(req.body, 'ids');
    if (action === 'read') await inbox.markRead(id, ids);
    else if (action === 'delete') await inbox.remove(id, ids);
    else throw new QuireError('bad_request', 'action must be read or delete');
    return reply.redirect(`/inbox?done=${action === 'read' ? 'read' : 'deleted'}`, 303);
  });

  app.post('/inbox/read-all', { preHandler: app.csrfProtection }, async (req, reply) => {
    await inbox.markRead(memberId(req), 'all');
    return reply.redirect('/inbox?done=read', 303);
  });

  app.post('/inbox/delete-read', { preHandler: app.csrfProtection }, async (req, reply) => {
    await inbox.remove(memberId(req), 'read');
    return reply.redirect('/inbox?done=deleted', 303);
  });

  app.post('/inbox/digest', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const on = formFields(req.body, ['digest']).digest === '1';
    await prefs.set(id, { emailDigest: on });
    return reply.redirect(`/inbox?done=${on ? 'digest-on' : 'digest-off'}`, 303);
  });
}
