import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTokensFor } from '../../api/tokens.ts';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser, csrfTokenIn } from './account.testing.ts';

const PASSWORD = 'a quiet lantern';

async function signedIn(t: import('node:test').TestContext) {
  const h = await accountsApp(t);
  const browser = new Browser(h.app);
  assert.equal((await browser.signUp('reader1', PASSWORD)).statusCode, 303);
  return { ...h, browser };
}

test('guests are sent to log in; the account page links to apps and tokens', async (t) => {
  const { app, browser } = await signedIn(t);
  const guest = await app.inject('/account/tokens');
  assert.equal(guest.statusCode, 303);
  assert.equal(guest.headers.location, '/login?return_to=%2Faccount%2Ftokens');
  assert.ok(parsePage(await browser.get('/account')).hrefs().includes('/account/tokens'));
});

test('a token is made with the password, shown once, works on the API, and stops when revoked', async (t) => {
  const { app, browser } = await signedIn(t);
  const wrong = await browser.submit('/account/tokens', '/account/tokens', { name: 'backup', scopes: 'read', expires: '90', current_password: 'not it at all' });
  assert.equal(wrong.statusCode, 422);
  assert.match(parsePage(wrong).text(), /is not your current password/);
  assert.ok(!/qpat_/.test(wrong.body));

  const made = await browser.submit('/account/tokens', '/account/tokens', { name: 'backup <script>alert(1)</script>', scopes: 'write', expires: 'never', current_password: PASSWORD });
  assert.equal(made.statusCode, 200);
  assert.match(String(made.headers['cache-control']), /no-store/);
  const secret = /qpat_[A-Za-z0-9_-]{43}/.exec(made.body)?.[0];
  assert.ok(secret, 'the token is on the page');
  assert.ok(!made.body.includes('<script>alert(1)</script>'), 'the name is escaped');
  const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
  assert.equal(me.statusCode, 200);
  assert.deepEqual(JSON.parse(me.body).token.scopes, ['read', 'write']);

  const later = await browser.get('/account/tokens');
  assert.ok(!later.body.includes(secret!), 'never shown again');
  assert.ok(later.body.includes(secret!.slice(-4)), 'its last four characters are');
  const form = parsePage(later).all('form').find((f) => /\/account\/tokens\/\d+\/revoke$/.test(f.attribs.action ?? ''))!;
  const revoked = await browser.post(form.attribs.action!, { _csrf: csrfTokenIn(later.body, form.attribs.action) });
  assert.equal(revoked.statusCode, 303);
  assert.equal(revoked.headers.location, '/account/tokens?done=token-revoked');
  assert.equal((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } })).statusCode, 401);
});

test('an app password is made, shown once with how to use it, and revoked', async (t) => {
  const { archive, browser } = await signedIn(t);
  const made = await browser.submit('/account/tokens', '/account/app-passwords', { name: 'Kobo', current_password: PASSWORD });
  assert.equal(made.statusCode, 200);
  const secret = /[A-Z2-9]{4}(-[A-Z2-9]{4}){5}/.exec(made.body)?.[0];
  assert.ok(secret);
  assert.match(parsePage(made).text(), /user name reader1/);
  const tokens = apiTokensFor(archive.store.db);
  const cred = await tokens.verifyAppPassword('reader1', secret!);
  assert.ok(cred);
  const page = await browser.get('/account/tokens');
  const action = `/account/app-passwords/${cred!.id}/revoke`;
  assert.equal((await browser.post(action, { _csrf: csrfTokenIn(page.body, action) })).statusCode, 303);
  assert.equal(await tokens.verifyAppPassword('reader1', secret!), undefined);
});

test('forms without their CSRF token are refused, and nobody revokes another’s token', async (t) => {
  const { archive, browser, app } = await signedIn(t);
  assert.equal((await browser.post('/account/tokens', { name: 'x', scopes: 'read', expires: '30', current_password: PASSWORD })).statusCode, 403);
  assert.equal((await browser.post('/account/app-passwords', { name: 'x', current_password: PASSWORD })).statusCode, 403);
  const other = await archive.accounts.create({ username: 'other', email: 'other@example.org', password: PASSWORD });
  const theirs = await apiTokensFor(archive.store.db).createToken(other.id, { name: 'theirs', scopes: ['read'] });
  const page = await browser.get('/account/tokens');
  const action = `/account/tokens/${theirs.credential.id}/revoke`;
  assert.equal((await browser.post(action, { _csrf: csrfTokenIn(page.body, '/account/tokens') })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${theirs.secret}` } })).statusCode, 200);
});

test('a token form with bad choices comes back with the errors beside the fields', async (t) => {
  const { browser } = await signedIn(t);
  const res = await browser.submit('/account/tokens', '/account/tokens', { name: '', scopes: 'admin', expires: '90', current_password: PASSWORD });
  assert.equal(res.statusCode, 422);
  const text = parsePage(res).text();
  assert.match(text, /Name is needed/);
  assert.match(text, /Access choose read, or read and write/);
});
