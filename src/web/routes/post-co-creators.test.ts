import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser, csrfTokenIn } from './account.testing.ts';
import { submitForm, workForm, workIdFrom } from './post.testing.ts';

async function member(h: Awaited<ReturnType<typeof accountsApp>>, username: string, ip: string) {
  const b = new Browser(h.app, ip);
  assert.equal((await b.signUp(username)).statusCode, 303);
  return { b, pseudId: (await h.archive.accounts.byUsername(username))!.defaultPseudId! };
}

test('co-creators are invited from the form and credited only once they accept', async (t) => {
  const h = await accountsApp(t);
  const ren = await member(h, 'ren_writes', '203.0.113.100');
  const kit = await member(h, 'kit_draws', '203.0.113.101');
  const sol = await member(h, 'sol_edits', '203.0.113.102');

  const unknown = await submitForm(ren.b, '/works/new', '/works/new', workForm(ren.pseudId, { co_creators: 'Kit_Draws, nobody_at_all' }));
  assert.equal(unknown.statusCode, 422);
  assert.match(parsePage(unknown).text(), /"nobody_at_all" is not the pen name of anyone with an account here/);

  const id = workIdFrom(await submitForm(ren.b, '/works/new', '/works/new', workForm(ren.pseudId, { co_creators: 'Kit_Draws, sol_edits' })));
  const page = parsePage(await ren.b.get(`/works/${id}`));
  assert.equal(page.text(page.all('p', 'byline')[0]), 'by ren_writes', 'not credited before accepting');
  assert.match(parsePage(await ren.b.get(`/works/${id}/edit`)).text(), /Invited, waiting for an answer: kit_draws, sol_edits/);

  assert.equal((await kit.b.get(`/works/${id}/edit`)).statusCode, 404, 'an invitee cannot edit yet');
  const inbox = await kit.b.get('/account/co-creations');
  const p = parsePage(inbox);
  assert.match(p.text(), /ren_writes invites your pen name kit_draws to co-create The Salt Road/);
  const invitation = (await h.archive.posting.coCreators.pendingFor((await h.archive.accounts.byUsername('kit_draws'))!.id))[0]!;

  // Nobody else can answer it, and it needs the CSRF token.
  const solToken = csrfTokenIn((await sol.b.get('/account/co-creations')).body);
  assert.equal((await sol.b.post(`/account/co-creations/${invitation.id}/accept`, { _csrf: solToken })).statusCode, 404);
  assert.equal((await kit.b.post(`/account/co-creations/${invitation.id}/accept`, {})).statusCode, 403);

  const accepted = await kit.b.post(`/account/co-creations/${invitation.id}/accept`, { _csrf: csrfTokenIn(inbox.body, `/account/co-creations/${invitation.id}/accept`) });
  assert.equal(accepted.statusCode, 303);
  assert.equal(accepted.headers.location, `/works/${id}`);
  assert.match(parsePage(await new Browser(h.app, '203.0.113.103').get(`/works/${id}`)).text(), /by ren_writes and kit_draws/);
  assert.equal((await kit.b.get(`/works/${id}/edit`)).statusCode, 200, 'a co-creator may edit');

  const solInbox = await sol.b.get('/account/co-creations');
  const solInvitation = (await h.archive.posting.coCreators.pendingFor((await h.archive.accounts.byUsername('sol_edits'))!.id))[0]!;
  const declined = await sol.b.post(`/account/co-creations/${solInvitation.id}/decline`, { _csrf: csrfTokenIn(solInbox.body, `/account/co-creations/${solInvitation.id}/decline`) });
  assert.equal(declined.headers.location, '/account/co-creations?done=declined');
  assert.match(parsePage(await sol.b.get('/account/co-creations?done=declined')).text(), /The invitation was declined\.[\s\S]*No invitations are waiting for you/);
  const after = parsePage(await sol.b.get(`/works/${id}`));
  assert.equal(after.text(after.all('p', 'byline')[0]), 'by ren_writes and kit_draws');
  assert.equal((await sol.b.get(`/works/${id}/edit`)).statusCode, 404);
});
