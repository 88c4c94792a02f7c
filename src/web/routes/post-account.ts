import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Archive } from '../../archive.ts';
import { FREE_TAG_TYPES } from '../../tags/tag.types.ts';
import { suggestTags } from '../../works/posting-tags.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import { coCreationsPage, draftsPage } from '../views/post-pages.ts';
import { noStore } from './auth-forms.ts';
import { doneNotice, loginRedirect, memberAccount } from './post-common.ts';
import { QuireError } from '../../errors.ts';
import { workHref } from '../views/format.ts';

const NOTICES: Record<string, string> = {
  deleted: 'The work was deleted.',
  declined: 'The invitation was declined.',
  left: 'Your pen names were taken off the work.',
};

const autocompleteQuery = z.object({
  type: z.enum(FREE_TAG_TYPES, { error: `type must be one of ${FREE_TAG_TYPES.join(', ')}` }),
  q: z.string().max(100, 'q must be at most 100 characters'),
});

/**
 * A member's own pages around posting: `/account/drafts` and `/account/co-creations` (accept or
 * decline, POST with CSRF); and `/tags/autocomplete?type=character&q=eli`, the JSON the tag
 * fields' suggestion script asks (tag names only; see suggestTags for what may be shown).
 */
export function registerPostAccountRoutes(app: FastifyInstance, archive: Archive): void {
  const posting = archive.posting;
  const config = archive.config;

  app.get('/account/drafts', async (req, reply) => {
    const accountId = memberAccount(req);
    if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
    noStore(reply);
    return sendPage(reply, config, { title: ['Your drafts'], body: draftsPage(reply, await posting.drafts(accountId), doneNotice(req, NOTICES)) });
  });

  app.get('/account/co-creations', async (req, reply) => {
    const accountId = memberAccount(req);
    if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
    noStore(reply);
    return sendPage(reply, config, { title: ['Co-creator invitations'], body: coCreationsPage(reply, await posting.coCreators.pendingFor(accountId), doneNotice(req, NOTICES)) });
  });

  app.post<{ Params: { id: string } }>('/account/co-creations/:id/accept', { preHandler: app.csrfProtection }, async (req, reply) => {
    const accountId = memberAccount(req);
    if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
    const workId = await posting.coCreators.accept(accountId, parseId(req.params.id, 'invitation'));
    return reply.redirect(workHref(workId), 303);
  });

  app.post<{ Params: { id: string } }>('/account/co-creations/:id/decline', { preHandler: app.csrfProtection }, async (req, reply) => {
    const accountId = memberAccount(req);
    if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
    await posting.coCreators.decline(accountId, parseId(req.params.id, 'invitation'));
    return reply.redirect('/account/co-creations?done=declined', 303);
  });

  app.get('/tags/autocomplete', async (req, reply) => {
    const parsed = autocompleteQuery.safeParse(req.query ?? {});
    if (!parsed.success) throw new QuireError('bad_request', parsed.error.issues[0]!.message);
    const tags = await suggestTags(archive.store.db, parsed.data.type, parsed.data.q, req.viewer, 10);
    return reply.header('cache-control', 'private, max-age=60').type('application/json; charset=utf-8').send({ tags });
  });
}
