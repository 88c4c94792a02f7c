import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { getAttributeValue } from 'domutils';
import { emptyRules } from '../../profiles/rules.ts';
import { html } from '../html.ts';
import { sendPage } from '../render.ts';
import { parsePage } from '../testing.ts';
import { hideButton } from '../views/profile-buttons.ts';
import { accountsApp, Browser } from './account.testing.ts';
import { FILTER_COOKIE } from './profiles-hook.ts';
import { readerApp, submitOn } from './reader.testing.ts';

/** The filters pages and the hook, through the app: members, guests with the cookie, CSRF. */

async function app(t: TestContext) {
  const h = await readerApp(t);
  // What a listing would read: the hook's fields, as JSON.
  h.app.get('/test/hide-rules', async (req) => ({ hideRules: req.hideRules ?? null, showHidden: req.showHidden }));
  h.app.get('/test/buttons', async (req, reply) => sendPage(reply, h.archive.config, { title: ['Buttons'], body: html`${hideButton('tag', 'Slow Burn', reply)}${hideButton('creator', 'Inkwell', reply)}` }));
  return h;
}

const rulesOf = async (b: Browser) => JSON.parse((await b.get('/test/hide-rules')).body) as { hideRules: Record<string, unknown> | null; showHidden: boolean };

const FULL_FORM = {
  fandoms: 'Orchard Tales',
  relationships: '',
  characters: 'Wren',
  tags: 'Angst, Explicit, angst',
  ratings: ['mature'],
  warnings: ['major-character-death'],
  categories: ['f-m'],
  crossovers: '1',
  languages: ['fr'],
  words_min: '1,000',
  words_max: '',
  creators: 'Inkwell',
};

test('a guest keeps filters in a signed cookie: saved, shown again, applied by the hook, cleared', async (t) => {
  const h = await app(t);
  await h.work({ fandoms: ['Orchard Tales'], characters: ['Wren'], creators: ['Inkwell'] });
  const inkwell = (await h.archive.filterProfiles.pseudsByName(['Inkwell'])).found[0]!.id;
  const guest = h.guest();
  const page = await guest.get('/filters');
  assert.equal(page.statusCode, 200);
  const doc = parsePage(page);
  assert.match(doc.title(), /^Filters/);
  assert.ok(doc.linksNamed('Filters').includes('/filters'), 'the header links to the filters');
  assert.match(doc.text(), /kept in this browser/);
  assert.equal(doc.all('h1').length, 1);
  const ids = [...page.body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'ids are unique');
  assert.doesNotMatch(page.body, / style=|<script>|<script(?! src="\/static\/)/, 'no inline style or script (the CSP forbids them)');
  assert.equal(doc.all('form').filter((f) => getAttributeValue(f, 'method') === 'post').length, 2, 'save and clear are plain forms: no JavaScript needed');
  assert.ok(doc.all('datalist').length >= 4, 'each tag field offers suggestions');
  assert.ok(doc.all('datalist').some((d) => doc.text(d) === '' && d.children.some((o) => 'attribs' in o && (o as { attribs: Record<string, string> }).attribs.value === 'Orchard Tales')));

  const saved = await guest.submit('/filters', '/filters', FULL_FORM);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, '/filters?done=saved');
  const set = guest.setCookies.filter((c) => c.startsWith(`${FILTER_COOKIE}=`)).at(-1)!;
  assert.match(set, /HttpOnly/i);
  assert.match(set, /SameSite=Lax/i);
  assert.match(set, /Max-Age=31536000/);
  assert.match(set, /Path=\//);
  assert.doesNotMatch(set, /Secure/, 'plain http: no Secure flag');
  assert.match(guest.cookies.get(FILTER_COOKIE)!, /^[A-Za-z0-9_-]+\.[A-Za-z0-9+/_-]+$/, 'payload and signature');
  assert.ok(set.length < 3584);

  const { hideRules, showHidden } = await rulesOf(guest);
  assert.deepEqual(hideRules, { tags: ['Orchard Tales', 'Wren', 'Angst', 'Mature', 'Explicit', 'Major Character Death', 'F/M'], pseudIds: [inkwell], languages: ['fr'], crossovers: true, wordsMin: 1000 });
  assert.equal(showHidden, false);
  assert.equal(JSON.parse((await guest.get('/test/hide-rules?show_hidden=1')).body).showHidden, true);

  const again = parsePage(await guest.get('/filters?done=saved'));
  assert.match(again.text(), /Your filters were saved/);
  const value = (name: string) => getAttributeValue(again.all('input').find((i) => getAttributeValue(i, 'name') === name)!, 'value');
  assert.equal(value('fandoms'), 'Orchard Tales', 'a known tag goes back in the field of its kind');
  assert.equal(value('characters'), 'Wren');
  assert.equal(value('tags'), 'Angst');
  assert.equal(value('words_min'), '1000');
  const checked = again.all('input').filter((i) => getAttributeValue(i, 'checked') !== undefined).map((i) => `${getAttributeValue(i, 'name')}=${getAttributeValue(i, 'value')}`);
  assert.deepEqual(checked.sort(), ['categories=f-m', 'crossovers=1', 'ratings=explicit', 'ratings=mature', 'warnings=major-character-death']);
  assert.equal(again.text(again.all('textarea')[0]), 'Inkwell');
  assert.equal(again.all('option').filter((o) => getAttributeValue(o, 'selected') !== undefined).map((o) => getAttributeValue(o, 'value')).join(), 'fr');

  const cleared = await guest.submit('/filters', '/filters/clear', {});
  assert.equal(cleared.headers.location, '/filters?done=cleared');
  assert.equal(guest.cookies.has(FILTER_COOKIE), false, 'the cookie is gone');
  assert.equal((await rulesOf(guest)).hideRules, null);
});

test('a tampered or foreign filter cookie is ignored and cleared, never an error', async (t) => {
  const h = await app(t);
  const guest = h.guest();
  await guest.submit('/filters', '/filters', { tags: 'Angst' });
  const good = guest.cookies.get(FILTER_COOKIE)!;
  const [payload, signature] = good.split('.') as [string, string];
  const other = Buffer.from(JSON.stringify({ v: 2, t: ['Fluff'] })).toString('base64url');
  for (const bad of [`${other}.${signature}`, `${payload}.${signature.slice(0, -2)}xx`, payload, 'garbage', `%%%.${signature}`]) {
    guest.cookies.set(FILTER_COOKIE, bad);
    const res = await guest.get('/test/hide-rules');
    assert.equal(res.statusCode, 200, bad);
    assert.equal(JSON.parse(res.body).hideRules, null, `ignored: ${bad.slice(0, 20)}`);
    assert.equal(guest.cookies.has(FILTER_COOKIE), false, 'and cleared');
    guest.cookies.set(FILTER_COOKIE, bad);
    assert.equal((await guest.get('/filters')).statusCode, 200);
  }
});

test('a guest whose filters outgrow the cookie is told so, and nothing is stored', async (t) => {
  const h = await app(t);
  const guest = h.guest();
  const tags = Array.from({ length: 60 }, (_, i) => `A rather long additional tag number ${i} about lanterns`).join(', ');
  const res = await guest.submit('/filters', '/filters', { tags });
  assert.equal(res.statusCode, 422);
  assert.match(parsePage(res).text(), /more than the 3\.5 KB a browser cookie can hold.*log in/);
  assert.equal(guest.cookies.has(FILTER_COOKIE), false);
  assert.match(parsePage(res).all('input').map((i) => getAttributeValue(i, 'value') ?? '').join('|'), /number 59 about lanterns/, 'the typed tags are filled back in');
});

test('a member’s filters are saved with the account and merged with mutes; the guest cookie is not theirs', async (t) => {
  const h = await app(t);
  const ann = await h.member('ann');
  await h.member('loud');
  const annId = (await h.archive.accounts.byUsername('ann'))!.id;
  const page = parsePage(await ann.get('/account'));
  assert.ok(page.hrefs().includes('/filters'), 'the account page links to the filters');
  const form = parsePage(await ann.get('/filters'));
  assert.match(form.text(), /saved with your account/);
  assert.match(form.text(), /0 accounts you muted/);

  const res = await ann.submit('/filters', '/filters', { tags: 'Slow Burn', ratings: ['explicit'], words_max: '20000' });
  assert.equal(res.statusCode, 303);
  assert.equal(ann.cookies.has(FILTER_COOKIE), false, 'no cookie for a member');
  assert.deepEqual(await h.archive.filterProfiles.get(annId), { tags: ['Slow Burn'], ratings: ['Explicit'], warnings: [], categories: [], creators: [], crossovers: false, languages: [], wordsMin: null, wordsMax: 20000 });

  await h.archive.interactions.mutes.add(annId, { username: 'loud' });
  const loudPseuds = await h.archive.interactions.mutedPseudIds(annId);
  assert.deepEqual((await rulesOf(ann)).hideRules, { tags: ['Slow Burn', 'Explicit'], pseudIds: loudPseuds, wordsMax: 20000 });
  assert.match(parsePage(await ann.get('/filters')).text(), /1 account you muted/);

  ann.cookies.set(FILTER_COOKIE, 'left.over');
  assert.deepEqual((await rulesOf(ann)).hideRules, { tags: ['Slow Burn', 'Explicit'], pseudIds: loudPseuds, wordsMax: 20000 });
  await ann.submit('/filters', '/filters/clear', {});
  assert.deepEqual((await rulesOf(ann)).hideRules, { pseudIds: loudPseuds }, 'clearing keeps the mutes (they have their own page)');
});

test('the form says what is wrong beside the field and keeps what was typed', async (t) => {
  const h = await app(t);
  const ann = await h.member('ann');
  const cases: [Record<string, string | string[]>, string, RegExp][] = [
    [{ creators: 'Nobody Here, Nor Here' }, 'creators', /no pen name on this archive: “Nobody Here”, “Nor Here”/],
    [{ words_min: '5000', words_max: '100' }, 'words_max', /would hide every work/],
    [{ words_min: 'lots' }, 'words_min', /whole number/],
    [{ ratings: ['R'] }, 'ratings', /not a rating/],
    [{ languages: ['English!'] }, 'languages', /not a language code/],
  ];
  for (const [fields, field, message] of cases) {
    const res = await ann.submit('/filters', '/filters', fields);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    const doc = parsePage(res);
    const error = doc.all('p', 'field-error').map((p) => doc.text(p)).join(' | ');
    assert.match(error, message, `${field}: ${error}`);
    assert.match(doc.text(doc.all('div', 'error-summary')[0]), message);
  }
  const typed = parsePage(await ann.submit('/filters', '/filters', { creators: 'Nobody Here', tags: 'Kept Tag' }));
  assert.equal(typed.text(typed.all('textarea')[0]), 'Nobody Here');
  assert.ok(typed.all('input').some((i) => getAttributeValue(i, 'value') === 'Kept Tag'));
  assert.deepEqual(await h.archive.filterProfiles.get((await h.archive.accounts.byUsername('ann'))!.id), emptyRules(), 'nothing was saved');
});

test('every filters POST is refused without its CSRF token', async (t) => {
  const h = await app(t);
  const guest = h.guest();
  await guest.get('/filters');
  for (const [url, fields] of [['/filters', { tags: 'Angst' }], ['/filters/clear', {}], ['/filters/hide', { kind: 'tag', name: 'Angst', back: '/' }]] as const) {
    const res = await guest.post(url, fields);
    assert.equal(res.statusCode, 403, url);
  }
  assert.equal(guest.cookies.has(FILTER_COOKIE), false);
});

test('"Never show me this tag / creator" buttons add one rule in one click, for guests and members', async (t) => {
  const h = await app(t);
  await h.work({ tags: ['Slow Burn'], creators: ['Inkwell'] });
  const inkwell = (await h.archive.filterProfiles.pseudsByName(['Inkwell'])).found[0]!.id;
  for (const b of [h.guest(), await h.member('ann')]) {
    const page = parsePage(await b.get('/test/buttons'));
    assert.deepEqual(page.all('button').map((x) => page.text(x)).filter((x) => x.startsWith('Never')), ['Never show me this tag', 'Never show me this creator']);
    const res = await submitOn(b, '/test/buttons', '/filters/hide', { kind: 'tag', name: 'Slow Burn' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/filters?done=tag-hidden&back=${encodeURIComponent('/test/buttons')}`);
    const landing = parsePage(await b.get(String(res.headers.location)));
    assert.match(landing.text(), /That tag is hidden now/);
    assert.ok(landing.linksNamed('Back to where you were').includes('/test/buttons'));
    const form = await b.get('/test/buttons');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    assert.equal((await b.post('/filters/hide', { kind: 'creator', name: 'inkwell', back: '//evil.example/', _csrf: token })).headers.location, '/filters?done=creator-hidden', 'no open redirect');
    assert.deepEqual((await rulesOf(b)).hideRules, { tags: ['Slow Burn'], pseudIds: [inkwell] });
    assert.equal((await b.post('/filters/hide', { kind: 'creator', name: 'No Such Pen', back: '/', _csrf: token })).statusCode, 404);
    assert.equal((await b.post('/filters/hide', { kind: 'work', name: 'x', back: '/', _csrf: token })).statusCode, 400);
  }
});

test('under an https base URL the filter cookie is Secure', async (t) => {
  const h = await accountsApp(t, { baseUrl: 'https://archive.example' });
  const guest = new Browser(h.app);
  assert.equal((await guest.submit('/filters', '/filters', { crossovers: '1' })).statusCode, 303);
  assert.match(guest.setCookies.find((c) => c.startsWith(`${FILTER_COOKIE}=`))!, /; Secure/);
});
