import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import type { Archive } from '../../archive.ts';
import { pseudIdsOf } from '../../accounts/account.repository.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import { apiTokensFor } from '../../api/tokens.ts';
import { parseSearchParams } from '../../search/params.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { addMetatag, addParentFandom, makeSynonym } from '../../tags/wrangle.ts';
import { GUEST, type Viewer } from '../../works/visibility.ts';
import type { WorkInput } from '../../works/work.types.ts';
import { webApp } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';
import { api, get, member } from './api.testing.ts';

async function post(archive: Archive, overrides: Partial<WorkInput>): Promise<number> {
  return (await archive.works.create(buildWork(overrides))).id;
}

async function viewerFor(archive: Archive, accountId: number): Promise<Viewer> {
  return viewerOf((await archive.accounts.get(accountId))!, await pseudIdsOf(archive.store.db, accountId));
}

/** Every page of a list, following next_cursor. */
async function walk(app: Parameters<typeof get>[0], path: string, token?: string): Promise<{ totals: number[]; items: any[]; pages: number }> {
  const items: any[] = [];
  const totals: number[] = [];
  let url: string | null = path;
  let pages = 0;
  while (url !== null) {
    const res = await get(app, url, token);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    items.push(...res.body.items);
    totals.push(res.body.total);
    pages++;
    const next: string | null = res.body.next_cursor;
    url = next === null ? null : `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`;
    assert.ok(pages < 100);
  }
  return { totals, items, pages };
}

test('the works listing takes every search filter and pages by cursor; totals agree with search', async (t) => {
  const { archive, app } = await webApp(t);
  for (let i = 0; i < 23; i++) {
    await post(archive, { title: `Work ${String(i).padStart(2, '0')}`, tags: i % 2 ? ['Angst'] : ['Fluff'], rating: i % 3 ? 'General Audiences' : 'Teen And Up Audiences', updatedOn: `2024-01-${String(i + 1).padStart(2, '0')}` });
  }
  await post(archive, { title: 'Secret angst', tags: ['Angst'], restricted: true });
  await post(archive, { title: 'Draft angst', tags: ['Angst'], status: 'draft' });
  const reader = await member(archive, 'reader');

  for (const [query, viewer, token] of [['include=Angst', GUEST, undefined], ['include=Angst&rating=general', GUEST, undefined], ['sort=title&order=asc', GUEST, undefined], ['include=Angst', await viewerFor(archive, reader.account.id), reader.token]] as const) {
    const { totals, items, pages } = await walk(app, `/works?${query}&limit=5`, token);
    const expected = await archive.search.search(viewer, { ...parseSearchParams(Object.fromEntries(new URLSearchParams(query))), perPage: 100 });
    assert.ok(totals.every((n) => n === expected.total), `${query}: every page has the same total`);
    assert.equal(pages, Math.max(1, Math.ceil(expected.total / 5)), query);
    assert.deepEqual(items.map((w) => w.id), expected.items.map((h) => h.work.id), `${query}: the same works in the same order`);
    assert.equal(new Set(items.map((w) => w.id)).size, items.length, 'no work twice');
    assert.ok(!items.some((w) => w.title === 'Draft angst'), 'drafts never');
    assert.equal(items.some((w) => w.title === 'Secret angst'), token !== undefined && query === 'include=Angst', `${query}: restricted works for members only`);
  }
  const teen = await get(app, '/works?rating=teen&sort=title&order=asc&limit=100');
  assert.deepEqual(teen.body.items.map((w: any) => w.title), ['Work 00', 'Work 03', 'Work 06', 'Work 09', 'Work 12', 'Work 15', 'Work 18', 'Work 21']);
});

test('bad parameters and cursors are 400 with a JSON error', async (t) => {
  const { archive, app } = await webApp(t);
  for (let i = 0; i < 3; i++) await post(archive, { tags: ['Angst'] });
  const first = await get(app, '/works?include=Angst&limit=1');
  const cursor = encodeURIComponent(first.body.next_cursor);
  assert.equal((await get(app, `/works?include=Angst&limit=1&cursor=${cursor}`)).status, 200);
  for (const path of [`/works?include=Fluff&limit=1&cursor=${cursor}`, `/works?include=Angst&limit=2&cursor=${cursor}`, '/works?cursor=bm90IGEgY3Vyc29y', '/works?cursor=%%%', '/works?limit=0', '/works?limit=101', '/works?rating=awful', '/works?words_min=many', '/tags?type=colour', '/tags?cursor=eyJ2IjoxfQ']) {
    const res = await get(app, path);
    assert.equal(res.status, 400, path);
    assert.equal(res.body.error.code, 'bad_request', path);
    assert.equal(typeof res.body.error.message, 'string');
  }
});

test('a work with its chapters, and one chapter with its text; privacy as on the web', async (t) => {
  const { archive, app } = await webApp(t);
  const writer = await member(archive, 'writer');
  const stranger = await member(archive, 'stranger');
  const id = await post(archive, { title: 'Two parts', notes: '<p>Before.</p>', chapters: [{ title: 'Start', html: '<p>One fine morning.</p>' }, { html: '<p>Later that day.</p>', summary: '<p>Evening.</p>' }] });
  const restricted = await post(archive, { title: 'Members', restricted: true });
  const draft = await post(archive, { title: 'Mine only', status: 'draft', creators: ['writer'] });

  const work = await get(app, `/works/${id}`);
  assert.equal(work.status, 200);
  assert.equal(work.body.title, 'Two parts');
  assert.equal(work.body.notes_html, '<p>Before.</p>');
  assert.deepEqual(work.body.chapters.map((c: any) => [c.position, c.title, c.summary_html]), [[1, 'Start', ''], [2, '', '<p>Evening.</p>']]);
  assert.ok(!('text_html' in work.body.chapters[0]));
  assert.deepEqual(work.body.downloads.map((d: any) => d.format).slice(0, 1), ['epub']);
  assert.equal(work.body.downloads[0].url, `http://localhost:8080/works/${id}/download.epub`);
  const chapter = await get(app, `/works/${id}/chapters/2`);
  assert.equal(chapter.body.text_html, '<p>Later that day.</p>');
  assert.equal(chapter.body.url, `http://localhost:8080/works/${id}/chapters/2`);
  assert.equal((await get(app, `/works/${id}/chapters/3`)).status, 404);

  assert.equal((await get(app, `/works/${restricted}`)).status, 404);
  assert.equal((await get(app, `/works/${restricted}`, stranger.token)).status, 200);
  assert.equal((await get(app, `/works/${draft}`, stranger.token)).status, 404);
  assert.equal((await get(app, `/works/${draft}`, writer.token)).body.status, 'draft', 'a creator sees their own draft');
  const missing = await get(app, '/works/999');
  assert.deepEqual(missing.body, { error: { code: 'not_found', message: 'work 999 not found' } });
});

test('tags carry their wrangling: canonical, synonyms, metatags, subtags and parent fandoms', async (t) => {
  const { archive, app } = await webApp(t);
  const reader = await member(archive, 'reader');
  await post(archive, { tags: ['Found Family'], characters: ['Ada Quill'], fandoms: ['Lighthouse Keepers'] });
  await post(archive, { tags: ['found fam'] });
  await post(archive, { tags: ['Pirate Family'] });
  await post(archive, { tags: ['Found Family'], restricted: true });
  const db = archive.store.db;
  const tag = async (name: string) => (await findTagByName(db, name))!.id;
  await makeSynonym(archive.store, archive.events, await tag('found fam'), await tag('Found Family'));
  await addMetatag(archive.store, archive.events, await tag('Pirate Family'), await tag('Found Family'));
  await addParentFandom(db, await tag('Ada Quill'), await tag('Lighthouse Keepers'));

  const canon = await get(app, '/tags/Found%20Family');
  assert.equal(canon.status, 200);
  assert.deepEqual(
    { canonical: canon.body.canonical, synonym_of: canon.body.synonym_of, synonyms: canon.body.synonyms, subtags: canon.body.subtags, metatags: canon.body.metatags, works: canon.body.works },
    { canonical: true, synonym_of: null, synonyms: ['found fam'], subtags: ['Pirate Family'], metatags: [], works: 3 },
  );
  assert.equal((await get(app, '/tags/Found%20Family', reader.token)).body.works, 4, 'members count restricted works too');
  const synonym = await get(app, '/tags/FOUND%20FAM');
  assert.equal(synonym.body.name, 'found fam');
  assert.equal(synonym.body.synonym_of, 'Found Family');
  assert.equal(synonym.body.canonical, false);
  assert.deepEqual((await get(app, '/tags/Pirate%20Family')).body.metatags, ['Found Family']);
  const ada = await get(app, '/tags/Ada%20Quill');
  assert.equal(ada.body.type, 'character');
  assert.deepEqual(ada.body.parent_fandoms, ['Lighthouse Keepers']);
  assert.equal((await get(app, '/tags/Nothing')).status, 404);

  const { items } = await walk(app, '/tags?type=additional&limit=1');
  assert.deepEqual(items.map((i) => [i.name, i.works]), [['Found Family', 3], ['Pirate Family', 1]], 'filter tags only: no synonym');
});

test('series and creators', async (t) => {
  const { archive, app } = await webApp(t);
  const one = await post(archive, { title: 'Part one', creators: ['wren'], series: [{ title: 'Tides', position: 1 }] });
  await post(archive, { title: 'Part two', creators: ['wren'], series: [{ title: 'Tides', position: 2 }], restricted: true });
  for (let i = 0; i < 4; i++) await post(archive, { title: `Wren ${i}`, creators: ['wren'], updatedOn: `2024-05-0${i + 1}` });
  const seriesId = (await archive.works.get(one))!.series[0]!.id;
  const series = await get(app, `/series/${seriesId}`);
  assert.equal(series.body.title, 'Tides');
  assert.deepEqual(series.body.works.map((w: any) => [w.position, w.work.title]), [[1, 'Part one']]);
  assert.equal((await get(app, '/series/999')).status, 404);

  const wren = await get(app, '/creators/Wren');
  assert.deepEqual(wren.body, { id: wren.body.id, name: 'wren', url: 'http://localhost:8080/creators/wren', works: 5 });
  const { items, totals } = await walk(app, '/creators/wren/works?limit=2');
  assert.deepEqual(items.map((w) => w.title), ['Wren 3', 'Wren 2', 'Wren 1', 'Wren 0', 'Part one']);
  assert.ok(totals.every((n) => n === 5));
  assert.equal((await get(app, '/creators/nobody')).status, 404);
});

test('the token owner’s bookmarks, kudos, comments, subscriptions and later list', async (t) => {
  const { archive, app } = await webApp(t);
  const reader = await member(archive, 'reader');
  const other = await member(archive, 'other');
  const viewer = await viewerFor(archive, reader.account.id);
  const a = await post(archive, { title: 'Alpha', creators: ['wren'] });
  const b = await post(archive, { title: 'Beta', restricted: true });
  const it = archive.interactions;
  await it.bookmarks.save(viewer, a, { notes: 'Lovely', tags: 'comfort, sea', private: true });
  await it.bookmarks.save(viewer, b, { rec: true });
  await it.kudos.give({ viewer, ip: '1.2.3.4' }, a);
  await it.comments.post({ viewer, ip: '1.2.3.4' }, a, { text: 'What a ride.' });
  await it.subscriptions.subscribe(viewer, 'work', a);
  await it.subscriptions.subscribe(viewer, 'pseud', (await archive.works.get(a))!.creators[0]!.id);
  await it.later.add(viewer, b);

  const me = await get(app, '/me', reader.token);
  assert.equal(me.body.username, 'reader');
  assert.deepEqual(me.body.pen_names.map((p: any) => [p.name, p.default]), [['reader', true]]);
  assert.deepEqual(me.body.token.scopes, ['read']);

  const bookmarks = await walk(app, '/me/bookmarks?limit=1', reader.token);
  assert.deepEqual(bookmarks.items.map((x) => [x.work.title, x.private, x.rec, x.tags]), [['Beta', false, true, []], ['Alpha', true, false, ['comfort', 'sea']]]);
  assert.deepEqual((await get(app, '/me/kudos', reader.token)).body.items.map((k: any) => k.work.title), ['Alpha']);
  const comments = await get(app, '/me/comments', reader.token);
  assert.equal(comments.body.items[0].html, '<p>What a ride.</p>');
  assert.match(comments.body.items[0].url, new RegExp(`/works/${a}(\\?view=full)?#comment-\\d+$`));
  const subs = await walk(app, '/me/subscriptions?limit=1', reader.token);
  assert.deepEqual(subs.items.map((s) => [s.kind, s.label]), [['pseud', 'wren'], ['work', 'Alpha']]);
  assert.deepEqual((await get(app, '/me/later', reader.token)).body.items.map((w: any) => w.title), ['Beta']);

  for (const list of ['bookmarks', 'kudos', 'comments', 'subscriptions', 'later']) {
    assert.equal((await get(app, `/me/${list}`, other.token)).body.total, 0, `${list} are the owner’s own`);
    assert.equal((await get(app, `/me/${list}`)).status, 401, `${list} need a token`);
  }
});

test('missing, malformed, unknown and revoked tokens are 401 with WWW-Authenticate', async (t) => {
  const { archive, app } = await webApp(t);
  const reader = await member(archive, 'reader');
  const none = await get(app, '/me');
  assert.equal(none.status, 401);
  assert.equal(none.body.error.code, 'unauthorized');
  assert.equal(none.headers['www-authenticate'], 'Bearer realm="Quire API"');
  for (const header of ['Basic cmVhZGVyOng=', `Bearer ${reader.token} extra`, 'Bearer qpat_nope', `bearer ${reader.token.slice(0, -2)}xx`]) {
    const res = await api(app, 'GET', '/works', { headers: { authorization: header } });
    assert.equal(res.status, 401, header);
    assert.equal(res.headers['www-authenticate'], 'Bearer realm="Quire API", error="invalid_token"');
  }
  assert.equal((await get(app, '/me', reader.token)).status, 200);
  await apiTokensFor(archive.store.db).revoke(reader.account.id, reader.tokenId);
  const revoked = await get(app, '/me', reader.token);
  assert.equal(revoked.status, 401);
  assert.equal(revoked.body.error.message, 'The token is unknown, revoked or expired.');
  assert.equal((await get(app, '/works', reader.token)).status, 401, 'a bad token is refused, not taken as a guest');
});

test('the API never reads the session cookie', async (t) => {
  const h = await accountsApp(t);
  await h.archive.works.create(buildWork({ title: 'Members only', restricted: true }));
  const browser = new Browser(h.app);
  assert.equal((await browser.signUp('reader1')).statusCode, 303);
  assert.ok(browser.cookies.get('quire_session'));
  const me = await browser.get('/api/v1/me');
  assert.equal(me.statusCode, 401);
  assert.equal(me.headers['set-cookie'], undefined, 'the session is not touched');
  const works = JSON.parse((await browser.get('/api/v1/works')).body);
  assert.equal(works.total, 0, 'a guest’s view');
});

test('the token owner’s filter profile applies unless show_hidden=1', async (t) => {
  const { archive, app } = await webApp(t);
  const reader = await member(archive, 'reader');
  await post(archive, { title: 'Sad', tags: ['Angst'] });
  await post(archive, { title: 'Happy', tags: ['Fluff'] });
  await archive.filterProfiles.save(reader.account.id, { tags: ['Angst'] });
  assert.deepEqual((await get(app, '/works', reader.token)).body.items.map((w: any) => w.title), ['Happy']);
  assert.equal((await get(app, '/search', reader.token)).body.hidden_by_filters, 1);
  assert.equal((await get(app, '/works?show_hidden=1', reader.token)).body.total, 2);
  assert.equal((await get(app, '/works')).body.total, 2, 'guests have no profile on the API');
  const creator = (await get(app, '/works')).body.items[0].creators[0].name as string;
  const byCreator = `/creators/${encodeURIComponent(creator)}/works`;
  assert.deepEqual((await get(app, byCreator, reader.token)).body.items.map((w: any) => w.title), ['Happy'], 'and on a creator’s works');
  assert.equal((await get(app, `${byCreator}?show_hidden=1`, reader.token)).body.total, 2);
});

test('rate limits count per token: the 301st request in 5 minutes is 429, other tokens go on', async (t) => {
  const { archive, app } = await webApp(t);
  const busy = await member(archive, 'busy');
  const calm = await member(archive, 'calm');
  for (let i = 0; i < 300; i++) {
    const res = await api(app, 'GET', '/me', { token: busy.token, ip: `10.0.${i % 250}.${i % 7}` });
    assert.equal(res.status, 200, `request ${i + 1}`);
  }
  const limited = await get(app, '/me', busy.token);
  assert.equal(limited.status, 429);
  assert.equal(limited.body.error.code, 'rate_limited');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.equal((await get(app, '/me', calm.token)).status, 200);
  assert.equal((await get(app, '/works')).status, 200, 'guests count by address');
});
