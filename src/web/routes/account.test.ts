import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser, csrfTokenIn, resetLinkIn } from './account.testing.ts';

test('password reset end to end through the outbox: single use, sessions ended, expiry', async (t) => {
  const { app, archive, outbox, advance } = await accountsApp(t, { baseUrl: 'https://fic.example.org' });
  const first = new Browser(app);
  await first.signUp('Tamsin', 'old password here', 'tamsin@example.org');
  const second = new Browser(app, '198.51.100.20');
  assert.equal((await second.logIn('tamsin', 'old password here')).statusCode, 303);

  const guest = new Browser(app, '198.51.100.21');
  const asked = await guest.submit('/password/forgot', '/password/forgot', { email: 'TAMSIN@example.org' });
  assert.equal(asked.statusCode, 200);
  const unknown = await guest.submit('/password/forgot', '/password/forgot', { email: 'nobody@example.org' });
  assert.equal(parsePage(unknown).text(parsePage(unknown).all('main')[0]), parsePage(asked).text(parsePage(asked).all('main')[0]), 'same answer for an unknown address');

  const mails = outbox();
  assert.equal(mails.length, 1);
  const mail = mails[0]!;
  assert.match(mail, /^From: Quire <noreply@fic\.example\.org>\r\n/m);
  assert.match(mail, /^To: tamsin@example\.org\r$/m);
  assert.match(mail, /^Subject: Reset your password on Quire\r$/m);
  assert.match(mail, /\r\n\r\n/);
  const link = resetLinkIn(mail);
  assert.ok(link.startsWith('https://fic.example.org/password/reset?token='));
  const token = new URL(link).searchParams.get('token')!;
  const stored = await archive.store.db.selectFrom('password_resets').select('id').execute();
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0]!.id, token, 'the token is stored hashed');

  const path = link.replace('https://fic.example.org', '');
  const form = await guest.get(path);
  assert.equal(form.statusCode, 200);
  assert.equal(form.headers['cache-control'], 'private, no-store');
  const mismatch = await guest.submit(path, '/password/reset', { token, password: 'brand new secret', password_confirm: 'brand new secrets' });
  assert.equal(mismatch.statusCode, 422);
  const done = await guest.submit(path, '/password/reset', { token, password: 'brand new secret', password_confirm: 'brand new secret' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/login?done=reset');

  // Every old session is gone; the old password no longer works, the new one does.
  for (const b of [first, second]) assert.equal((await b.get('/account')).statusCode, 303);
  assert.equal((await new Browser(app, '198.51.100.22').logIn('tamsin', 'old password here')).statusCode, 422);
  assert.equal((await new Browser(app, '198.51.100.23').logIn('tamsin', 'brand new secret')).statusCode, 303);

  // The token was single use.
  assert.equal((await guest.get(path)).statusCode, 410);
  const tokenField = csrfTokenIn((await guest.get('/password/forgot')).body);
  const reused = await guest.post('/password/reset', { token, password: 'third password!', password_confirm: 'third password!', _csrf: tokenField });
  assert.equal(reused.statusCode, 410);
  assert.match(parsePage(reused).text(), /This link no longer works/);

  // A token older than an hour is refused.
  await guest.submit('/password/forgot', '/password/forgot', { email: 'tamsin@example.org' });
  const late = new URL(resetLinkIn(outbox().at(-1)!));
  advance(60 * 60_000 + 1000);
  assert.equal((await guest.get(late.pathname + late.search)).statusCode, 410);
  const lateToken = late.searchParams.get('token')!;
  const refused = await guest.post('/password/reset', { token: lateToken, password: 'fourth password', password_confirm: 'fourth password', _csrf: tokenField });
  assert.equal(refused.statusCode, 410);
  assert.equal((await new Browser(app, '198.51.100.24').logIn('tamsin', 'brand new secret')).statusCode, 303);
});

test('changing e-mail and password needs the current password; a password change ends the other sessions', async (t) => {
  const { app, outbox } = await accountsApp(t);
  const me = new Browser(app);
  await me.signUp('Ilse', 'first password', 'ilse@example.org');
  const elsewhere = new Browser(app, '198.51.100.30');
  await elsewhere.logIn('ilse', 'first password');

  const wrong = await me.submit('/account', '/account/email', { email: 'ilse@new.example.org', current_password: 'not it at all' });
  assert.equal(wrong.statusCode, 422);
  const page = parsePage(wrong);
  assert.match(page.text(page.all('div', 'error-summary')[0]), /Current password is not your current password/);
  assert.match(wrong.body, /value="ilse@new\.example\.org"/, 'the new address is filled back in');
  const changed = await me.submit('/account', '/account/email', { email: 'ilse@new.example.org', current_password: 'first password' });
  assert.equal(changed.headers.location, '/account?done=email');
  assert.match(parsePage(await me.get('/account')).text(), /Now: ilse@new\.example\.org/);
  const notice = outbox().at(-1)!;
  assert.match(notice, /^To: ilse@example\.org\r$/m, 'the old address is told');
  assert.match(notice, /i\*\*\*@new\.example\.org/);

  const short = await me.submit('/account', '/account/password', { current_password: 'first password', password: 'short', password_confirm: 'short' });
  assert.equal(short.statusCode, 422);
  assert.match(parsePage(short).text(), /New password must be at least 8 characters/);
  const ok = await me.submit('/account', '/account/password', { current_password: 'first password', password: 'second password', password_confirm: 'second password' });
  assert.equal(ok.headers.location, '/account?done=password');
  assert.equal((await me.get('/account')).statusCode, 200, 'this browser stays logged in');
  assert.equal((await elsewhere.get('/account')).statusCode, 303, 'the other browser was logged out');
  assert.equal((await new Browser(app, '198.51.100.31').logIn('ilse@new.example.org', 'second password')).statusCode, 303);
});

test('pen names: add, rename (works stay attached), default; names are unique across the archive', async (t) => {
  const { app, archive } = await accountsApp(t);
  const me = new Browser(app);
  await me.signUp('Corvina');
  const work = await archive.works.create(buildWork({ title: 'Salt Roads', creators: ['Corvina'] }));
  await archive.works.create(buildWork({ creators: ['Imported Author'] }));

  assert.equal((await me.submit('/account', '/account/pseuds', { name: 'Grey Heron' })).headers.location, '/account?done=pseud-added');
  const clash = await me.submit('/account', '/account/pseuds', { name: 'imported   AUTHOR' });
  assert.equal(clash.statusCode, 422);
  assert.match(parsePage(clash).text(), /New pen name is already taken/);
  const bad = await me.submit('/account', '/account/pseuds', { name: 'no <tags> here' });
  assert.match(parsePage(bad).text(), /may use only letters/);

  const account = await archive.accounts.byUsername('corvina');
  const corvinaId = account!.defaultPseudId!;
  const renamed = await me.submit('/account', `/account/pseuds/${corvinaId}/rename`, { name: 'Corvina Vale' });
  assert.equal(renamed.headers.location, '/account?done=pseud-renamed');
  const after = await archive.works.get(work.id);
  assert.deepEqual(after!.creators, [{ id: corvinaId, name: 'Corvina Vale' }]);
  assert.ok(after!.revision > work.revision, 'the work is re-announced with a new revision');
  assert.equal((await me.get('/creators/Corvina%20Vale')).statusCode, 200);
  assert.equal((await me.get('/creators/Corvina')).statusCode, 404);

  const pens = await archive.accounts.penNames.list(account!.id);
  const heron = pens.find((p) => p.name === 'Grey Heron')!;
  assert.equal((await me.submit('/account', `/account/pseuds/${heron.id}/default`, {})).statusCode, 303);
  assert.equal((await archive.accounts.get(account!.id))!.defaultPseudId, heron.id);

  // Someone else's pen name cannot be renamed.
  const other = new Browser(app, '198.51.100.40');
  await other.signUp('Tobiah');
  const token = csrfTokenIn((await other.get('/account')).body);
  const foreign = await other.post(`/account/pseuds/${heron.id}/rename`, { name: 'Stolen', _csrf: token });
  assert.equal(foreign.statusCode, 404);
  assert.equal((await archive.accounts.penNames.list(account!.id)).find((p) => p.id === heron.id)!.name, 'Grey Heron');
});

test('deleting an account: orphan keeps the works under orphan_account; delete removes them; shared works stay', async (t) => {
  const { app, archive } = await accountsApp(t);
  const orphaner = new Browser(app);
  await orphaner.signUp('Leaving_Lark');
  const kept = await archive.works.create(buildWork({ title: 'Lark Alone', creators: ['Leaving_Lark'] }));
  const draft = await archive.works.create(buildWork({ title: 'Lark Draft', creators: ['Leaving_Lark'], status: 'draft' }));

  const wrong = await orphaner.submit('/account', '/account/delete', { works: 'orphan', password: 'wrong password' });
  assert.equal(wrong.statusCode, 422);
  assert.match(parsePage(wrong).text(), /Password is not your current password/);
  const gone = await orphaner.submit('/account', '/account/delete', { works: 'orphan', password: 'a quiet lantern' });
  assert.equal(gone.headers.location, '/login?done=deleted');
  assert.equal(await archive.accounts.byUsername('leaving_lark'), undefined);
  assert.deepEqual((await archive.works.get(kept.id))!.creators.map((c) => c.name), ['orphan_account']);
  assert.equal(await archive.works.get(draft.id), undefined, 'a draft is deleted, not orphaned');
  assert.equal((await orphaner.get('/account')).statusCode, 303, 'logged out');
  assert.equal((await archive.store.db.selectFrom('sessions').selectAll().execute()).length, 0);

  const deleter = new Browser(app, '198.51.100.50');
  await deleter.signUp('Wren_Two');
  await new Browser(app, '198.51.100.51').signUp('Partner');
  const solo = await archive.works.create(buildWork({ title: 'Solo', creators: ['Wren_Two'] }));
  const shared = await archive.works.create(buildWork({ title: 'Shared', creators: ['Wren_Two', 'Partner'] }));
  const removed: number[] = [];
  archive.events.subscribe({ worksChanged: () => {}, worksDeleted: (ids) => void removed.push(...ids) });
  const res = await deleter.submit('/account', '/account/delete', { works: 'delete', password: 'a quiet lantern' });
  assert.equal(res.statusCode, 303);
  assert.equal(await archive.works.get(solo.id), undefined);
  assert.deepEqual(removed, [solo.id], 'deleted through WorkService.delete, so listeners heard');
  assert.deepEqual((await archive.works.get(shared.id))!.creators.map((c) => c.name), ['Partner']);
  assert.equal((await archive.store.db.selectFrom('pseuds').select('id').where('name_key', '=', 'wren_two').execute()).length, 0);
});

test('a member sees a restricted work a guest gets 404 for; a draft only its creator\'s account sees', async (t) => {
  const { app, archive } = await accountsApp(t);
  const restricted = await archive.works.create(buildWork({ title: 'Members Only Garden', restricted: true }));
  const draft = await archive.works.create(buildWork({ title: 'Unfinished Lighthouse', status: 'draft', creators: ['Drafting Hand'] }));
  const guest = new Browser(app);
  assert.equal((await guest.get(`/works/${restricted.id}`)).statusCode, 404);
  assert.doesNotMatch((await guest.get('/works')).body, /Members Only Garden/);

  const member = new Browser(app, '198.51.100.60');
  await member.signUp('Reader_One');
  const seen = await member.get(`/works/${restricted.id}`);
  assert.equal(seen.statusCode, 200);
  assert.equal(seen.headers['cache-control'], 'private, no-store');
  assert.match((await member.get('/works')).body, /Members Only Garden/);
  assert.equal((await member.get(`/works/${draft.id}`)).statusCode, 404);

  const creator = new Browser(app, '198.51.100.61');
  await creator.signUp('Writer_Two');
  const account = await archive.accounts.byUsername('writer_two');
  await archive.store.db.updateTable('pseuds').set({ account_id: account!.id }).where('name_key', '=', 'drafting hand').execute();
  assert.equal((await creator.get(`/works/${draft.id}`)).statusCode, 200);
  assert.equal((await guest.get(`/works/${draft.id}`)).statusCode, 404);
});

test('admins make invitation codes on /admin/invitations; members may not', async (t) => {
  const { app, archive } = await accountsApp(t, { signup: 'invite' });
  const [first] = await archive.accounts.invitations.create(1, null);
  const admin = new Browser(app);
  assert.equal((await admin.signUp('Head_Archivist', 'a quiet lantern', 'head@example.org', first)).statusCode, 303);
  const [second] = await archive.accounts.invitations.create(1, null);
  const member = new Browser(app, '198.51.100.70');
  await member.signUp('Plain_Member', 'a quiet lantern', 'plain@example.org', second);
  assert.equal((await member.get('/admin/invitations')).statusCode, 403);
  assert.equal((await new Browser(app).get('/admin/invitations')).statusCode, 303);

  await archive.accounts.setRole('head_archivist', 'admin');
  const page = await admin.get('/admin/invitations');
  assert.equal(page.statusCode, 200);
  assert.deepEqual(parsePage(page).linksNamed('Admin'), ['/admin/invitations']);
  assert.match(parsePage(page).text(), /Head_Archivist/);
  const made = await admin.submit('/admin/invitations', '/admin/invitations', { count: '3' });
  assert.equal(made.statusCode, 200);
  const codes = [...made.body.matchAll(/<li><code>([A-Z0-9-]{19})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 3);
  const tooMany = await admin.submit('/admin/invitations', '/admin/invitations', { count: '500' });
  assert.equal(tooMany.statusCode, 422);
  assert.match(parsePage(tooMany).text(), /How many codes must be at most 50/);
  assert.equal((await new Browser(app, '198.51.100.71').signUp('Newcomer', 'a quiet lantern', 'new@example.org', codes[1])).statusCode, 303);
  assert.match(parsePage(await admin.get('/admin/invitations')).text(), /Newcomer/);
});
