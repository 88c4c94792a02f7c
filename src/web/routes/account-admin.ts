import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { sendPage } from '../render.ts';
import type { FormErrors } from '../views/account-fields.ts';
import { invitationsPage } from '../views/account-admin.ts';
import { formFields, invitationsForm, noStore, zodErrors } from './auth-forms.ts';
import { memberId } from './session.ts';

/** The signed-in admin's account id; `forbidden` for everyone else. */
function adminId(req: FastifyRequest): number {
  const id = memberId(req);
  if (!req.viewer.admin) throw new QuireError('forbidden', 'Only administrators may see this page.');
  return id;
}

/** `/admin/invitations`: administrators make invitation codes and see who used them. */
export function registerAccountAdminRoutes(app: FastifyInstance, archive: Archive): void {
  const show = async (reply: FastifyReply, fresh: string[], count: string, errors: FormErrors, status = 200) => {
    noStore(reply);
    const invitations = await archive.accounts.invitations.list();
    return sendPage(reply, archive.config, { title: ['Invitations', 'Admin'], body: invitationsPage(reply, { mode: archive.config.signup, invitations, fresh, count, errors }) }, status);
  };

  app.get('/admin/invitations', async (req, reply) => {
    if (req.viewer.kind !== 'member') return reply.redirect('/login?return_to=%2Fadmin%2Finvitations', 303);
    adminId(req);
    return show(reply, [], '1', {});
  });

  app.post('/admin/invitations', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = adminId(req);
    const f = formFields(req.body, ['count']);
    const parsed = invitationsForm.safeParse(f);
    if (!parsed.success) return show(reply, [], f.count, zodErrors(parsed.error), 422);
    const codes = await archive.accounts.invitations.create(parsed.data.count, id);
    return show(reply, codes, '1', {});
  });
}
