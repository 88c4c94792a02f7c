import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTokensFor } from '../../api/tokens.ts';
import { parsePage } from '../testing.ts';
import type { Browser } from './account.testing.ts';
import { readerApp, submitOn, type ReaderWebHarness } from './reader.testing.ts';
import { titlesOf, totalOf } from './search.testing.ts';

/**
 * Creator and series pages go through the search engine with the reader's hiding rules: a
 * filter profile (a guest's cookie, a member's saved one) and mutes hide works there too, the
 * page says how many, and "show them" brings them back.
 */

async function library(h: ReaderWebHarness): Promise<number> {
  await h.work({ title: 'Pear Blossom', creators: ['Inkwell'], tags: ['Fluff'], series: [{ title: 'Orchard Cycle', position: 3 }] });
  await h.work({ title: 'Frost Night', creators: ['Inkwell'], tags: ['Angst'], series: [{ title: 'Orchard Cycle', position: 1 }] });
  await h.work({ title: 'Shared Harvest', creators: ['Inkwell', 'Quillon'], tags: ['Fluff'], series: [{ title: 'Orchard Cycle', position: 2 }] });
  await h.work({ title: 'Unrelated', creators: ['Quillon'], tags: ['Angst'] });
  const series = await h.archive.store.db.selectFrom('series').select('id').where('title', '=', 'Orchard Cycle').executeTakeFirstOrThrow();
  return series.id;
}

const noteOf = (body: string) => {
  const page = parsePage(body);
  const note = page.all('p', 'hidden-note')[0];
  return { text: note ? page.text(note) : '', links: note ? page.linksIn(note).map((l) => l.href) : [] };
};

/** Hides `tag` through the "Never show me this tag" button on its page. */
async function hideTag(b: Browser, tag: string): Promise<void> {
  const res = await submitOn(b, `/tags/${encodeURIComponent(tag)}`, '/filters/hide');
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/filters\?done=tag-hidden/);
}

test('a guest’s filter cookie hides works on creator and series pages, counted, and show_hidden brings them back', async (t) => {
  const h = await readerApp(t);
  const seriesId = await library(h);
  const guest = h.guest();
  assert.deepEqual(titlesOf(await guest.get('/creators/Inkwell')).sort(), ['Frost Night', 'Pear Blossom', 'Shared Harvest']);
  assert.equal(noteOf((await guest.get('/creators/Inkwell')).body).text, '', 'nothing hidden before any rule');
  await hideTag(guest, 'Angst');

  const creator = await guest.get('/creators/Inkwell');
  assert.equal(creator.statusCode, 200);
  assert.deepEqual(titlesOf(creator).sort(), ['Pear Blossom', 'Shared Harvest']);
  assert.equal(totalOf(creator), 2, 'the count leaves the hidden work out');
  const note = noteOf(creator.body);
  assert.equal(note.text, '1 work hidden by your filters — show them');
  assert.deepEqual(note.links, ['/creators/Inkwell?show_hidden=1']);
  const shown = await guest.get(note.links[0]!);
  assert.deepEqual(titlesOf(shown).sort(), ['Frost Night', 'Pear Blossom', 'Shared Harvest']);
  assert.equal(noteOf(shown.body).text, 'Showing works your filters would hide — hide them again');

  const series = await guest.get(`/series/${seriesId}`);
  assert.equal(series.statusCode, 200);
  assert.deepEqual(titlesOf(series), ['Shared Harvest', 'Pear Blossom'], 'series order, hidden work left out');
  assert.match(parsePage(series).text(), /Works:\s*2/);
  const seriesNote = noteOf(series.body);
  assert.equal(seriesNote.text, '1 work hidden by your filters — show them');
  assert.deepEqual(seriesNote.links, [`/series/${seriesId}?show_hidden=1`]);
  const all = await guest.get(seriesNote.links[0]!);
  assert.deepEqual(titlesOf(all), ['Frost Night', 'Shared Harvest', 'Pear Blossom'], 'all of them, in series order');
  assert.match(parsePage(all).text(), /Works:\s*3/);

  assert.deepEqual(titlesOf(await h.guest('198.51.100.99').get(`/series/${seriesId}`)), ['Frost Night', 'Shared Harvest', 'Pear Blossom'], 'another guest has no rules');
});

test('a member’s hidden creator and tag apply on creator and series pages; hiding everything keeps the page', async (t) => {
  const h = await readerApp(t);
  const seriesId = await library(h);
  const ann = await h.member('ann');
  let res = await submitOn(ann, '/creators/Quillon', '/filters/hide');
  assert.equal(res.statusCode, 303, 'the creator page has a "Never show me this creator" button');
  assert.match(String(res.headers.location), /^\/filters\?done=creator-hidden/);

  const inkwell = await ann.get('/creators/Inkwell');
  assert.deepEqual(titlesOf(inkwell).sort(), ['Frost Night', 'Pear Blossom'], 'a co-created work goes when any creator is hidden');
  assert.equal(noteOf(inkwell.body).text, '1 work hidden by your filters — show them');
  assert.deepEqual(titlesOf(await ann.get(`/series/${seriesId}`)), ['Frost Night', 'Pear Blossom']);

  await hideTag(ann, 'Fluff');
  const series = await ann.get(`/series/${seriesId}`);
  assert.deepEqual(titlesOf(series), ['Frost Night']);
  assert.equal(noteOf(series.body).text, '2 works hidden by your filters — show them');

  const quillon = await ann.get('/creators/Quillon');
  assert.equal(quillon.statusCode, 200, 'a creator whose works are all hidden still has a page');
  assert.deepEqual(titlesOf(quillon), []);
  assert.equal(noteOf(quillon.body).text, '2 works hidden by your filters — show them');
  assert.match(parsePage(quillon).text(), /No works match apart from those your filters hide/);
  assert.deepEqual(titlesOf(await ann.get('/creators/Quillon?show_hidden=1')).sort(), ['Shared Harvest', 'Unrelated']);
  assert.deepEqual(titlesOf(await h.guest().get('/creators/Quillon')).sort(), ['Shared Harvest', 'Unrelated'], 'nobody else is affected');
});

test('mutes hide works on series pages and on the muted creator’s page, with the same switch', async (t) => {
  const h = await readerApp(t);
  const seriesId = await library(h);
  const ann = await h.member('ann');
  await h.member('quiet');
  await h.work({ title: 'Quiet Addendum', creators: ['quiet'], series: [{ title: 'Orchard Cycle', position: 4 }] });
  await submitOn(ann, '/creators/quiet', '/account/muted');
  const series = await ann.get(`/series/${seriesId}`);
  assert.deepEqual(titlesOf(series), ['Frost Night', 'Shared Harvest', 'Pear Blossom']);
  assert.equal(noteOf(series.body).text, '1 work hidden by your filters — show them');
  const page = await ann.get('/creators/quiet');
  assert.equal(page.statusCode, 200);
  assert.match(parsePage(page).text(), /You muted this creator/);
  assert.deepEqual(titlesOf(page), []);
  assert.deepEqual(titlesOf(await ann.get('/creators/quiet?show_hidden=1')), ['Quiet Addendum']);
});

test('creator pages keep their 404s, redirects and filters; tag and creator pages carry the hide buttons', async (t) => {
  const h = await readerApp(t);
  await library(h);
  await h.work({ title: 'Secret Draft', creators: ['Drafty'], status: 'draft' });
  const guest = h.guest();
  assert.equal((await guest.get('/creators/Drafty')).statusCode, 404, 'a pen name with only drafts looks absent');
  assert.equal((await guest.get('/creators/Drafty?include=Angst')).statusCode, 404, 'even with filters');
  assert.equal((await guest.get('/creators/nobody')).statusCode, 404);
  const moved = await guest.get('/creators/inkwell?exclude=Angst&page=1');
  assert.equal(moved.statusCode, 301);
  assert.equal(moved.headers.location, '/creators/Inkwell?exclude=Angst');
  assert.deepEqual(titlesOf(await guest.get('/creators/Inkwell?exclude=Angst')).sort(), ['Pear Blossom', 'Shared Harvest'], 'the sidebar’s filters work on a creator page');
  assert.equal((await guest.get('/creators/Inkwell?page=9')).statusCode, 404);

  for (const [path, label] of [['/tags/Angst', 'Never show me this tag: Angst'], ['/creators/Inkwell', 'Never show me this creator: Inkwell']] as const) {
    const body = (await guest.get(path)).body;
    const start = body.indexOf('action="/filters/hide"');
    assert.ok(start >= 0, `${path} has the hide form`);
    const form = body.slice(start, body.indexOf('</form>', start));
    assert.match(form, /name="_csrf" value="[^"]+"/, 'with its CSRF token');
    assert.ok(form.includes(`aria-label="${label}"`), `${path}: ${label}`);
  }
});

test('OPDS creator and series feeds apply a signed-in reader’s filter profile, in series order', async (t) => {
  const h = await readerApp(t);
  const seriesId = await library(h);
  const account = await h.archive.accounts.create({ username: 'kobo_reader', email: 'kobo@example.org', password: 'a quiet lantern' });
  const { secret } = await apiTokensFor(h.archive.store.db).createAppPassword(account.id, 'Kobo');
  await h.archive.filterProfiles.save(account.id, { tags: ['Angst'] });
  const auth = `Basic ${Buffer.from(`kobo_reader:${secret}`).toString('base64')}`;
  const titles = async (url: string, signedIn: boolean) => {
    const res = await h.app.inject({ url, headers: signedIn ? { authorization: auth } : {} });
    assert.equal(res.statusCode, 200, url);
    return res.body.split('<entry>').slice(1).map((e) => /<title[^>]*>([^<]*)<\/title>/.exec(e)?.[1]);
  };
  assert.deepEqual((await titles('/opds/creators/Inkwell', true)).sort(), ['Pear Blossom', 'Shared Harvest']);
  assert.deepEqual((await titles('/opds/creators/Inkwell', false)).sort(), ['Frost Night', 'Pear Blossom', 'Shared Harvest']);
  assert.deepEqual(await titles(`/opds/series/${seriesId}`, true), ['Shared Harvest', 'Pear Blossom']);
  assert.deepEqual(await titles(`/opds/series/${seriesId}`, false), ['Frost Night', 'Shared Harvest', 'Pear Blossom']);
  assert.equal((await h.app.inject('/opds/creators/nobody')).statusCode, 404);
});
