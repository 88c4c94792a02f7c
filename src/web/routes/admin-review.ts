import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import { reviewPage } from '../views/admin-review.ts';
import { noStore } from './auth-forms.ts';
import { doneNotice } from './post-common.ts';

/** The signed-in administrator's account id; `forbidden` (403) for everyone else. */
function adminId(req: FastifyRequest): number {
  if (req.viewer.kind !== 'member' || req.viewer.accountId === undefined || !req.viewer.admin) {
    throw new QuireError('forbidden', 'Only administrators may see the rating review queue.');
  }
  return req.viewer.accountId;
}

/**
 * `GET /admin/review`: the rating review queue (src/suggest/rating-hints.ts), and
 * `POST /admin/review/:id/dismiss` (CSRF) to record that an administrator keeps the author's
 * rating. Administrators only: 403 for anyone else, guests included.
 */
export function registerAdminReviewRoutes(app: FastifyInstance, archive: Archive): void {
  app.get('/admin/review', async (req, reply) => {
    adminId(req);
    noStore(reply);
    const items = await archive.ratingHints.queue();
    const message = doneNotice(req, { dismissed: 'Dismissed: the work keeps its author’s rating and leaves this list until its rating or hint changes.' });
    return sendPage(reply, archive.config, { title: ['Rating review', 'Admin'], body: reviewPage(reply, items, message) });
  });

  app.post<{ Params: { id: string } }>('/admin/review/:id/dismiss', { preHandler: app.csrfProtection }, async (req, reply) => {
    const admin = adminId(req);
    const id = parseId(req.params.id, 'work');
    await archive.ratingHints.dismiss(admin, id);
    return reply.redirect('/admin/review?done=dismissed', 303);
  });
}
