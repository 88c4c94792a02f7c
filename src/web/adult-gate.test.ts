import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../test/factories.ts';
import { ADULT_COOKIE } from './adult-gate.ts';
import { parsePage, webApp } from './testing.ts';

const TEXT = 'The storm broke over the orchard at midnight.';
const TEXT2 = 'By morning the pears were all on the grass.';

function matureWork() {
  return buildWork({
    title: 'Orchard Storm',
    rating: 'Mature',
    tags: ['Weather'],
    summary: '<p>Summary of the storm.</p>',
    chapters: [{ html: `<p>${TEXT}</p>` }, { html: `<p>${TEXT2}</p>` }],
  });
}

test('an adult work shows the interstitial, without its text, to a reader who has not agreed', async (t) => {
  const { archive, app } = await webApp(t);
  const work = await archive.works.create(matureWork());
  for (const url of [`/works/${work.id}`, `/works/${work.id}/chapters/2`, `/works/${work.id}?view=full`]) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['cache-control'], 'private, no-store', url);
    const page = parsePage(res);
    assert.match(page.text(), /This work could have adult content\. If you continue, you have agreed that you are willing to see such content\./);
    assert.ok(!res.body.includes(TEXT) && !res.body.includes(TEXT2), `${url} does not leak the text`);
    assert.ok(!res.body.includes('Summary of the storm'), 'nor the summary');
    assert.ok(page.text().includes('Orchard Storm') && page.text().includes('Weather'), 'title and tags are shown');
    assert.deepEqual(page.linksNamed('No, go back'), ['/works']);
    assert.equal(res.headers['set-cookie'], undefined);
  }
  const full = parsePage(await app.inject(`/works/${work.id}?view=full`));
  assert.deepEqual(full.linksNamed('Proceed'), [`/works/${work.id}?view=full&view_adult=true`], 'Proceed keeps the other query parameters');
  const chapter = parsePage(await app.inject(`/works/${work.id}/chapters/2`));
  assert.deepEqual(chapter.linksNamed('Proceed'), [`/works/${work.id}/chapters/2?view_adult=true`]);
});

test('proceeding shows the text and sets a session cookie that skips the gate later', async (t) => {
  const { archive, app } = await webApp(t);
  const work = await archive.works.create(matureWork());
  const other = await archive.works.create(buildWork({ rating: 'Explicit', chapters: [{ html: '<p>Another adult text for later.</p>' }] }));
  const proceed = await app.inject(`/works/${work.id}?view_adult=true`);
  assert.equal(proceed.statusCode, 200);
  assert.ok(proceed.body.includes(TEXT));
  const setCookie = String(proceed.headers['set-cookie']);
  assert.match(setCookie, new RegExp(`^${ADULT_COOKIE}=1;`));
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  assert.match(setCookie, /Path=\//);
  assert.doesNotMatch(setCookie, /Max-Age|Expires/i, 'a browser-session cookie');
  assert.doesNotMatch(setCookie, /Secure/, 'not Secure over plain http');

  const cookies = { [ADULT_COOKIE]: '1' };
  const later = await app.inject({ url: `/works/${other.id}`, cookies });
  assert.ok(later.body.includes('Another adult text for later.'));
  assert.ok(!later.body.includes('could have adult content'));
  const chapter = await app.inject({ url: `/works/${work.id}/chapters/2`, cookies });
  assert.ok(chapter.body.includes(TEXT2));
});

test('the cookie is Secure when the archive is served over https', async (t) => {
  const { archive, app } = await webApp(t, { baseUrl: 'https://fics.example.org' });
  const work = await archive.works.create(matureWork());
  const res = await app.inject(`/works/${work.id}?view_adult=true`);
  assert.match(String(res.headers['set-cookie']), /; Secure/);
});

test('works rated General or Teen are never gated; Not Rated and Explicit are', async (t) => {
  const { archive, app } = await webApp(t);
  const cases = [['General Audiences', false], ['Teen And Up Audiences', false], ['Not Rated', true], ['Explicit', true]] as const;
  for (const [rating, gated] of cases) {
    const work = await archive.works.create(buildWork({ rating }));
    const res = await app.inject(`/works/${work.id}`);
    assert.equal(res.body.includes('could have adult content'), gated, rating);
  }
});

test('with the gate off in config, adult works show at once', async (t) => {
  const { archive, app } = await webApp(t, { adultGate: 'off' });
  const work = await archive.works.create(matureWork());
  const res = await app.inject(`/works/${work.id}`);
  assert.ok(res.body.includes(TEXT));
  assert.ok(!res.body.includes('could have adult content'));
  assert.doesNotMatch(String(res.headers['set-cookie'] ?? ''), new RegExp(ADULT_COOKIE), 'no adult-content cookie');
});
