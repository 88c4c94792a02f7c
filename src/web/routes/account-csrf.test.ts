import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';

const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route with an unsafe method, read from Fastify's own route tree (`printRoutes`). */
function unsafeRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?) \(([^)]*)\)$/.exec(line.replace(/\u00a0/g, ' '));
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const url = stack.join('').replace(/\/{2,}/g, '/');
    for (const method of m[3]!.split(/,\s*/)) if (UNSAFE.includes(method)) out.push({ method, url });
  }
  return out;
}

test('every POST route refuses a request without a CSRF token (403), even from a signed-in admin', async (t) => {
  const { app, archive } = await accountsApp(t);
  const b = new Browser(app);
  assert.equal((await b.signUp('csrf_admin')).statusCode, 303);
  await archive.accounts.setRole('csrf_admin', 'admin');
  await b.get('/account');
  assert.ok(b.cookies.get('_csrf'), 'the browser holds a CSRF secret cookie, only the token is missing');
  const account = await archive.accounts.byUsername('csrf_admin');
  const pseudId = String(account!.defaultPseudId);

  const routes = unsafeRoutes(app);
  const urls = routes.map((r) => r.url);
  for (const expected of ['/signup', '/login', '/logout', '/password/forgot', '/password/reset', '/account/pseuds', '/account/pseuds/:id/rename', '/account/email', '/account/password', '/account/delete', '/admin/invitations']) {
    assert.ok(urls.includes(expected), `${expected} is among the collected routes (${urls.join(', ')})`);
  }
  const fields = { username: 'x_user', email: 'x@example.org', password: 'a quiet lantern', password_confirm: 'a quiet lantern', login: 'csrf_admin', current_password: 'a quiet lantern', name: 'Another Name', works: 'delete', count: '2', token: 'x' };
  for (const route of routes) {
    const url = route.url.replace(/:[a-z]+/gi, pseudId);
    if (url.startsWith('/api/')) {
      // The API never reads cookies: a signed-in browser without a bearer token is refused, so CSRF has nothing to ride on.
      const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await app.inject({ method: route.method as 'POST', url, headers: { cookie, 'content-type': 'application/json' }, payload: '{}' });
      assert.equal(res.statusCode, 401, `${route.method} ${url} with cookies but no bearer token`);
      continue;
    }
    for (const token of [undefined, 'forged-token']) {
      const res = await b.post(url, token ? { ...fields, _csrf: token } : fields);
      assert.equal(res.statusCode, 403, `${route.method} ${url} without a valid token`);
      assert.match(parsePage(res).text(), /This form has expired or was sent from another site/);
    }
  }
  assert.ok(await archive.accounts.byUsername('csrf_admin'), 'the account was not deleted');
  assert.equal((await archive.accounts.invitations.list()).length, 0, 'no invitation was made');
  assert.equal((await b.get('/account')).statusCode, 200, 'still logged in');
});
