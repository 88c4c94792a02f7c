import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';
import { safeReturnTo } from './auth-forms.ts';

function sessionCookieLine(b: Browser): string {
  const line = [...b.setCookies].reverse().find((l) => l.startsWith('quire_session='));
  assert.ok(line, 'a quire_session cookie was set');
  return line;
}

test('signing up starts a session: HttpOnly, SameSite=Lax, Path=/, not Secure over http', async (t) => {
  const { app } = await accountsApp(t);
  const b = new Browser(app);
  const res = await b.signUp('Wren_Halloway');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account?done=welcome');
  const line = sessionCookieLine(b);
  assert.match(line, /HttpOnly/i);
  assert.match(line, /SameSite=Lax/i);
  assert.match(line, /Path=\//);
  assert.doesNotMatch(line, /Secure/i);
  const account = await b.get(String(res.headers.location));
  assert.equal(account.statusCode, 200);
  assert.equal(account.headers['cache-control'], 'private, no-store');
  const page = parsePage(account);
  assert.match(page.text(), /Welcome! Your account is ready\./);
  assert.match(page.text(page.all('nav', 'account-nav')[0]), /Wren_Halloway.*Account.*Log out/);
  assert.match(page.text(), /Firefox on Linux \(this browser\)/);
});

test('under an https base URL the session cookie is Secure', async (t) => {
  const { app } = await accountsApp(t, { baseUrl: 'https://fic.example.org' });
  const b = new Browser(app);
  assert.equal((await b.signUp('secure_sam')).statusCode, 303);
  assert.match(sessionCookieLine(b), /;\s*Secure/i);
});

test('a guest sees Log in and Sign up in the header; pages for guests are not private', async (t) => {
  const { app } = await accountsApp(t);
  const res = await new Browser(app).get('/works');
  const nav = parsePage(res).all('nav', 'account-nav')[0];
  assert.ok(nav);
  assert.deepEqual(parsePage(res).linksIn(nav).map((l) => l.name), ['Filters', 'Log in', 'Sign up']);
  assert.equal(parsePage(res).linksNamed('Log in')[0], '/login?return_to=%2Fworks');
  assert.equal(res.headers['cache-control'], 'no-cache');
  assert.match(String(res.headers.vary), /Cookie/);
});

test('sign-up errors are shown beside the fields, values re-filled except passwords', async (t) => {
  const { app } = await accountsApp(t);
  const b = new Browser(app);
  await b.signUp('taken_name');
  const other = new Browser(app);
  const res = await other.submit('/signup', '/signup', { username: 'Taken_Name', email: 'not-an-address', password: 'short', password_confirm: 'different' });
  assert.equal(res.statusCode, 422);
  const page = parsePage(res);
  const errors = page.all('p', 'field-error').map((e) => page.text(e));
  assert.deepEqual(errors, [
    'Error: is already taken',
    'Error: must be an e-mail address like name@example.org',
    'Error: must be at least 8 characters',
    'Error: does not match the password',
  ]);
  assert.match(res.body, /id="signup-username"[^>]*value="Taken_Name"|value="Taken_Name"[^>]*id="signup-username"/);
  assert.doesNotMatch(res.body, /value="short"/);
  assert.match(res.body, /aria-invalid="true"/);
});

test('username already used by a pen name is taken; usernames are unique regardless of case', async (t) => {
  const { app } = await accountsApp(t);
  const a = new Browser(app);
  assert.equal((await a.signUp('Marlow')).statusCode, 303);
  const res = await new Browser(app).signUp('marlow', 'another password', 'm2@example.org');
  assert.equal(res.statusCode, 422);
  assert.match(parsePage(res).text(), /Username is already taken/);
});

test('wrong password and unknown user give the same message', async (t) => {
  const { app } = await accountsApp(t);
  await new Browser(app).signUp('juniper');
  const wrong = await new Browser(app, '198.51.100.1').logIn('juniper', 'not the password');
  const unknown = await new Browser(app, '198.51.100.2').logIn('nobody_here', 'not the password');
  assert.equal(wrong.statusCode, 422);
  assert.equal(unknown.statusCode, 422);
  const message = (body: string) => parsePage(body).text(parsePage(body).all('div', 'error-summary')[0]);
  assert.equal(message(wrong.body), message(unknown.body));
  assert.match(message(wrong.body), /not right/);
  assert.doesNotMatch(wrong.body, /not the password/);
});

test('logging in by username or e-mail, then out', async (t) => {
  const { app } = await accountsApp(t);
  await new Browser(app).signUp('Ottoline', 'velvet harbour light', 'otto@example.org');
  const b = new Browser(app);
  const res = await b.logIn('OTTO@example.org', 'velvet harbour light');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  assert.ok(b.cookies.get('quire_session'));
  const token = b.cookies.get('quire_session');
  const out = await b.submit('/account', '/logout', {});
  assert.equal(out.statusCode, 303);
  assert.equal(b.cookies.get('quire_session'), undefined);
  // The old token no longer works even if replayed.
  const replay = new Browser(app);
  replay.cookies.set('quire_session', token!);
  assert.equal((await replay.get('/account')).statusCode, 303);
  assert.ok(await new Browser(app).logIn('ottoline', 'velvet harbour light').then((r) => r.statusCode === 303));
});

test('the 6th login attempt within 20 seconds is refused with a clear message', async (t) => {
  const { app, advance } = await accountsApp(t);
  await new Browser(app).signUp('pell');
  const b = new Browser(app, '192.0.2.50');
  for (let i = 0; i < 5; i++) {
    assert.equal((await b.logIn('pell', `wrong guess ${i}`)).statusCode, 422);
    advance(1000);
  }
  const sixth = await b.logIn('pell', 'a quiet lantern');
  assert.equal(sixth.statusCode, 429);
  assert.match(parsePage(sixth).text(), /Too many login attempts in a short time\. Try again in \d+ seconds/);
  assert.ok(Number(sixth.headers['retry-after']) > 0);
  // Another address is refused too: the account has its own limit.
  assert.equal((await new Browser(app, '192.0.2.51').logIn('pell', 'a quiet lantern')).statusCode, 429);
  advance(20_000);
  assert.equal((await b.logIn('pell', 'a quiet lantern')).statusCode, 303);
});

test('the per-IP limit counts attempts on different accounts', async (t) => {
  const { app } = await accountsApp(t);
  const b = new Browser(app, '192.0.2.60');
  for (let i = 0; i < 5; i++) await b.logIn(`someone_${i}`, 'guess guess');
  assert.equal((await b.logIn('someone_else', 'guess guess')).statusCode, 429);
});

test('ten failures in a row lock the login for 15 minutes, even with the right password', async (t) => {
  const { app, advance } = await accountsApp(t);
  await new Browser(app).signUp('quill');
  const b = new Browser(app, '192.0.2.70');
  for (let i = 0; i < 10; i++) {
    const res = await b.logIn('quill', `wrong ${i}`);
    assert.equal(res.statusCode, i < 9 ? 422 : 429, `attempt ${i + 1}`);
    advance(5000);
  }
  const locked = await b.logIn('quill', 'a quiet lantern');
  assert.equal(locked.statusCode, 429);
  assert.match(parsePage(locked).text(), /paused for 15 minutes after too many failed attempts/);
  // An unknown name locks the same way, so the lock tells nothing about who exists.
  const c = new Browser(app, '192.0.2.71');
  let last = '';
  for (let i = 0; i < 10; i++) {
    last = parsePage((await c.logIn('ghost_name', `wrong ${i}`)).body).text();
    advance(5000);
  }
  assert.match(last, /paused for 15 minutes/);
  advance(15 * 60_000);
  assert.equal((await b.logIn('quill', 'a quiet lantern')).statusCode, 303);
});

test('return_to takes only local paths', async (t) => {
  for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '\\\\evil', 'javascript:alert(1)', '/%0d%0aSet-Cookie', '', undefined]) {
    const v = safeReturnTo(bad);
    assert.ok(v === '/' || (v.startsWith('/') && !v.startsWith('//')), String(bad));
  }
  assert.equal(safeReturnTo('//evil.example/x'), '/');
  assert.equal(safeReturnTo('/\\evil.example'), '/');
  assert.equal(safeReturnTo('/works/3?view=full'), '/works/3?view=full');
  const { app } = await accountsApp(t);
  await new Browser(app).signUp('rook');
  const res = await new Browser(app).logIn('rook', 'a quiet lantern', '//evil.example/steal');
  assert.equal(res.headers.location, '/');
  const good = await new Browser(app).logIn('rook', 'a quiet lantern', '/works?page=1');
  assert.equal(good.headers.location, '/works?page=1');
});

test('sign-up by invitation only, and closed sign-up', async (t) => {
  const { app, archive } = await accountsApp(t, { signup: 'invite' });
  const [code] = await archive.accounts.invitations.create(1, null);
  const noCode = await new Browser(app).signUp('invitee');
  assert.equal(noCode.statusCode, 422);
  assert.match(parsePage(noCode).text(), /Invitation code is needed/);
  const wrong = await new Browser(app).signUp('invitee', 'a quiet lantern', 'i@example.org', 'AAAA-BBBB-CCCC-DDDD');
  assert.match(parsePage(wrong).text(), /not a valid invitation code/);
  const ok = await new Browser(app).signUp('invitee', 'a quiet lantern', 'i@example.org', code!.toLowerCase());
  assert.equal(ok.statusCode, 303);
  const again = await new Browser(app).signUp('second', 'a quiet lantern', 's@example.org', code);
  assert.equal(again.statusCode, 422);
  assert.match(parsePage(again).text(), /already used/);

  const closed = await accountsApp(t, { signup: 'closed' });
  const page = await new Browser(closed.app).get('/signup');
  assert.equal(page.statusCode, 403);
  assert.deepEqual(parsePage(await new Browser(closed.app).get('/works')).linksNamed('Sign up'), []);
});

test('the forgot-password form takes at most 5 requests per 15 minutes from one address', async (t) => {
  const { app } = await accountsApp(t);
  const b = new Browser(app, '192.0.2.80');
  for (let i = 0; i < 5; i++) assert.equal((await b.submit('/password/forgot', '/password/forgot', { email: `n${i}@example.org` })).statusCode, 200);
  const sixth = await b.submit('/password/forgot', '/password/forgot', { email: 'n6@example.org' });
  assert.equal(sixth.statusCode, 429);
  assert.match(parsePage(sixth).text(), /a lot of requests in a short time/);
});
