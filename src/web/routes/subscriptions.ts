import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { parseSubscriptionKind } from '../../interactions/subscriptions.ts';
import { parseId, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { subscriptionsPage } from '../views/subscriptions.ts';
import { READER_NOTICES } from '../views/work-reader.ts';
import { formFields, noStore } from './auth-forms.ts';
import { backWith, loginFirst } from './reader-forms.ts';
import { memberId } from './session.ts';

/** `POST /subscriptions` (kind work, pseud or series, and target id), `POST /subscriptions/:id/delete`, and the `/subscriptions` page. */
export function registerSubscriptionRoutes(app: FastifyInstance, archive: Archive): void {
  const subs = archive.interactions.subscriptions;

  app.post('/subscriptions', { preHandler: app.csrfProtection }, async (req, reply) => {
    memberId(req);
    const f = formFields(req.body, ['kind', 'target', 'back']);
    const kind = parseSubscriptionKind(f.kind);
    if (!kind) throw new QuireError('bad_request', 'kind must be work, pseud or series');
    const target = parseId(f.target, kind === 'pseud' ? 'pen name' : kind);
    await subs.subscribe(req.viewer, kind, target);
    return reply.redirect(backWith(f.back, '/subscriptions', 'subscribed'), 303);
  });

  app.post<{ Params: { id: string } }>('/subscriptions/:id/delete', { preHandler: app.csrfProtection }, async (req, reply) => {
    memberId(req);
    await subs.unsubscribe(req.viewer, parseId(req.params.id, 'subscription'));
    const { back } = formFields(req.body, ['back']);
    return reply.redirect(backWith(back, '/subscriptions', 'unsubscribed'), 303);
  });

  app.get('/subscriptions', async (req, reply) => {
    const login = loginFirst(req, reply);
    if (login) return login;
    noStore(reply);
    const done = queryString(req.query, 'done');
    return sendPage(reply, archive.config, {
      title: ['Subscriptions'],
      body: subscriptionsPage(reply, req.viewer.username ?? '', await subs.list(req.viewer), done ? READER_NOTICES[done] : undefined),
    });
  });
}
