import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import type { Archive } from '../../archive.ts';
import { parseFeed } from '../../feeds/feedparser.testing.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { addMetatag, makeSynonym } from '../../tags/wrangle.ts';
import type { WorkInput } from '../../works/work.types.ts';
import { parsePage, webApp } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';

const BASE = 'http://localhost:8080';

async function post(archive: Archive, overrides: Partial<WorkInput>): Promise<number> {
  return (await archive.works.create(buildWork(overrides))).id;
}

async function hide(archive: Archive, id: number): Promise<void> {
  await archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', id).execute();
  await archive.events.changed([id]);
}

/** A small archive: works tagged with a canonical tag, its synonym and a subtag, plus what must never show. */
async function library(archive: Archive) {
  const ids = {
    canon: await post(archive, { title: 'Canon & <Co>', tags: ['Found Family'], creators: ['wren'], publishedOn: '2024-01-01', updatedOn: '2024-01-05' }),
    synonym: await post(archive, { title: 'By synonym', tags: ['found fam'], creators: ['ada'], publishedOn: '2024-01-02', updatedOn: '2024-01-06' }),
    subtag: await post(archive, { title: 'By subtag', tags: ['Pirate Family'], creators: ['wren'], publishedOn: '2024-01-03', updatedOn: '2024-01-07' }),
    restricted: await post(archive, { title: 'Members only', tags: ['Found Family'], creators: ['wren'], restricted: true }),
    draft: await post(archive, { title: 'Not yet', tags: ['Found Family'], creators: ['wren'], status: 'draft' }),
    hidden: await post(archive, { title: 'Taken down', tags: ['Found Family'], creators: ['wren'] }),
    other: await post(archive, { title: 'Elsewhere', tags: ['Angst'], creators: ['ada'], publishedOn: '2024-02-01' }),
  };
  await hide(archive, ids.hidden);
  const db = archive.store.db;
  const canon = (await findTagByName(db, 'Found Family'))!;
  await makeSynonym(archive.store, archive.events, (await findTagByName(db, 'found fam'))!.id, canon.id);
  await addMetatag(archive.store, archive.events, (await findTagByName(db, 'Pirate Family'))!.id, canon.id);
  return ids;
}

async function feed(t: TestContext, app: Awaited<ReturnType<typeof webApp>>['app'], url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ url, headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
  assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
  const parsed = parseFeed(t, res.body);
  if (parsed) assert.equal(parsed.bozo, 0, `${url} is not a well-formed feed: ${parsed.bozoException}`);
  return { res, parsed };
}

test('a tag feed is valid Atom with the works of its filter tag: synonyms and subtags in, restricted, drafts and hidden out', async (t) => {
  const { archive, app } = await webApp(t);
  const ids = await library(archive);
  const { res, parsed } = await feed(t, app, '/tags/Found%20Family/feed.atom');
  assert.match(res.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  if (!parsed) return;
  assert.equal(parsed.version, 'atom10');
  assert.deepEqual(parsed.entries.map((e) => e.title), ['By subtag', 'By synonym', 'Canon & <Co>'], 'newest update first');
  const canon = parsed.entries[2]!;
  assert.match(canon.id!, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(canon.link, `${BASE}/works/${ids.canon}`);
  assert.equal(canon.updated, '2024-01-05T00:00:00Z');
  assert.equal(canon.published, '2024-01-01T00:00:00Z');
  assert.deepEqual(canon.authors, ['wren']);
  assert.ok(canon.tags.includes('Found Family') && canon.tags.includes('General Audiences') && canon.tags.includes('Test Fandom'));
  assert.equal(canon.summaryType, 'text/html');
  assert.match(canon.summary!, /<p>A short summary\.<\/p>/);
  assert.match(canon.summary!, /Words: \d+, Chapters: 1\/1/);
  assert.equal(parsed.feed.title, 'Quire: works tagged “Found Family”');
  assert.ok(parsed.feed.links.some((l) => l.rel === 'self' && l.href === `${BASE}/tags/Found%20Family/feed.atom`));
  assert.ok(parsed.feed.links.some((l) => l.rel === 'alternate' && l.href === `${BASE}/tags/Found%20Family`));
  for (const never of ['Members only', 'Not yet', 'Taken down', 'Elsewhere']) assert.ok(!res.body.includes(never), never);
});

test('feeds are made as a guest even for a member with a session cookie', async (t) => {
  const h = await accountsApp(t);
  await library(h.archive);
  const reader = new Browser(h.app);
  assert.equal((await reader.signUp('reader1')).statusCode, 303);
  assert.ok(reader.cookies.get('quire_session'));
  const res = await reader.get('/tags/Found%20Family/feed.atom');
  assert.equal(res.statusCode, 200);
  assert.ok(!res.body.includes('Members only'), 'a restricted work is never in a feed');
  assert.equal(res.headers['cache-control'], 'public, max-age=300');
});

test('a synonym’s feed and another spelling move to the canonical feed; unknown tags are 404', async (t) => {
  const { archive, app } = await webApp(t);
  await library(archive);
  const moved = await app.inject('/tags/found%20fam/feed.atom?limit=5');
  assert.equal(moved.statusCode, 301);
  assert.equal(moved.headers.location, '/tags/Found%20Family/feed.atom?limit=5');
  const spelled = await app.inject('/tags/found%20family/feed.atom');
  assert.equal(spelled.headers.location, '/tags/Found%20Family/feed.atom');
  assert.equal((await app.inject('/tags/Nowhere/feed.atom')).statusCode, 404);
});

test('limit gives fewer or more entries, at most 100; a bad limit is 400', async (t) => {
  const { archive, app } = await webApp(t);
  for (let i = 0; i < 30; i++) await post(archive, { title: `Many ${i}`, tags: ['Crowd'], updatedOn: `2024-03-${String(i + 1).padStart(2, '0')}`.replace('-31', '-30') });
  assert.equal((await feed(t, app, '/tags/Crowd/feed.atom')).res.body.match(/<entry>/g)!.length, 25, 'AO3’s 25 by default');
  assert.equal((await feed(t, app, '/tags/Crowd/feed.atom?limit=3')).res.body.match(/<entry>/g)!.length, 3);
  assert.equal((await feed(t, app, '/tags/Crowd/feed.atom?limit=5000')).res.body.match(/<entry>/g)!.length, 30);
  for (const bad of ['0', 'ten', '-1', '1e2']) {
    const res = await app.inject(`/tags/Crowd/feed.atom?limit=${bad}`);
    assert.equal(res.statusCode, 400, bad);
  }
});

test('a creator feed lists what a guest may read of theirs', async (t) => {
  const { archive, app } = await webApp(t);
  await library(archive);
  const { parsed, res } = await feed(t, app, '/creators/wren/feed.atom');
  assert.ok(!res.body.includes('Members only') && !res.body.includes('Not yet') && !res.body.includes('Taken down'));
  if (parsed) assert.deepEqual(parsed.entries.map((e) => e.title), ['By subtag', 'Canon & <Co>']);
  assert.equal((await app.inject('/creators/WREN/feed.atom')).headers.location, '/creators/wren/feed.atom');
  assert.equal((await app.inject('/creators/nobody/feed.atom')).statusCode, 404);
});

test('a work feed has one entry per chapter, newest first; unreadable works are 404', async (t) => {
  const { archive, app } = await webApp(t);
  const ids = await library(archive);
  const id = await post(archive, {
    title: 'Serial',
    publishedOn: '2024-04-01',
    complete: false,
    chapters: [
      { title: 'Arrival', html: '<p>The ferry came in late.</p>', publishedOn: '2024-04-01' },
      { html: '<p>They waited on the pier for the rain to stop.</p>', publishedOn: '2024-04-08', summary: '<p>Waiting.</p>' },
      { title: 'Leaving', html: '<p>In the morning the gulls were gone.</p>', publishedOn: '2024-04-15' },
    ],
  });
  const { parsed } = await feed(t, app, `/works/${id}/feed.atom`);
  if (parsed) {
    assert.deepEqual(parsed.entries.map((e) => e.title), ['Serial: Chapter 3: Leaving', 'Serial: Chapter 2', 'Serial: Chapter 1: Arrival']);
    assert.deepEqual(parsed.entries.map((e) => e.link), [3, 2, 1].map((n) => `${BASE}/works/${id}/chapters/${n}`));
    assert.equal(parsed.entries[0]!.updated, '2024-04-15T00:00:00Z');
    assert.match(parsed.entries[0]!.summary!, /In the morning the gulls were gone\./, 'a chapter without a summary shows its first words');
    assert.match(parsed.entries[1]!.summary!, /<p>Waiting\.<\/p>/);
  }
  for (const hidden of [ids.restricted, ids.draft, ids.hidden, 999]) assert.equal((await app.inject(`/works/${hidden}/feed.atom`)).statusCode, 404, String(hidden));
});

test('a series feed lists its works a guest may read', async (t) => {
  const { archive, app } = await webApp(t);
  const one = await post(archive, { title: 'Part one', series: [{ title: 'Tides', position: 1 }], updatedOn: '2024-01-01', publishedOn: '2024-01-01' });
  await post(archive, { title: 'Part two', series: [{ title: 'Tides', position: 2 }], updatedOn: '2024-02-01', publishedOn: '2024-02-01' });
  await post(archive, { title: 'Part three', series: [{ title: 'Tides', position: 3 }], restricted: true });
  const seriesId = (await archive.works.get(one))!.series[0]!.id;
  const { parsed, res } = await feed(t, app, `/series/${seriesId}/feed.atom`);
  assert.ok(!res.body.includes('Part three'));
  if (parsed) {
    assert.deepEqual(parsed.entries.map((e) => e.title), ['Part two', 'Part one']);
    assert.equal(parsed.feed.title, 'Quire: series “Tides”');
  }
  assert.equal((await app.inject('/series/999/feed.atom')).statusCode, 404);
});

test('a saved search feed takes /search’s parameters, sorted by date updated', async (t) => {
  const { archive, app } = await webApp(t);
  await library(archive);
  await post(archive, { title: 'Teen family', tags: ['Found Family'], rating: 'Teen And Up Audiences', updatedOn: '2024-01-09', publishedOn: '2024-01-09' });
  const { parsed, res } = await feed(t, app, '/search/feed.atom?include=Found%20Family&exclude_rating=teen&sort=title');
  assert.ok(!res.body.includes('Members only') && !res.body.includes('Teen family'));
  if (parsed) {
    assert.deepEqual(parsed.entries.map((e) => e.title), ['By subtag', 'By synonym', 'Canon & <Co>'], 'sorted by update, whatever sort was asked');
    assert.equal(parsed.feed.title, 'Quire: works tagged Found Family, not rated Teen And Up Audiences');
  }
  const text = await feed(t, app, '/search/feed.atom?q=synonym');
  if (text.parsed) assert.deepEqual(text.parsed.entries.map((e) => e.title), ['By synonym']);
  const empty = await feed(t, app, '/search/feed.atom?q=zzzzqqq');
  if (empty.parsed) assert.equal(empty.parsed.entries.length, 0);
  assert.equal((await app.inject('/search/feed.atom?rating=nonsense')).statusCode, 400);
});

test('a feed answers 304 to its own ETag', async (t) => {
  const { archive, app } = await webApp(t);
  await library(archive);
  const first = await app.inject('/creators/ada/feed.atom');
  const again = await app.inject({ url: '/creators/ada/feed.atom', headers: { 'if-none-match': String(first.headers.etag) } });
  assert.equal(again.statusCode, 304);
});

test('pages announce their feeds with <link rel="alternate">', async (t) => {
  const { archive, app } = await webApp(t);
  const id = await post(archive, { title: 'Announced', creators: ['wren'], series: [{ title: 'Tides' }] });
  const seriesId = (await archive.works.get(id))!.series[0]!.id;
  const alternates = (body: string) => parsePage(body).all('link').filter((l) => l.attribs.rel === 'alternate' && l.attribs.type === 'application/atom+xml').map((l) => l.attribs.href);
  assert.deepEqual(alternates((await app.inject('/creators/wren')).body), ['/creators/wren/feed.atom']);
  assert.deepEqual(alternates((await app.inject(`/series/${seriesId}`)).body), [`/series/${seriesId}/feed.atom`]);
  assert.deepEqual(alternates((await app.inject(`/works/${id}`)).body), [`/works/${id}/feed.atom`]);
  assert.deepEqual(alternates((await app.inject('/tags/Test%20Fandom')).body), ['/tags/Test%20Fandom/feed.atom']);
  const search = alternates((await app.inject('/search?q=announced')).body);
  assert.equal(search.length, 1);
  assert.match(search[0]!, /^\/search\/feed\.atom\?/);
  for (const href of ['/creators/wren/feed.atom', `/series/${seriesId}/feed.atom`, `/works/${id}/feed.atom`, '/tags/Test%20Fandom/feed.atom', search[0]!]) {
    assert.equal((await app.inject(href)).statusCode, 200, href);
  }
  const restricted = await post(archive, { title: 'Members', restricted: true });
  assert.equal((await app.inject(`/works/${restricted}/feed.atom`)).statusCode, 404, 'no feed for what a guest cannot read');
});
