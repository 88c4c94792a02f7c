import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Archive } from '../../archive.ts';
import type { AccountRelations, RelationKind } from '../../interactions/relations.ts';
import { parseId, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { relationsPage } from '../views/blocks.ts';
import { READER_NOTICES } from '../views/work-reader.ts';
import { errorStatus, formFields, noStore, serviceErrors, zodErrors } from './auth-forms.ts';
import { backWith, loginFirst } from './reader-forms.ts';
import { memberId } from './session.ts';

const byUsername = z.object({ username: z.string().trim().min(1, 'is needed').max(40, 'must be at most 40 characters') });

/**
 * Blocks and mutes: `/account/blocked` and `/account/muted` (list and a form by username),
 * `POST` to them (`username`, or `pseud_id` from a creator's page with `back`), and
 * `POST /account/blocked/:accountId/delete` (`/account/muted/…`) to undo.
 */
export function registerBlockRoutes(app: FastifyInstance, archive: Archive): void {
  const lists: [RelationKind, string, AccountRelations][] = [
    ['block', '/account/blocked', archive.interactions.blocks],
    ['mute', '/account/muted', archive.interactions.mutes],
  ];
  for (const [kind, path, relations] of lists) {
    const title = kind === 'block' ? 'Blocked accounts' : 'Muted accounts';
    const show = async (req: FastifyRequest, reply: FastifyReply, failed?: { errors: Record<string, string>; value: string }, status = 200) => {
      const id = memberId(req);
      const done = queryString(req.query, 'done');
      noStore(reply);
      return sendPage(reply, archive.config, {
        title: [title],
        body: relationsPage(reply, { kind, username: req.viewer.username ?? '', list: await relations.list(id), notice: failed || !done ? undefined : READER_NOTICES[done], errors: failed?.errors, value: failed?.value }),
      }, status);
    };

    app.get(path, async (req, reply) => loginFirst(req, reply) ?? show(req, reply));

    app.post(path, { preHandler: app.csrfProtection }, async (req, reply) => {
      const id = memberId(req);
      const f = formFields(req.body, ['username', 'pseud_id', 'back']);
      const done = kind === 'block' ? 'blocked' : 'muted';
      if (f.pseud_id) {
        await relations.add(id, { pseudId: parseId(f.pseud_id, 'pen name') });
        return reply.redirect(backWith(f.back, path, done), 303);
      }
      const parsed = byUsername.safeParse(f);
      if (!parsed.success) return show(req, reply, { errors: zodErrors(parsed.error), value: f.username }, 422);
      try {
        await relations.add(id, { username: parsed.data.username });
      } catch (err) {
        const errors = serviceErrors(err);
        if (!errors) throw err;
        return show(req, reply, { errors, value: f.username }, errorStatus(err));
      }
      return reply.redirect(`${path}?done=${done}`, 303);
    });

    app.post<{ Params: { id: string } }>(`${path}/:id/delete`, { preHandler: app.csrfProtection }, async (req, reply) => {
      await relations.remove(memberId(req), parseId(req.params.id, 'account'));
      return reply.redirect(backWith(formFields(req.body, ['back']).back, path, kind === 'block' ? 'unblocked' : 'unmuted'), 303);
    });
  }
}
