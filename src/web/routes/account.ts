import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { notFound } from '../../errors.ts';
import { parseId, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { accountPage, type FormState } from '../views/account-settings.ts';
import { deleteForm, emailForm, errorStatus, formFields, noStore, passwordForm, penNameForm, serviceErrors, zodErrors } from './auth-forms.ts';
import { clearSessionCookie, memberId } from './session.ts';

/** Fixed messages for `/account?done=…` (never text from the request). */
const NOTICES: Record<string, string> = {
  welcome: 'Welcome! Your account is ready.',
  email: 'Your e-mail address was changed.',
  password: 'Your password was changed. Other browsers were logged out.',
  'pseud-added': 'The pen name was added.',
  'pseud-renamed': 'The pen name was renamed.',
  'pseud-default': 'The default pen name was changed.',
};

/**
 * `/account` and its forms: pen names (add, rename, default), e-mail, password, deletion.
 * Each form posts with its CSRF token, needs a signed-in member, and on success redirects back
 * (303) with a fixed notice; on failure the page comes back with the errors beside the fields.
 */
export function registerAccountRoutes(app: FastifyInstance, archive: Archive): void {
  const accounts = archive.accounts;
  const config = archive.config;

  async function show(req: FastifyRequest, reply: FastifyReply, failed?: FormState, status = 200): Promise<FastifyReply> {
    const id = memberId(req);
    const account = await accounts.get(id);
    if (!account) throw notFound('account', id);
    const done = queryString(req.query, 'done');
    noStore(reply);
    return sendPage(
      reply,
      config,
      {
        title: ['Your account'],
        body: accountPage(reply, {
          account,
          penNames: await accounts.penNames.list(id),
          sessions: await accounts.sessions.list(id, req.sessionToken),
          message: failed ? undefined : done ? NOTICES[done] : undefined,
          failed,
        }),
      },
      status,
    );
  }

  /** Runs a change; on a validation failure shows the page again with `form`'s errors. */
  async function attempt(req: FastifyRequest, reply: FastifyReply, form: string, values: Record<string, string>, change: () => Promise<string>): Promise<FastifyReply> {
    try {
      return reply.redirect(await change(), 303);
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      return show(req, reply, { form, errors, values }, errorStatus(err));
    }
  }

  app.get('/account', async (req, reply) => {
    if (req.viewer.kind !== 'member') return reply.redirect('/login?return_to=%2Faccount', 303);
    return show(req, reply);
  });

  app.post('/account/pseuds', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const f = formFields(req.body, ['name']);
    const parsed = penNameForm.safeParse(f);
    if (!parsed.success) return show(req, reply, { form: 'pseud-new', errors: zodErrors(parsed.error), values: f }, 422);
    return attempt(req, reply, 'pseud-new', f, async () => {
      await accounts.penNames.add(id, parsed.data.name);
      return '/account?done=pseud-added';
    });
  });

  app.post<{ Params: { id: string } }>('/account/pseuds/:id/rename', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const pseudId = parseId(req.params.id, 'pen name');
    const form = `pseud-${pseudId}`;
    const f = formFields(req.body, ['name']);
    const parsed = penNameForm.safeParse(f);
    if (!parsed.success) return show(req, reply, { form, errors: zodErrors(parsed.error), values: f }, 422);
    return attempt(req, reply, form, f, async () => {
      await accounts.penNames.rename(id, pseudId, parsed.data.name);
      return '/account?done=pseud-renamed';
    });
  });

  app.post<{ Params: { id: string } }>('/account/pseuds/:id/default', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    await accounts.penNames.setDefault(id, parseId(req.params.id, 'pen name'));
    return reply.redirect('/account?done=pseud-default', 303);
  });

  app.post('/account/email', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const f = formFields(req.body, ['email', 'current_password']);
    const values = { email: f.email };
    const parsed = emailForm.safeParse(f);
    if (!parsed.success) return show(req, reply, { form: 'email', errors: zodErrors(parsed.error), values }, 422);
    return attempt(req, reply, 'email', values, async () => {
      await accounts.changeEmail(id, parsed.data.current_password, parsed.data.email, req.ip);
      return '/account?done=email';
    });
  });

  app.post('/account/password', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const f = formFields(req.body, ['current_password', 'password', 'password_confirm']);
    const parsed = passwordForm.safeParse(f);
    if (!parsed.success) return show(req, reply, { form: 'password', errors: zodErrors(parsed.error), values: {} }, 422);
    return attempt(req, reply, 'password', {}, async () => {
      await accounts.changePassword(id, parsed.data.current_password, parsed.data.password, req.ip, req.sessionToken);
      return '/account?done=password';
    });
  });

  app.post('/account/delete', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const f = formFields(req.body, ['works', 'password']);
    const values = { works: f.works };
    const parsed = deleteForm.safeParse(f);
    if (!parsed.success) return show(req, reply, { form: 'delete', errors: zodErrors(parsed.error), values }, 422);
    return attempt(req, reply, 'delete', values, async () => {
      await accounts.deleteAccount(id, parsed.data.password, parsed.data.works, req.ip);
      clearSessionCookie(reply, config);
      return '/login?done=deleted';
    });
  });
}
