import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAttributeValue } from 'domutils';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser, csrfTokenIn } from './account.testing.ts';
import { submitForm, workForm, workIdFrom } from './post.testing.ts';

/** A signed-up member and the id of their default pen name. */
async function member(h: Awaited<ReturnType<typeof accountsApp>>, username: string, ip: string): Promise<{ b: Browser; pseudId: number }> {
  const b = new Browser(h.app, ip);
  assert.equal((await b.signUp(username)).statusCode, 303);
  const account = await h.archive.accounts.byUsername(username);
  return { b, pseudId: account!.defaultPseudId! };
}

function inputValue(body: string, id: string): string | undefined {
  const el = parsePage(body).all('input').find((e) => getAttributeValue(e, 'id') === id);
  return el ? getAttributeValue(el, 'value') : undefined;
}

test('posting a work through the form: it appears on /works and on its page, with links for its creator only', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await member(h, 'ren_writes', '203.0.113.10');
  const guest = new Browser(h.app, '203.0.113.11');

  assert.equal((await guest.get('/works/new')).headers.location, '/login?return_to=%2Fworks%2Fnew', 'a guest is sent to log in');
  const form = await b.get('/works/new');
  assert.equal(form.statusCode, 200);
  assert.equal(form.headers['cache-control'], 'private, no-store');
  assert.ok(parsePage(form).all('datalist').length >= 4, 'each tag field has its suggestions');
  assert.match(form.body, /<script src="\/static\/tag-suggest\.js" defer><\/script>/);

  const res = await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { series_id: 'new', series_title: 'Roads', published_on: '2024-06-01' }));
  assert.equal(res.statusCode, 303);
  const id = workIdFrom(res);
  assert.equal(res.headers.location, `/works/${id}`);

  const listing = parsePage(await guest.get('/works'));
  assert.deepEqual(listing.linksNamed('The Salt Road'), [`/works/${id}`]);
  const page = await guest.get(`/works/${id}`);
  assert.equal(page.statusCode, 200);
  const p = parsePage(page);
  assert.match(p.text(), /by ren_writes/);
  assert.match(p.text(), /Maren Coil/);
  assert.match(page.body, /<p>The road was white with salt\.<\/p>\n<p>Maren counted/, 'plain text became paragraphs');
  assert.match(p.text(), /Part 1 of Roads/);
  assert.match(p.text(), /Published: 2024-06-01/);
  assert.equal(p.all('nav', 'owner-actions').length, 0, 'a guest sees no edit links');
  const mine = parsePage(await b.get(`/works/${id}`));
  const owner = mine.all('nav', 'owner-actions')[0];
  assert.ok(owner);
  assert.deepEqual(mine.linksIn(owner).map((l) => l.name), ['Edit', 'Add chapter', 'Chapters', 'Delete']);
  const other = await member(h, 'kit_reads', '203.0.113.12');
  assert.equal(parsePage(await other.b.get(`/works/${id}`)).all('nav', 'owner-actions').length, 0);
});

test('a form with mistakes comes back with each error beside its field and the values filled in', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await member(h, 'ren_writes', '203.0.113.20');
  const res = await submitForm(b, '/works/new', '/works/new', workForm(pseudId, {
    title: '  ', warnings: [], fandoms: '', characters: 'Maren Coil, Lanterns of Ebb', published_on: '2999-01-01',
    chapter_text: 'Short.', series_id: 'new', series_title: '', summary: 'Kept <em>as typed</em>',
  }));
  assert.equal(res.statusCode, 422);
  const p = parsePage(res);
  const summary = p.all('div', 'error-summary')[0];
  assert.ok(summary);
  const links = p.linksIn(summary!).map((l) => l.href);
  for (const id of ['#work-warnings', '#work-fandoms', '#work-title', '#work-series-title']) assert.ok(links.includes(id), `${id} in ${links.join(' ')}`);
  const errors = p.all('p', 'field-error').map((e) => p.text(e));
  assert.ok(errors.some((e) => /choose at least one/.test(e)));
  assert.ok(errors.some((e) => /at least one fandom/.test(e)));
  assert.equal(inputValue(res.body, 'work-characters'), 'Maren Coil, Lanterns of Ebb', 'values come back');
  assert.match(res.body, /<textarea id="work-summary"[^>]*>\nKept &lt;em&gt;as typed&lt;\/em&gt;<\/textarea>/);
  assert.match(res.body, /<textarea id="work-chapter-text"[^>]*>\nShort\.<\/textarea>/);
  assert.match(res.body, /id="work-title"[^>]* aria-invalid="true"/);
  assert.equal((await h.archive.works.list({ kind: 'operator' })).total, 0, 'nothing was stored');

  // The edge passed; now the service's checks: a date in the future, a tag of another kind, a short chapter.
  await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { fandoms: 'Lanterns of Ebb', title: 'First' }));
  const again = await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { characters: 'Lanterns of Ebb', published_on: '2999-01-01', chapter_text: 'Short.' }));
  assert.equal(again.statusCode, 422);
  const q = parsePage(again);
  const byField = Object.fromEntries(q.all('p', 'field-error').map((e) => [getAttributeValue(e, 'id'), q.text(e)]));
  assert.match(byField['work-characters-error'] ?? '', /already a fandom tag/);
  assert.match(byField['work-published-on-error'] ?? '', /in the future/);
  assert.match(byField['work-chapter-text-error'] ?? '', /at least 10 are needed/);
  assert.equal(inputValue(again.body, 'work-published-on'), '2999-01-01');
});

test('drafts are seen by their creators only, never listed for others, and posted from the edit form', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await member(h, 'ren_writes', '203.0.113.30');
  const other = await member(h, 'kit_reads', '203.0.113.31');
  const guest = new Browser(h.app, '203.0.113.32');
  const res = await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { title: 'Unfinished Harbour', action: 'draft' }));
  assert.equal(res.statusCode, 303);
  const id = workIdFrom(res);
  const draft = await b.get(`/works/${id}`);
  assert.equal(draft.statusCode, 200);
  assert.match(parsePage(draft).text(), /Draft\. Only its creators can see this work/);
  for (const who of [guest, other.b]) {
    assert.equal((await who.get(`/works/${id}`)).statusCode, 404);
    assert.deepEqual(parsePage(await who.get('/works')).linksNamed('Unfinished Harbour'), []);
    assert.equal((await who.get('/tags/Lanterns%20of%20Ebb')).statusCode, 404, 'no tag page lists it');
  }
  const drafts = parsePage(await b.get('/account/drafts'));
  assert.deepEqual(drafts.linksNamed('Unfinished Harbour'), [`/works/${id}`]);
  assert.deepEqual(parsePage(await other.b.get('/account/drafts')).linksNamed('Unfinished Harbour'), []);

  const edit = await b.get(`/works/${id}/edit`);
  assert.equal(inputValue(edit.body, 'work-published-on'), '', 'a draft is dated when it is posted');
  h.advance(2 * 24 * 3600 * 1000);
  const posted = await b.post(`/works/${id}/edit`, { ...workForm(pseudId, { title: 'Finished Harbour', action: 'post' }), _csrf: csrfTokenIn(edit.body, `/works/${id}/edit`) });
  assert.equal(posted.statusCode, 303);
  const page = parsePage(await guest.get(`/works/${id}`));
  assert.match(page.text(), /Finished Harbour/);
  assert.match(page.text(), /Published: 2025-03-03/);
  assert.deepEqual(parsePage(await guest.get('/works')).linksNamed('Finished Harbour'), [`/works/${id}`]);
});

test('a preview shows the work and stores nothing; the form under it posts it', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await member(h, 'ren_writes', '203.0.113.40');
  const fields = workForm(pseudId, { action: 'preview', text_format: 'html', chapter_text: '<p>The <em>salt</em> road, previewed.</p>' });
  const res = await submitForm(b, '/works/new', '/works/new', fields);
  assert.equal(res.statusCode, 200);
  const p = parsePage(res);
  assert.match(p.text(p.all('div', 'preview-banner')[0]), /Preview\. .*Nothing is saved yet/);
  assert.equal(p.text(p.all('h1', 'work-title')[0]), 'The Salt Road');
  assert.match(res.body, /<p>The <em>salt<\/em> road, previewed\.<\/p>/);
  assert.equal((await h.archive.works.list({ kind: 'operator' })).total, 0);
  assert.equal(p.all('nav', 'downloads').length, 0, 'no download links for what does not exist');
  const post = await b.post('/works/new', { ...fields, action: 'post', _csrf: csrfTokenIn(res.body, '/works/new') });
  assert.equal(post.statusCode, 303);
  assert.equal((await h.archive.works.list({ kind: 'operator' })).total, 1);
});

test('editing a work changes its details and keeps its chapters', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await member(h, 'ren_writes', '203.0.113.50');
  const id = workIdFrom(await submitForm(b, '/works/new', '/works/new', workForm(pseudId)));
  const before = await h.archive.works.read({ kind: 'operator' }, id);

  const edit = await b.get(`/works/${id}/edit`);
  assert.equal(edit.statusCode, 200);
  assert.equal(inputValue(edit.body, 'work-title'), 'The Salt Road');
  assert.equal(inputValue(edit.body, 'work-characters'), 'Maren Coil, Tobias Reed');
  assert.equal(inputValue(edit.body, 'work-published-on'), '2025-03-01');

  const preview = await b.post(`/works/${id}/edit`, { ...workForm(pseudId, { title: 'The Salt Road (revised)', action: 'preview' }), _csrf: csrfTokenIn(edit.body, `/works/${id}/edit`) });
  assert.equal(preview.statusCode, 200);
  assert.match(parsePage(preview).text(), /The Salt Road \(revised\)/);
  assert.equal((await h.archive.works.get(id))!.title, 'The Salt Road', 'a preview changes nothing');

  const res = await b.post(`/works/${id}/edit`, {
    ...workForm(pseudId, { title: 'The Salt Road (revised)', rating: 'Teen And Up Audiences', characters: 'Maren Coil', tags: '', restricted: '1', action: 'save' }),
    _csrf: csrfTokenIn(edit.body, `/works/${id}/edit`),
  });
  assert.equal(res.statusCode, 303);
  const after = await h.archive.works.read({ kind: 'operator' }, id);
  assert.equal(after.title, 'The Salt Road (revised)');
  assert.equal(after.rating, 'Teen And Up Audiences');
  assert.deepEqual(after.characters, ['Maren Coil']);
  assert.deepEqual(after.tags, []);
  assert.equal(after.restricted, true);
  assert.ok(after.revision > before.revision);
  assert.deepEqual(after.chapters.map((c) => [c.id, c.html]), before.chapters.map((c) => [c.id, c.html]), 'chapters untouched');
  assert.equal((await new Browser(h.app, '203.0.113.51').get(`/works/${id}`)).statusCode, 404, 'restricted: guests cannot read it');
});

test('only creators may edit: other members and guests get 404, also for works that do not exist', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await member(h, 'ren_writes', '203.0.113.60');
  const other = await member(h, 'kit_reads', '203.0.113.61');
  const guest = new Browser(h.app, '203.0.113.62');
  const id = workIdFrom(await submitForm(b, '/works/new', '/works/new', workForm(pseudId)));
  const chapterId = (await h.archive.works.read({ kind: 'operator' }, id)).chapters[0]!.id;
  const pages = [`/works/${id}/edit`, `/works/${id}/delete`, `/works/${id}/chapters/new`, `/works/${id}/chapters/manage`, `/works/${id}/chapters/${chapterId}/edit`, `/works/${id}/chapters/${chapterId}/delete`, '/works/999/edit'];
  for (const who of [other.b, guest]) {
    for (const page of pages) assert.equal((await who.get(page)).statusCode, 404, page);
  }
  // With a valid CSRF token of their own, POSTs are refused the same way.
  const token = csrfTokenIn((await other.b.get('/works/new')).body, '/works/new');
  for (const url of [`/works/${id}/edit`, `/works/${id}/delete`, `/works/${id}/post`, `/works/${id}/chapters/new`, `/works/${id}/chapters/order`, `/works/${id}/chapters/${chapterId}/delete`]) {
    const res = await other.b.post(url, { ...workForm(other.pseudId, { action: 'save' }), _csrf: token });
    assert.equal(res.statusCode, 404, url);
  }
  assert.equal((await h.archive.works.read({ kind: 'operator' }, id)).title, 'The Salt Road');
  // Posting under someone else's pen name is refused.
  const forged = await submitForm(other.b, '/works/new', '/works/new', workForm(pseudId));
  assert.equal(forged.statusCode, 422);
  assert.match(parsePage(forged).text(), /Your pen names may name only your own pen names/);
});

test('deleting a work asks first, then it is gone', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await member(h, 'ren_writes', '203.0.113.70');
  const id = workIdFrom(await submitForm(b, '/works/new', '/works/new', workForm(pseudId)));
  const confirm = await b.get(`/works/${id}/delete`);
  assert.match(parsePage(confirm).text(), /Delete “The Salt Road”\?/);
  const res = await b.post(`/works/${id}/delete`, { _csrf: csrfTokenIn(confirm.body, `/works/${id}/delete`) });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account/drafts?done=deleted');
  assert.equal((await b.get(`/works/${id}`)).statusCode, 404);
  assert.match(parsePage(await b.get('/account/drafts?done=deleted')).text(), /The work was deleted\./);
});
