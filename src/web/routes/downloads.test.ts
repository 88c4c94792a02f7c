import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { fakeConverters } from '../../../test/downloads/fake-converter.ts';
import { minimalWork, richWork } from '../../../test/downloads/fixtures.ts';
import { testArchive } from '../../../test/factories.ts';
import { downloadsFor } from '../../downloads/download.service.ts';
import { readZip } from '../../formats/epub/unzip.ts';
import type { Viewer } from '../../works/visibility.ts';
import { buildServer } from '../server.ts';
import { parsePage, webApp } from '../testing.ts';

/** An app whose requests all come from `viewer` (as the session layer would set it). */
async function appAs(t: TestContext, viewer: Viewer) {
  const { archive, app } = await webApp(t);
  app.addHook('preHandler', async (req) => {
    req.viewer = viewer;
  });
  return { archive, app };
}

test('EPUB, HTML, TXT downloads: type, attachment name, ETag, and 304 when unchanged', async (t) => {
  const { archive, app } = await webApp(t);
  const w = await archive.works.create(minimalWork({ title: 'Crème & Tide' }));
  const res = await app.inject(`/works/${w.id}/download.epub`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/epub+zip');
  assert.equal(res.headers['content-disposition'], "attachment; filename=\"Creme_and_Tide.epub\"; filename*=UTF-8''Cr%C3%A8me%20%26%20Tide.epub");
  assert.equal(res.headers['cache-control'], 'public, no-cache');
  assert.equal(res.headers.etag, `"${w.id}-1.epub"`);
  assert.equal(readZip(res.rawPayload).get('mimetype')?.toString(), 'application/epub+zip');
  const again = await app.inject({ url: `/works/${w.id}/download.epub`, headers: { 'if-none-match': `"${w.id}-1.epub"` } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');

  const html = await app.inject(`/works/${w.id}/download.html`);
  assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(html.body, /<title>Crème &amp; Tide<\/title>/);
  const txt = await app.inject(`/works/${w.id}/download.txt`);
  assert.equal(txt.headers['content-type'], 'text/plain; charset=utf-8');
  assert.match(txt.body, /^Crème & Tide\nby tester\n/);
});

test('a new revision is a new file: the download follows an edit', async (t) => {
  const { archive, app } = await webApp(t);
  const w = await archive.works.create(minimalWork());
  const before = await app.inject(`/works/${w.id}/download.txt`);
  await archive.works.update(w.id, minimalWork({ title: 'Tide, Revised' }));
  const after = await app.inject(`/works/${w.id}/download.txt`);
  assert.equal(after.headers.etag, `"${w.id}-2.txt"`);
  assert.match(before.body, /^Tide\n/);
  assert.match(after.body, /^Tide, Revised\n/);
});

test('guests get 404 for drafts, restricted and hidden works, in every format; the body names nothing', async (t) => {
  const { archive, app } = await webApp(t);
  const draft = await archive.works.create(minimalWork({ title: 'Secret Draft', status: 'draft' }));
  const restricted = await archive.works.create(minimalWork({ title: 'Secret Restricted', restricted: true }));
  const hidden = await archive.works.create(minimalWork({ title: 'Secret Hidden' }));
  await archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
  for (const w of [draft, restricted, hidden]) {
    for (const ext of ['epub', 'html', 'txt', 'pdf', 'mobi', 'azw3']) {
      const res = await app.inject(`/works/${w.id}/download.${ext}`);
      assert.equal(res.statusCode, 404, `${w.title} .${ext}`);
      assert.ok(!res.body.includes('Secret'), `${ext} does not name the work`);
    }
  }
  assert.equal((await app.inject('/works/999/download.epub')).statusCode, 404);
  assert.equal((await app.inject(`/works/${draft.id}/download.zip`)).statusCode, 404);
  assert.equal((await app.inject('/works/abc/download.epub')).statusCode, 404);
});

test('members download restricted works, privately cached; the operator downloads drafts', async (t) => {
  const member = await appAs(t, { kind: 'member', accountId: 1, pseudIds: [] });
  const r = await member.archive.works.create(minimalWork({ title: 'Members Only', restricted: true }));
  const res = await member.app.inject(`/works/${r.id}/download.epub`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['cache-control']), /^private/);
  const draft = await member.archive.works.create(minimalWork({ status: 'draft' }));
  assert.equal((await member.app.inject(`/works/${draft.id}/download.epub`)).statusCode, 404);

  const operator = await appAs(t, { kind: 'operator', admin: true });
  const d = await operator.archive.works.create(minimalWork({ status: 'draft' }));
  assert.equal((await operator.app.inject(`/works/${d.id}/download.txt`)).statusCode, 200);
});

test('adult works need the same consent as reading: redirect to the work page without it', async (t) => {
  const { archive, app } = await webApp(t);
  const w = await archive.works.create(minimalWork({ rating: 'Explicit' }));
  const res = await app.inject(`/works/${w.id}/download.epub`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/works/${w.id}`);
  const withCookie = await app.inject({ url: `/works/${w.id}/download.epub`, cookies: { quire_view_adult: '1' } });
  assert.equal(withCookie.statusCode, 200);
  assert.match(String(withCookie.headers['cache-control']), /^private/);
  const withQuery = await app.inject(`/works/${w.id}/download.epub?view_adult=true`);
  assert.equal(withQuery.statusCode, 200);

  const { archive: open, app: ungated } = await webApp(t, { adultGate: 'off' });
  const o = await open.works.create(minimalWork({ rating: 'Explicit' }));
  assert.equal((await ungated.inject(`/works/${o.id}/download.epub`)).statusCode, 200);
});

test('the work page links every offered format', async (t) => {
  const { archive, app } = await webApp(t);
  const w = await archive.works.create(richWork());
  const page = parsePage(await app.inject(`/works/${w.id}`));
  const nav = page.all('nav', 'downloads')[0];
  assert.ok(nav, 'a Download menu');
  const links = page.linksIn(nav);
  const offered = downloadsFor(archive).formats();
  assert.deepEqual(links, offered.map((f) => ({ name: f.label, href: `/works/${w.id}/download.${f.ext}` })));
  assert.ok(links.some((l) => l.name === 'EPUB'));
});

test('MOBI without calibre is not offered (404 naming why); with it, 202 while it is made, then the file', async (t) => {
  const { archive: plain, app: noCalibre } = await webApp(t);
  downloadsFor(plain);
  const p = await plain.works.create(minimalWork());
  if (downloadsFor(plain).why('mobi')) {
    const res = await noCalibre.inject({ url: `/works/${p.id}/download.mobi`, headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 404);
    assert.match(res.json().error.message, /need calibre/);
  } else {
    t.diagnostic('ebook-convert is installed here; the "not offered" case is not exercised');
  }

  const fake = fakeConverters();
  t.after(fake.cleanup);
  const archive = await testArchive();
  downloadsFor(archive, { converter: fake.copy });
  const app = await buildServer(archive);
  t.after(async () => {
    await app.close();
    await archive.close();
  });
  const w = await archive.works.create(minimalWork({ title: 'Tide' }));
  const first = await app.inject(`/works/${w.id}/download.mobi`);
  assert.equal(first.statusCode, 202);
  assert.equal(first.headers['retry-after'], '10');
  assert.equal(first.headers['cache-control'], 'no-store');
  assert.match(parsePage(first).text(), /The MOBI file of Tide is being prepared\. Reload this page in a moment/);
  await downloadsFor(archive).idle();
  const ready = await app.inject(`/works/${w.id}/download.mobi`);
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.headers['content-type'], 'application/x-mobipocket-ebook');
  assert.match(String(ready.headers['content-disposition']), /filename="Tide\.mobi"/);
  assert.equal(ready.rawPayload.toString('latin1', 0, 15), 'CONVERTED:mobi:');
});
