import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Archive } from '../../archive.ts';
import { emailSchema, usernameSchema } from '../../accounts/account.types.ts';
import { LOCK_MS } from '../../accounts/login-throttle.ts';
import { queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import type { FormErrors } from '../views/account-fields.ts';
import { forgotPage, loginPage, resetExpiredPage, resetPage, signupPage } from '../views/account-auth.ts';
import { errorPage } from '../views/error-page.ts';
import { errorStatus, formFields, forgotForm, loginForm, noStore, resetForm, safeReturnTo, serviceErrors, signupForm, zodErrors } from './auth-forms.ts';
import { clearSessionCookie, setSessionCookie } from './session.ts';

/** Per-IP limits on the forms that make accounts or send mail (the login has its own, in the database). */
const SIGNUP_LIMIT = { rateLimit: { max: 10, timeWindow: 15 * 60_000 } };
const FORGOT_LIMIT = { rateLimit: { max: 5, timeWindow: 15 * 60_000 } };

/** Fixed messages for `/login?done=…` (never text from the request). */
const LOGIN_NOTICES: Record<string, string> = {
  reset: 'Your password was changed. Log in with the new one.',
  deleted: 'Your account was deleted.',
};

/** `in 15 seconds` / `at 14:05 UTC`. */
function when(retryAt: Date | undefined, now = Date.now()): string {
  if (!retryAt) return 'in a little while';
  const s = Math.max(1, Math.ceil((retryAt.getTime() - now) / 1000));
  return s < 120 ? `in ${s} seconds` : `at ${retryAt.toISOString().slice(11, 16)} UTC`;
}

/** `/signup`, `/login`, `/logout`, `/password/forgot`, `/password/reset`: every form works without JavaScript. */
export function registerAuthRoutes(app: FastifyInstance, archive: Archive): void {
  const config = archive.config;
  const accounts = archive.accounts;

  const showSignup = (reply: FastifyReply, values: Record<string, string>, errors: FormErrors, status = 200) => {
    noStore(reply);
    return sendPage(reply, config, { title: ['Sign up'], body: signupPage(reply, config.signup, values, errors) }, status);
  };
  const closed = (reply: FastifyReply) =>
    sendPage(reply, config, { title: ['Sign-ups are closed'], body: errorPage('Sign-ups are closed', 'New accounts cannot be made here at the moment.') }, 403);

  app.get('/signup', async (req, reply) => {
    if (req.viewer.kind === 'member') return reply.redirect('/account', 303);
    if (config.signup === 'closed') return closed(reply);
    return showSignup(reply, {}, {});
  });

  app.post('/signup', { preHandler: app.csrfProtection, config: SIGNUP_LIMIT }, async (req, reply) => {
    if (config.signup === 'closed') return closed(reply);
    const f = formFields(req.body, ['username', 'email', 'password', 'password_confirm', 'invitation']);
    const values = { username: f.username, email: f.email, invitation: f.invitation };
    const parsed = signupForm.safeParse(f);
    if (!parsed.success) {
      const ok = (schema: z.ZodType, v: string) => (schema.safeParse(v).success ? v : undefined);
      const taken = await accounts.unavailable(ok(usernameSchema, f.username), ok(emailSchema, f.email));
      const errors = zodErrors(parsed.error);
      for (const issue of taken) errors[issue.field] ??= issue.message;
      return showSignup(reply, values, errors, 422);
    }
    try {
      const account = await accounts.signUp({ ...parsed.data, invitation: parsed.data.invitation || undefined });
      if (req.sessionToken) await accounts.logOut(req.sessionToken);
      const session = await accounts.sessions.create(account.id, req.headers['user-agent']);
      setSessionCookie(reply, config, session.token);
      return reply.redirect('/account?done=welcome', 303);
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      return showSignup(reply, values, errors, errorStatus(err));
    }
  });

  const showLogin = (reply: FastifyReply, values: { login?: string; returnTo?: string }, errors: FormErrors, status = 200, message?: string) => {
    noStore(reply);
    return sendPage(reply, config, { title: ['Log in'], body: loginPage(reply, values, errors, message, config.signup !== 'closed') }, status);
  };

  app.get('/login', async (req, reply) => {
    const returnTo = safeReturnTo(queryString(req.query, 'return_to'));
    if (req.viewer.kind === 'member') return reply.redirect(returnTo, 303);
    const done = queryString(req.query, 'done');
    return showLogin(reply, { returnTo: returnTo === '/' ? undefined : returnTo }, {}, 200, done ? LOGIN_NOTICES[done] : undefined);
  });

  app.post('/login', { preHandler: app.csrfProtection }, async (req, reply) => {
    const f = formFields(req.body, ['login', 'password', 'return_to']);
    const returnTo = safeReturnTo(f.return_to);
    const values = { login: f.login, returnTo: returnTo === '/' ? undefined : returnTo };
    const parsed = loginForm.safeParse(f);
    if (!parsed.success) return showLogin(reply, values, zodErrors(parsed.error), 422);
    const result = await accounts.logIn(parsed.data.login, parsed.data.password, req.ip, req.headers['user-agent']);
    if (!result.ok) {
      if (result.reason === 'invalid') return showLogin(reply, values, { _form: 'The username or e-mail address, or the password, is not right.' }, 422);
      reply.header('retry-after', String(Math.max(1, Math.ceil(((result.retryAt?.getTime() ?? Date.now()) - Date.now()) / 1000))));
      const message =
        result.reason === 'locked'
          ? `Logging in with this name is paused for ${LOCK_MS / 60_000} minutes after too many failed attempts. Try again ${when(result.retryAt)}, or reset your password.`
          : `Too many login attempts in a short time. Try again ${when(result.retryAt)}.`;
      return showLogin(reply, values, { _form: message }, 429);
    }
    if (req.sessionToken) await accounts.logOut(req.sessionToken);
    setSessionCookie(reply, config, result.token);
    return reply.redirect(returnTo, 303);
  });

  app.post('/logout', { preHandler: app.csrfProtection }, async (req, reply) => {
    await accounts.logOut(req.sessionToken);
    clearSessionCookie(reply, config);
    return reply.redirect('/', 303);
  });

  const showForgot = (reply: FastifyReply, values: { email?: string }, errors: FormErrors, sent: boolean, status = 200) => {
    noStore(reply);
    return sendPage(reply, config, { title: ['Forgot your password?'], body: forgotPage(reply, values, errors, sent) }, status);
  };

  app.get('/password/forgot', async (_req, reply) => showForgot(reply, {}, {}, false));

  app.post('/password/forgot', { preHandler: app.csrfProtection, config: FORGOT_LIMIT }, async (req, reply) => {
    const f = formFields(req.body, ['email']);
    const parsed = forgotForm.safeParse(f);
    if (!parsed.success) return showForgot(reply, f, zodErrors(parsed.error), false, 422);
    await accounts.requestPasswordReset(parsed.data.email);
    return showForgot(reply, {}, {}, true);
  });

  const expired = (reply: FastifyReply) => {
    noStore(reply);
    return sendPage(reply, config, { title: ['Link expired'], body: resetExpiredPage() }, 410);
  };

  app.get('/password/reset', async (req, reply) => {
    const token = queryString(req.query, 'token') ?? '';
    if ((await accounts.resets.accountFor(token)) === undefined) return expired(reply);
    noStore(reply);
    return sendPage(reply, config, { title: ['Choose a new password'], body: resetPage(reply, token, {}) });
  });

  app.post('/password/reset', { preHandler: app.csrfProtection }, async (req, reply) => {
    const f = formFields(req.body, ['token', 'password', 'password_confirm']);
    if ((await accounts.resets.accountFor(f.token)) === undefined) return expired(reply);
    const parsed = resetForm.safeParse(f);
    const show = (errors: FormErrors) => {
      noStore(reply);
      return sendPage(reply, config, { title: ['Choose a new password'], body: resetPage(reply, f.token, errors) }, 422);
    };
    if (!parsed.success) return show(zodErrors(parsed.error));
    try {
      await accounts.resetPassword(parsed.data.token, parsed.data.password);
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      return errors.token ? expired(reply) : show(errors);
    }
    if (req.sessionToken) clearSessionCookie(reply, config);
    return reply.redirect('/login?done=reset', 303);
  });
}
