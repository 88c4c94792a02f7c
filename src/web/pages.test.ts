import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../test/factories.ts';
import { parsePage, webApp } from './testing.ts';

const EVIL = '<script>alert(1)</script>';

async function everyPage(t: Parameters<typeof webApp>[0], work: Parameters<typeof buildWork>[0]) {
  const { archive, app } = await webApp(t);
  const w = await archive.works.create(buildWork(work));
  await archive.works.create(buildWork({ title: 'Second Work', rating: 'Explicit', chapters: [{ html: '<p>Chapter one of two.</p>' }, { html: '<p>Chapter two of two.</p>' }] }));
  const urls = ['/', '/works', `/works/${w.id}`, `/works/${w.id}/chapters/1`, `/works/${w.id}?view=full`, '/works/2', '/works/2?view_adult=true', '/works/2/chapters/2?view_adult=true',
    '/fandoms', '/series/1', `/creators/${encodeURIComponent(w.creators[0]!.name)}`, '/tags/Test%20Fandom', '/works/999', '/no/such/page', '/works?page=zz'];
  return { app, w, urls };
}

test('every page has one <h1>, a <title>, the landmarks, and no inline script or style', async (t) => {
  const { app, urls } = await everyPage(t, { title: 'Plain', series: [{ title: 'A Series' }], chapters: [{ html: '<p>Chapter one text.</p>' }, { html: '<p>Chapter two text.</p>' }] });
  for (const url of urls) {
    const res = await app.inject(url);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/, url);
    assert.ok(res.body.startsWith('<!doctype html>\n<html lang="en">'), url);
    const page = parsePage(res);
    assert.equal(page.all('h1').length, 1, `${url} has exactly one h1`);
    assert.equal(page.all('title').length, 1, url);
    assert.match(page.title(), / - Quire$|^Quire$/, url);
    assert.equal(page.all('main').length, 1, url);
    assert.ok(res.body.includes('<main id="main"') && res.body.includes('href="#main"'), `${url} has a skip link to main`);
    assert.equal(page.all('script').length, 0, url);
    assert.equal(page.all('style').length, 0, url);
    assert.doesNotMatch(res.body, /\sstyle=|\son[a-z]+=/i, `${url} has no inline style or handler`);
  }
});

test('a title, tags, creator and series containing <script> are escaped everywhere they appear', async (t) => {
  const { app, urls } = await everyPage(t, {
    title: `Title ${EVIL}`,
    fandoms: [`Fandom ${EVIL}`],
    relationships: [`A/B ${EVIL}`],
    characters: [`Char ${EVIL}`],
    tags: [`Tag ${EVIL}`],
    creators: [`pen ${EVIL}`],
    series: [{ title: `Series ${EVIL}` }],
    summary: `<p>Summary</p>${EVIL}`,
    chapters: [{ title: `Chapter ${EVIL}`, html: `<p>Text</p>${EVIL}<p onclick="x()">Click</p>` }],
  });
  urls.push(`/tags/${encodeURIComponent(`Tag ${EVIL}`)}`, `/tags/${encodeURIComponent(`Fandom ${EVIL}`)}`, `/tags/${encodeURIComponent(`A/B ${EVIL}`)}`);
  let seen = 0;
  for (const url of urls) {
    const res = await app.inject(url);
    assert.ok(!res.body.includes('<script'), `${url} has no raw <script>`);
    assert.ok(!/onclick/i.test(res.body), url);
    if (res.body.includes('&lt;script&gt;')) seen++;
  }
  assert.ok(seen >= 8, `the escaped names are shown (on ${seen} pages)`);
});
