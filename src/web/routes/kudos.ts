import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { parseId } from '../params.ts';
import { workHref } from '../views/format.ts';
import { formFields } from './auth-forms.ts';
import { actorOf, backWith } from './reader-forms.ts';

/** `POST /works/:id/kudos`: leave kudos (members once, guests once per address), then back to the work. */
export function registerKudosRoutes(app: FastifyInstance, archive: Archive): void {
  app.post<{ Params: { id: string } }>('/works/:id/kudos', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const { back } = formFields(req.body, ['back']);
    const result = await archive.interactions.kudos.give(actorOf(req), id);
    return reply.redirect(backWith(back, workHref(id), result === 'given' ? 'kudos' : 'kudos-already', 'kudos'), 303);
  });
}
