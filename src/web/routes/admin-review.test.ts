import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser, csrfTokenIn, type AccountsHarness } from './account.testing.ts';

/** `/admin/review`: the rating review queue, administrators only, ordered by confidence; dismissing records the decision. */

const MILD = 'They kissed their way to the bedroom, shedding clothes on the stairs, and fell onto the bed together. What followed took most of the night.';
const STRONG = 'They made love slowly in the dark, naked in the narrow bed, and had sex twice before dawn. Afterward they lay tangled in the sheets, sweaty and spent.';

async function member(h: AccountsHarness, username: string, ip: string, role?: 'admin'): Promise<Browser> {
  const b = new Browser(h.app, ip);
  assert.equal((await b.signUp(username)).statusCode, 303);
  if (role) await h.archive.accounts.setRole(username, role);
  return b;
}

async function seed(h: AccountsHarness) {
  const w = (title: string, text: string, rating: 'General Audiences' | 'Mature' | 'Not Rated', status: 'posted' | 'draft' = 'posted') =>
    h.archive.works.create(buildWork({ title, rating, status, chapters: [{ html: `<p>${text}</p>` }] }));
  return {
    mild: await w('Mild <Night>', MILD, 'General Audiences'),
    strong: await w('Strong Night', STRONG, 'General Audiences'),
    honest: await w('Honest Night', STRONG, 'Mature'),
    unrated: await w('Unrated Night', STRONG, 'Not Rated'),
    draft: await w('Draft Night', STRONG, 'General Audiences', 'draft'),
    calm: await w('Calm Day', 'The kettle sang while the rain went on and on outside.', 'General Audiences'),
  };
}

test('the queue lists posted works rated below their hint, most confident first, to administrators only', async (t) => {
  const h = await accountsApp(t);
  const works = await seed(h);
  const mild = await h.archive.ratingHints.get(works.mild.id);
  const strong = await h.archive.ratingHints.get(works.strong.id);
  assert.ok(mild && strong && strong.confidence > mild.confidence, `confidences ${mild?.confidence} < ${strong?.confidence}`);

  const admin = await member(h, 'root_admin', '203.0.113.70', 'admin');
  assert.deepEqual(parsePage(await admin.get('/account')).linksNamed('Rating review'), ['/admin/review'], 'administrators find it in their menu');
  const res = await admin.get('/admin/review');
  assert.equal(res.statusCode, 200);
  const titles = parsePage(res).all('li', 'review-item').map((li) => parsePage(res).linksIn(li)[0]?.name);
  assert.deepEqual(titles, ['Strong Night', 'Mild <Night>'], 'ordered by confidence; honest, Not Rated, draft and calm works are not listed');
  assert.ok(res.body.includes('Mild &lt;Night&gt;'), 'titles are escaped');
  assert.match(res.body, /Declared: <strong class="review-declared">General Audiences<\/strong>\. Hinted: <strong class="review-hinted">Mature<\/strong>/);
  assert.match(res.body, /<mark>[^<]+<\/mark>/, 'evidence with its matched words');
  assert.match(res.body, new RegExp(`href="/works/${works.strong.id}"`));

  const reader = await member(h, 'kit_reads', '203.0.113.71');
  assert.equal((await reader.get('/admin/review')).statusCode, 403);
  assert.deepEqual(parsePage(await reader.get('/account')).linksNamed('Rating review'), [], 'and nobody else');
  assert.equal((await new Browser(h.app, '203.0.113.72').get('/admin/review')).statusCode, 403);
  const page = parsePage(await reader.get(`/works/${works.strong.id}`)).text();
  assert.match(page, /General Audiences/, "readers see the author's rating");
});

test("dismissing records the administrator's decision and needs CSRF; others get 403", async (t) => {
  const h = await accountsApp(t);
  const works = await seed(h);
  const admin = await member(h, 'root_admin', '203.0.113.73', 'admin');
  const reader = await member(h, 'kit_reads', '203.0.113.74');
  const action = `/admin/review/${works.strong.id}/dismiss`;

  assert.equal((await admin.post(action, {})).statusCode, 403, 'no CSRF token');
  const readerToken = csrfTokenIn((await reader.get('/works/new')).body);
  assert.equal((await reader.post(action, { _csrf: readerToken })).statusCode, 403, 'a member who is not an administrator');
  assert.equal((await h.archive.ratingHints.get(works.strong.id))!.dismissed, false);

  const queue = await admin.get('/admin/review');
  const res = await admin.post(action, { _csrf: csrfTokenIn(queue.body, action) });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/review?done=dismissed');
  const row = await h.archive.store.db.selectFrom('rating_hints').selectAll().where('work_id', '=', works.strong.id).executeTakeFirstOrThrow();
  const adminId = (await h.archive.accounts.byUsername('root_admin'))!.id;
  assert.equal(row.dismissed_by, adminId);
  assert.equal(row.dismissed_rating, 'Mature');
  assert.equal(row.dismissed_declared, 'General Audiences');
  const after = await admin.get('/admin/review?done=dismissed');
  assert.deepEqual(parsePage(after).all('li', 'review-item').map((li) => parsePage(after).linksIn(li)[0]?.name), ['Mild <Night>']);
  assert.equal((await h.archive.works.get(works.strong.id))!.rating, 'General Audiences', 'dismissing never changes the rating');

  const missing = await admin.post('/admin/review/99999/dismiss', { _csrf: csrfTokenIn(after.body, `/admin/review/${works.mild.id}/dismiss`) });
  assert.equal(missing.statusCode, 404);
});
