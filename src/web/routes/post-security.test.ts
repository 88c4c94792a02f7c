import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { findAll } from 'domutils';
import { accountsApp, Browser, csrfTokenIn } from './account.testing.ts';
import { submitForm, workForm, workIdFrom } from './post.testing.ts';

const XSS = `<script>alert(1)</script><img src="https://example.org/x.png" onerror="alert(2)">"'><b onclick="alert(3)">bold</b>`;

/** Fails when a page holds a script other than the site's own, or any `on…` attribute. */
function assertNoInjection(body: string, where: string): void {
  const doc = parseDocument(body);
  for (const el of findAll(() => true, doc.children)) {
    if (el.name === 'script') assert.equal(el.attribs.src, '/static/tag-suggest.js', `${where}: only the site's own script`);
    for (const attr of Object.keys(el.attribs)) assert.ok(!/^on/i.test(attr), `${where}: <${el.name} ${attr}>`);
  }
  assert.doesNotMatch(body, /<script>alert/, where);
}

test('what a writer types is escaped or sanitized on every page that shows it', async (t) => {
  const h = await accountsApp(t);
  const b = new Browser(h.app, '203.0.113.110');
  await b.signUp('ren_writes');
  const pseudId = (await h.archive.accounts.byUsername('ren_writes'))!.defaultPseudId!;
  const tag = (s: string) => `${s} <script>alert(9)</script>`;
  const fields = workForm(pseudId, {
    title: `Title ${XSS}`, summary: `Summary ${XSS}`, notes: `Notes ${XSS}`, end_notes: `End ${XSS}`,
    fandoms: tag('Fandom'), relationships: tag('A/B'), characters: tag('Char'), tags: tag('Extra'),
    series_id: 'new', series_title: `Series ${XSS}`, chapter_title: `Chapter ${XSS}`, text_format: 'html', chapter_text: `<p>Text long enough.</p>${XSS}`,
  });

  const preview = await submitForm(b, '/works/new', '/works/new', { ...fields, action: 'preview' });
  assert.equal(preview.statusCode, 200);
  assertNoInjection(preview.body, 'preview');
  const invalid = await submitForm(b, '/works/new', '/works/new', { ...fields, co_creators: `<script>alert(5)</script>`, action: 'post' });
  assert.equal(invalid.statusCode, 422);
  assertNoInjection(invalid.body, 'form with errors');

  const id = workIdFrom(await submitForm(b, '/works/new', '/works/new', { ...fields, action: 'draft' }));
  const work = await h.archive.works.read({ kind: 'operator' }, id);
  assert.match(work.title, /<script>alert\(1\)<\/script>/, 'a title is text: kept as typed, escaped when shown');
  assert.doesNotMatch(work.chapters[0]!.html + work.summary + work.notes + work.endNotes, /script|onerror|onclick/);
  const chapterId = work.chapters[0]!.id;
  const chapterForm = await b.get(`/works/${id}/chapters/new`);
  await b.post(`/works/${id}/chapters/new`, { chapter_title: XSS, chapter_summary: XSS, chapter_notes: XSS, chapter_end_notes: XSS, text_format: 'html', chapter_text: `<p>Second chapter text.</p>${XSS}`, action: 'save', _csrf: csrfTokenIn(chapterForm.body, `/works/${id}/chapters/new`) });

  for (const page of [`/works/${id}`, `/works/${id}?view=full`, `/works/${id}/chapters/2`, `/works/${id}/edit`, `/works/${id}/chapters/manage`, `/works/${id}/chapters/${chapterId}/edit`, `/works/${id}/delete`, '/account/drafts', '/works']) {
    const res = await b.get(page);
    assert.equal(res.statusCode, 200, page);
    assertNoInjection(res.body, page);
  }
  assert.match((await b.get(`/works/${id}`)).body, /Title &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('/tags/autocomplete answers JSON with tag names only, and never a tag used only on drafts', async (t) => {
  const h = await accountsApp(t);
  const b = new Browser(h.app, '203.0.113.120');
  await b.signUp('ren_writes');
  const pseudId = (await h.archive.accounts.byUsername('ren_writes'))!.defaultPseudId!;
  await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { characters: 'Maren Coil' }));
  await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { characters: 'Maren Secretly', action: 'draft' }));
  await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { characters: 'Maren Members', restricted: '1' }));

  const guest = new Browser(h.app, '203.0.113.121');
  const res = await guest.get('/tags/autocomplete?type=character&q=mar');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.deepEqual(JSON.parse(res.body), { tags: [{ name: 'Maren Coil', canonical: false }] });
  const member = JSON.parse((await b.get('/tags/autocomplete?type=character&q=MAR')).body) as { tags: { name: string }[] };
  assert.deepEqual(member.tags.map((x) => x.name), ['Maren Coil', 'Maren Members'], 'members see restricted works’ tags, nobody sees drafts’');
  assert.equal((await guest.get('/tags/autocomplete?type=secret&q=mar')).statusCode, 400);
  assert.deepEqual(JSON.parse((await guest.get('/tags/autocomplete?type=fandom&q=')).body), { tags: [] });
});
