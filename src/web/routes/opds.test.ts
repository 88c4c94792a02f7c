import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { parseDocument } from 'htmlparser2';
import { findAll, findOne, textContent } from 'domutils';
import type { Document, Element } from 'domhandler';
import { buildWork } from '../../../test/factories.ts';
import type { Archive } from '../../archive.ts';
import { pseudIdsOf } from '../../accounts/account.repository.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import { apiTokensFor } from '../../api/tokens.ts';
import { parseFeed } from '../../feeds/feedparser.testing.ts';
import type { WorkInput } from '../../works/work.types.ts';
import { webApp } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';

const BASE = 'http://localhost:8080';
const NAV = 'application/atom+xml;profile=opds-catalog;kind=navigation';
const ACQ = 'application/atom+xml;profile=opds-catalog;kind=acquisition';

interface Xml {
  doc: Document;
  entries: Element[];
  links(el?: Element): Record<string, string>[];
  text(name: string, el?: Element): string[];
}

function xml(body: string): Xml {
  const doc = parseDocument(body, { xmlMode: true });
  const feed = findOne((e) => e.name === 'feed', doc.children)!;
  const children = (el: Element) => el.children.filter((c): c is Element => c.type === 'tag');
  return {
    doc,
    entries: children(feed).filter((e) => e.name === 'entry'),
    links: (el = feed) => children(el).filter((e) => e.name === 'link').map((l) => ({ ...l.attribs })),
    text: (name, el = feed) => findAll((e) => e.name === name, el.children).map((e) => textContent(e)),
  };
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

async function opds(t: TestContext, app: FastifyInstance, url: string, type: string, auth?: string) {
  const res = await app.inject({ url, headers: auth ? { authorization: auth } : {} });
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
  assert.equal(res.headers['content-type'], `${type}; charset=utf-8`, url);
  const parsed = parseFeed(t, res.body);
  if (parsed) assert.equal(parsed.bozo, 0, `${url}: ${parsed.bozoException}`);
  return { res, x: xml(res.body) };
}

async function post(archive: Archive, overrides: Partial<WorkInput>): Promise<number> {
  return (await archive.works.create(buildWork(overrides))).id;
}

async function reader(archive: Archive, username = 'reader') {
  const account = await archive.accounts.create({ username, email: `${username}@example.org`, password: 'a quiet lantern' });
  const { secret, credential } = await apiTokensFor(archive.store.db).createAppPassword(account.id, 'Kobo');
  const viewer = viewerOf(account, await pseudIdsOf(archive.store.db, account.id));
  return { account, auth: basic(username, secret), secret, id: credential.id, viewer };
}

test('the root is a navigation feed with start, self and search links and subsections of the right kinds', async (t) => {
  const { app } = await webApp(t);
  const { x, res } = await opds(t, app, '/opds', NAV);
  assert.match(res.body, /xmlns:opds="http:\/\/opds-spec.org\/2010\/catalog"/);
  const links = x.links();
  assert.ok(links.some((l) => l.rel === 'self' && l.href === `${BASE}/opds` && l.type === NAV));
  assert.ok(links.some((l) => l.rel === 'start' && l.href === `${BASE}/opds` && l.type === NAV));
  assert.ok(links.some((l) => l.rel === 'search' && l.href === `${BASE}/opds/opensearch.xml` && l.type === 'application/opensearchdescription+xml'));
  const sub = Object.fromEntries(x.entries.map((e) => [x.text('title', e)[0], x.links(e)[0]!]));
  assert.deepEqual(sub['New and updated works'], { rel: 'http://opds-spec.org/sort/new', href: `${BASE}/opds/new`, type: ACQ });
  assert.deepEqual(sub.Fandoms, { rel: 'subsection', href: `${BASE}/opds/fandoms`, type: NAV });
  assert.deepEqual(sub.Tags, { rel: 'subsection', href: `${BASE}/opds/tags`, type: NAV });
  assert.deepEqual(sub.Series, { rel: 'subsection', href: `${BASE}/opds/series`, type: NAV });
  assert.equal(sub['Your bookmarks']!.rel, 'http://opds-spec.org/shelf');
  for (const e of x.entries) assert.ok(x.text('id', e)[0]!.startsWith('urn:uuid:') && x.text('updated', e)[0]);
});

test('acquisition entries carry EPUB links, language, dates, authors, summary and categories; pages link to each other', async (t) => {
  const { archive, app } = await webApp(t);
  for (let i = 0; i < 27; i++) await post(archive, { title: `Work ${i}`, creators: ['wren'], tags: ['Sea'], language: i === 0 ? 'fr' : 'en', updatedOn: `2024-02-${String(i + 1).padStart(2, '0')}`, publishedOn: '2024-01-15' });
  const adult = await post(archive, { title: 'Grown-up', rating: 'Explicit', updatedOn: '2024-03-01' });
  const first = await opds(t, app, '/opds/new', ACQ);
  assert.equal(first.x.entries.length, 25);
  assert.deepEqual(first.x.text('opensearch:totalResults'), ['28']);
  assert.deepEqual(first.x.text('opensearch:itemsPerPage'), ['25']);
  const links = first.x.links();
  assert.ok(links.some((l) => l.rel === 'next' && l.href === `${BASE}/opds/new?page=2` && l.type === ACQ));
  assert.ok(links.some((l) => l.rel === 'first' && l.href === `${BASE}/opds/new`));
  assert.ok(links.some((l) => l.rel === 'last' && l.href === `${BASE}/opds/new?page=2`));
  assert.ok(!links.some((l) => l.rel === 'previous'));

  const grown = first.x.entries[0]!;
  assert.equal(first.x.text('title', grown)[0], 'Grown-up');
  const epub = first.x.links(grown).find((l) => l.rel === 'http://opds-spec.org/acquisition' && l.type === 'application/epub+zip');
  assert.equal(epub?.href, `${BASE}/works/${adult}/download.epub?view_adult=true`, 'adult works carry the consent');
  const work = first.x.entries[1]!;
  assert.equal(first.x.text('title', work)[0], 'Work 26');
  assert.deepEqual(first.x.text('dc:language', work), ['en']);
  assert.deepEqual(first.x.text('dc:issued', work), ['2024-01-15']);
  assert.deepEqual(first.x.text('updated', work), ['2024-02-27T00:00:00Z']);
  assert.deepEqual(first.x.text('name', work), ['wren']);
  assert.equal(first.x.text('summary', work)[0], 'A short summary.');
  const download = first.x.links(work).find((l) => l.type === 'application/epub+zip')!;
  assert.match(download.href!, /^http:\/\/localhost:8080\/works\/\d+\/download\.epub$/);
  assert.ok(first.x.links(work).some((l) => l.rel === 'alternate' && l.type === 'text/html'));
  assert.ok(findAll((e) => e.name === 'category' && e.attribs.term === 'Sea', work.children).length === 1);
  const got = await app.inject(download.href!.replace(BASE, ''));
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'application/epub+zip');
  assert.equal((await app.inject(epub!.href!.replace(BASE, ''))).statusCode, 200, 'the adult download goes straight through');

  const second = await opds(t, app, '/opds/new?page=2', ACQ);
  assert.equal(second.x.entries.length, 3);
  assert.ok(second.x.links().some((l) => l.rel === 'previous' && l.href === `${BASE}/opds/new`));
  assert.ok(!second.x.links().some((l) => l.rel === 'next'));
  assert.deepEqual(second.x.text('opensearch:startIndex'), ['26']);
  assert.equal((await app.inject('/opds/new?page=3')).statusCode, 404);
  assert.equal((await app.inject('/opds/new?page=zero')).statusCode, 400);
});

test('fandoms and popular tags lead to acquisition feeds of their works; series too', async (t) => {
  const { archive, app } = await webApp(t);
  await post(archive, { title: 'Keeper one', fandoms: ['Lighthouse Keepers'], tags: ['Storms'] });
  await post(archive, { title: 'Keeper two', fandoms: ['Lighthouse Keepers'], tags: ['Storms', 'Tea'], series: [{ title: 'Beacons' }] });
  await post(archive, { title: 'Mapmaker', fandoms: ['Cartographers'], tags: ['Tea'], characters: ['Ada'], relationships: ['Ada/Wren'] });
  await post(archive, { title: 'Hush', fandoms: ['Cartographers'], tags: ['Storms'], restricted: true });

  const fandoms = await opds(t, app, '/opds/fandoms', NAV);
  assert.deepEqual(fandoms.x.entries.map((e) => [fandoms.x.text('title', e)[0], fandoms.x.text('content', e)[0]]), [['Cartographers', '1 work'], ['Lighthouse Keepers', '2 works']]);
  const link = fandoms.x.links(fandoms.x.entries[1]!)[0]!;
  assert.deepEqual(link, { rel: 'subsection', href: `${BASE}/opds/tags/Lighthouse%20Keepers`, type: ACQ });
  const keepers = await opds(t, app, link.href!.replace(BASE, ''), ACQ);
  assert.deepEqual(keepers.x.entries.map((e) => keepers.x.text('title', e)[0]).sort(), ['Keeper one', 'Keeper two']);
  assert.ok(keepers.x.links().some((l) => l.rel === 'up' && l.href === `${BASE}/opds/fandoms`));

  const tags = await opds(t, app, '/opds/tags', NAV);
  assert.deepEqual(tags.x.entries.map((e) => tags.x.text('title', e)[0]), ['Storms', 'Tea', 'Ada', 'Ada/Wren'], 'most used first; no fandoms, ratings or warnings');
  const ada = await opds(t, app, '/opds/tags/Ada%2FWren', ACQ);
  assert.deepEqual(ada.x.entries.map((e) => ada.x.text('title', e)[0]), ['Mapmaker']);
  assert.equal((await app.inject('/opds/tags/ada%2Fwren')).headers.location, '/opds/tags/Ada%2FWren');
  assert.equal((await app.inject('/opds/tags/Nothing')).statusCode, 404);

  const series = await opds(t, app, '/opds/series', NAV);
  assert.deepEqual(series.x.entries.map((e) => series.x.text('title', e)[0]), ['Beacons']);
  const beacons = await opds(t, app, series.x.links(series.x.entries[0]!)[0]!.href!.replace(BASE, ''), ACQ);
  assert.deepEqual(beacons.x.entries.map((e) => beacons.x.text('title', e)[0]), ['Keeper two']);
});

test('OpenSearch describes /opds/search, which answers with an acquisition feed', async (t) => {
  const { archive, app } = await webApp(t);
  await post(archive, { title: 'The lantern room' });
  await post(archive, { title: 'Something else' });
  const desc = await app.inject('/opds/opensearch.xml');
  assert.equal(desc.statusCode, 200);
  assert.equal(desc.headers['content-type'], 'application/opensearchdescription+xml; charset=utf-8');
  const doc = parseDocument(desc.body, { xmlMode: true });
  const root = findOne((e) => e.name === 'OpenSearchDescription', doc.children)!;
  assert.equal(root.attribs.xmlns, 'http://a9.com/-/spec/opensearch/1.1/');
  const url = findOne((e) => e.name === 'Url', root.children)!;
  assert.equal(url.attribs.type, ACQ);
  assert.equal(url.attribs.template, `${BASE}/opds/search?q={searchTerms}`);
  const found = await opds(t, app, url.attribs.template!.replace(BASE, '').replace('{searchTerms}', 'lantern'), ACQ);
  assert.deepEqual(found.x.entries.map((e) => found.x.text('title', e)[0]), ['The lantern room']);
  assert.deepEqual(found.x.text('opensearch:totalResults'), ['1']);
  assert.equal((await app.inject('/opds/search?q=%22')).statusCode, 400);
});

test('shelves need an app password: 401 with the Basic challenge when missing, wrong or revoked', async (t) => {
  const { archive, app } = await webApp(t);
  const r = await reader(archive);
  const other = await reader(archive, 'other');
  const work = await post(archive, { title: 'Kept' });
  await archive.interactions.bookmarks.save(r.viewer, work, { private: true });
  await archive.interactions.later.add(r.viewer, work);
  await archive.interactions.subscriptions.subscribe(r.viewer, 'work', work);

  for (const path of ['/opds/me/bookmarks', '/opds/me/later', '/opds/me/subscriptions']) {
    const none = await app.inject(path);
    assert.equal(none.statusCode, 401, path);
    assert.equal(none.headers['www-authenticate'], 'Basic realm="Quire"');
  }
  for (const bad of [basic('reader', 'WRONG-WRONG-WRONG-WRONG-WRONG-WRONG'), basic('other', r.secret), basic('reader', 'a quiet lantern'), 'Basic !!!', basic('', r.secret)]) {
    const res = await app.inject({ url: '/opds/me/bookmarks', headers: { authorization: bad } });
    assert.equal(res.statusCode, 401, bad);
    assert.equal(res.headers['www-authenticate'], 'Basic realm="Quire"');
  }
  assert.equal((await app.inject({ url: '/opds', headers: { authorization: basic('reader', 'nope') } })).statusCode, 401, 'a wrong password is refused on public feeds too');

  const shelf = await opds(t, app, '/opds/me/bookmarks', ACQ, r.auth);
  assert.deepEqual(shelf.x.entries.map((e) => shelf.x.text('title', e)[0]), ['Kept'], 'private bookmarks too: they are the reader’s own');
  assert.equal(shelf.res.headers['cache-control'], 'private, no-store');
  const later = await opds(t, app, '/opds/me/later', ACQ, r.auth);
  assert.equal(later.x.entries.length, 1);
  const subs = await opds(t, app, '/opds/me/subscriptions', NAV, r.auth);
  assert.deepEqual(subs.x.links(subs.x.entries[0]!)[0], { rel: 'subsection', href: `${BASE}/opds/works/${work}`, type: ACQ });
  const one = await opds(t, app, `/opds/works/${work}`, ACQ, r.auth);
  assert.equal(one.x.entries.length, 1);
  assert.equal((await opds(t, app, '/opds/me/bookmarks', ACQ, other.auth)).x.entries.length, 0, 'another reader’s shelf is their own');

  await apiTokensFor(archive.store.db).revoke(r.account.id, r.id);
  assert.equal((await app.inject({ url: '/opds/me/bookmarks', headers: { authorization: r.auth } })).statusCode, 401, 'revoked');
});

test('privacy: guests never see restricted works, members do; drafts and hidden works never appear', async (t) => {
  const { archive, app } = await webApp(t);
  const r = await reader(archive, 'writer');
  await archive.accounts.setRole('writer', 'admin');
  await post(archive, { title: 'Open', creators: ['writer'] });
  const restricted = await post(archive, { title: 'Members', creators: ['writer'], restricted: true });
  await post(archive, { title: 'Unfinished', creators: ['writer'], status: 'draft' });
  const hidden = await post(archive, { title: 'Taken down', creators: ['writer'] });
  await archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden).execute();
  await archive.events.changed([hidden]);

  const titles = async (path: string, auth?: string) => {
    const { x } = await opds(t, app, path, ACQ, auth);
    return x.entries.map((e) => x.text('title', e)[0]).sort();
  };
  for (const path of ['/opds/new', '/opds/creators/writer', '/opds/search?q=', '/opds/tags/Test%20Fandom']) {
    assert.deepEqual(await titles(path), ['Open'], `${path} as a guest`);
    assert.deepEqual(await titles(path, r.auth), ['Members', 'Open'], `${path} as the (admin) creator: never drafts or hidden works`);
  }
  assert.equal((await app.inject(`/opds/works/${restricted}`)).statusCode, 404);
  assert.equal((await app.inject(`/works/${restricted}/download.epub`)).statusCode, 404, 'a guest cannot download it');
  const dl = await app.inject({ url: `/works/${restricted}/download.epub`, headers: { authorization: r.auth } });
  assert.equal(dl.statusCode, 200, 'the app password opens the restricted download');
  assert.equal(dl.headers['content-type'], 'application/epub+zip');
  assert.match(String(dl.headers['cache-control']), /^private/);
  const wrong = await app.inject({ url: `/works/${restricted}/download.epub`, headers: { authorization: basic('writer', 'nope') } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.headers['www-authenticate'], 'Basic realm="Quire"');
});

test('a signed-in reader’s filter profile applies to listings; OPDS never reads cookies', async (t) => {
  const h = await accountsApp(t);
  const { archive, app } = h;
  await post(archive, { title: 'Sad', tags: ['Angst'] });
  await post(archive, { title: 'Glad', tags: ['Fluff'] });
  await post(archive, { title: 'Members', restricted: true });
  const r = await reader(archive);
  await archive.filterProfiles.save(r.account.id, { tags: ['Angst'] });
  const names = async (auth?: string) => {
    const { x } = await opds(t, app, '/opds/new', ACQ, auth);
    return x.entries.map((e) => x.text('title', e)[0]).sort();
  };
  assert.deepEqual(await names(r.auth), ['Glad', 'Members']);
  assert.deepEqual(await names(), ['Glad', 'Sad']);
  const browser = new Browser(app);
  await browser.signUp('cookie1');
  const res = await browser.get('/opds/new');
  assert.ok(!res.body.includes('Members'), 'a session cookie does not sign in to OPDS');
  assert.equal(res.headers['set-cookie'], undefined);
});
