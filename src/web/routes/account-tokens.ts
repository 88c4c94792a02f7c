import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { apiTokensFor } from '../../api/tokens.ts';
import { notFound } from '../../errors.ts';
import { parseId, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { tokensPage, type NewSecret, type TokensView } from '../views/account-tokens.ts';
import { errorStatus, formFields, noStore, serviceErrors } from './auth-forms.ts';
import { memberId } from './session.ts';

const NOTICES: Record<string, string> = {
  'token-revoked': 'The token was revoked: it no longer works.',
  'app-password-revoked': 'The app password was revoked: it no longer works.',
};

const EXPIRES: Record<string, number | undefined> = { '30': 30, '90': 90, '365': 365, never: undefined };

/**
 * `/account/tokens`: a member's personal access tokens (JSON API) and app passwords (OPDS).
 * Making one asks for the account password (a token outlives the session) and shows the secret
 * on the answer page only, once; revoking takes effect at once. Every form carries its CSRF token.
 */
export function registerAccountTokenRoutes(app: FastifyInstance, archive: Archive): void {
  const tokens = apiTokensFor(archive.store.db);

  async function show(req: FastifyRequest, reply: FastifyReply, extra: Pick<TokensView, 'created' | 'failed'> = {}, status = 200): Promise<FastifyReply> {
    const id = memberId(req);
    const account = await archive.accounts.get(id);
    if (!account) throw notFound('account', id);
    const done = queryString(req.query, 'done');
    noStore(reply);
    return sendPage(reply, archive.config, {
      title: ['Apps and tokens', 'Your account'],
      body: tokensPage(reply, {
        baseUrl: archive.config.baseUrl,
        username: account.username,
        tokens: await tokens.list(id, 'token'),
        appPasswords: await tokens.list(id, 'app_password'),
        message: done && !extra.failed && !extra.created ? NOTICES[done] : undefined,
        ...extra,
      }),
    }, status);
  }

  /** Checks the password, makes the credential, and shows it once; a failure re-shows the form with its errors. */
  async function make(req: FastifyRequest, reply: FastifyReply, form: 'token' | 'app-password', values: Record<string, string>, password: string, create: () => Promise<NewSecret>): Promise<FastifyReply> {
    const id = memberId(req);
    try {
      await archive.accounts.confirmPassword(id, password, req.ip);
      return await show(req, reply, { created: await create() });
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      return show(req, reply, { failed: { form, errors, values } }, errorStatus(err));
    }
  }

  app.get('/account/tokens', async (req, reply) => {
    if (req.viewer.kind !== 'member') return reply.redirect('/login?return_to=%2Faccount%2Ftokens', 303);
    return show(req, reply);
  });

  app.post('/account/tokens', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const f = formFields(req.body, ['name', 'scopes', 'expires', 'current_password']);
    const values = { name: f.name, scopes: f.scopes, expires: f.expires };
    if (!(f.expires in EXPIRES)) return show(req, reply, { failed: { form: 'token', errors: { expires: 'choose when the token stops working' }, values } }, 422);
    const expires = EXPIRES[f.expires];
    return make(req, reply, 'token', values, f.current_password, async () => {
      const scopes = f.scopes === 'write' ? (['read', 'write'] as const) : f.scopes === 'read' ? (['read'] as const) : [];
      const made = await tokens.createToken(id, { name: f.name, scopes, ...(expires !== undefined ? { expiresInDays: expires } : {}) });
      return { kind: 'token', name: made.credential.name, secret: made.secret };
    });
  });

  app.post('/account/app-passwords', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = memberId(req);
    const f = formFields(req.body, ['name', 'current_password']);
    return make(req, reply, 'app-password', { name: f.name }, f.current_password, async () => {
      const made = await tokens.createAppPassword(id, f.name);
      return { kind: 'app_password', name: made.credential.name, secret: made.secret };
    });
  });

  for (const [path, done] of [['/account/tokens', 'token-revoked'], ['/account/app-passwords', 'app-password-revoked']] as const) {
    app.post<{ Params: { id: string } }>(`${path}/:id/revoke`, { preHandler: app.csrfProtection }, async (req, reply) => {
      await tokens.revoke(memberId(req), parseId(req.params.id, 'token'));
      return reply.redirect(`/account/tokens?done=${done}`, 303);
    });
  }
}
