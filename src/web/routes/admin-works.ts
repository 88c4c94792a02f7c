import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { Moderation, type ModerationAction } from '../../works/moderation.ts';
import { parseId } from '../params.ts';
import { workHref } from '../views/format.ts';
import { formFields } from './auth-forms.ts';
import { backWith } from './reader-forms.ts';

/**
 * `POST /admin/works/:id/hide` and `/unhide` (with an optional `reason`): administrators only,
 * with the form's CSRF token. Anyone else gets 404, exactly as for a work that does not exist.
 * Back to the work's page (or `back`) afterwards.
 */
export function registerAdminWorkRoutes(app: FastifyInstance, archive: Archive): void {
  const moderation = new Moderation(archive.works);
  for (const action of ['hide', 'unhide'] as const satisfies readonly ModerationAction[]) {
    app.post<{ Params: { id: string } }>(`/admin/works/:id/${action}`, { preHandler: app.csrfProtection }, async (req, reply) => {
      const id = parseId(req.params.id, 'work');
      const f = formFields(req.body, ['reason', 'back']);
      await moderation[action](req.viewer, id, f.reason);
      return reply.redirect(backWith(f.back, workHref(id), undefined, 'moderation'), 303);
    });
  }
}
