import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { searchQuery } from '../../search/query.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { makeSynonym } from '../../tags/wrangle.ts';
import { GUEST } from '../../works/visibility.ts';
import { parsePage, webApp } from '../testing.ts';
import { readerApp, submitOn } from './reader.testing.ts';
import { facetBoxes, libraryInputs, titlesOf, totalOf } from './search.testing.ts';

/** "Name (3)" entries of the fandom list. */
function fandomCounts(body: string): Record<string, number> {
  const page = parsePage(body);
  return Object.fromEntries(page.all('ul', 'tag-counts').flatMap((ul) => ul.children.filter((c) => c.type === 'tag').map((li) => {
    const m = /^(.*) \(([\d,]+)\)$/.exec(page.text(li as never))!;
    return [m[1]!, Number(m[2]!.replace(/,/g, ''))];
  })));
}

test('the works index, tag pages and fandom counts give the engine’s totals', async (t) => {
  const { archive, app } = await webApp(t, { pageSize: '4' });
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  const works = await app.inject('/works');
  assert.equal(totalOf(works), (await archive.search.search(GUEST, searchQuery({}))).total);
  assert.equal(totalOf(works), 6);
  assert.equal(titlesOf(works).length, 4, 'the archive’s page size');
  assert.equal(totalOf(await app.inject('/works?page=2')), 6);
  const fandoms = fandomCounts((await app.inject('/fandoms')).body);
  assert.deepEqual(fandoms, { 'Harbour Tales': 4, 'Orchard Keepers': 3 });
  for (const [name, count] of Object.entries(fandoms)) {
    const page = await app.inject(`/tags/${encodeURIComponent(name)}`);
    assert.equal(totalOf(page), count, `${name}: the tag page agrees with /fandoms`);
    assert.equal(totalOf(page), (await archive.search.search(GUEST, searchQuery({ include: [name] }))).total);
  }
  for (const tag of ['Fluff', 'Ada', 'Ada/Wren', 'Explicit']) {
    const page = await app.inject(`/tags/${encodeURIComponent(tag)}`);
    assert.equal(totalOf(page), (await archive.search.search(GUEST, searchQuery({ include: [tag] }))).total, tag);
  }
});

test('a synonym-tagged work appears on the canonical tag page and in its count', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({ title: 'Canon', tags: ['Hurt/Comfort'] }));
  await archive.works.create(buildWork({ title: 'Spelled otherwise', tags: ['hurt and comfort'] }));
  const canon = await findTagByName(archive.store.db, 'Hurt/Comfort');
  const syn = await findTagByName(archive.store.db, 'hurt and comfort');
  await makeSynonym(archive.store, archive.events, syn!.id, canon!.id);
  const page = await app.inject('/tags/Hurt%2FComfort');
  assert.deepEqual(titlesOf(page).sort(), ['Canon', 'Spelled otherwise']);
  const box = facetBoxes(await app.inject('/works'), 'include', 'additional');
  assert.deepEqual(box.map((b) => [b.label, b.count]), [['Hurt/Comfort', 2]], 'one box for the canonical tag, counting both');
  const redirect = await app.inject('/tags/hurt%20and%20comfort?sort=title');
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, '/tags/Hurt%2FComfort?sort=title');
});

test('drafts, hidden and restricted works never reach guests’ results or counts; restricted ones reach members', async (t) => {
  const h = await readerApp(t);
  const { archive } = h;
  await h.work({ title: 'Open Zephyr', fandoms: ['Windward'], tags: ['Open Tag'], chapters: [{ html: '<p>A zephyr moved the curtains in the open house.</p>' }] });
  await h.work({ title: 'Draft Zephyr', status: 'draft', fandoms: ['Secret Fandom'], tags: ['Draft Tag'], chapters: [{ html: '<p>A zephyr moved the curtains in the draft house.</p>' }] });
  await h.work({ title: 'Members Zephyr', restricted: true, fandoms: ['Windward'], tags: ['Members Tag'], chapters: [{ html: '<p>A zephyr moved the curtains in the members house.</p>' }] });
  const hidden = await h.work({ title: 'Hidden Zephyr', fandoms: ['Hidden Fandom'], tags: ['Hidden Tag'], chapters: [{ html: '<p>A zephyr moved the curtains in the hidden house.</p>' }] });
  await archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
  await archive.events.changed([hidden.id]);

  const guest = h.guest();
  for (const url of ['/search?q=zephyr', '/works', '/tags/Windward']) {
    const res = await guest.get(url);
    assert.deepEqual(titlesOf(res), ['Open Zephyr'], url);
    assert.equal(totalOf(res), 1, url);
    const tags = facetBoxes(res, 'include', 'additional').map((b) => b.label);
    assert.deepEqual(tags, ['Open Tag'], `${url}: no facet from an invisible work`);
    assert.deepEqual(facetBoxes(res, 'include', 'fandom').map((b) => [b.label, b.count]), url.startsWith('/tags') ? [] : [['Windward', 1]]);
  }
  assert.deepEqual(fandomCounts((await guest.get('/fandoms')).body), { Windward: 1 });
  for (const tag of ['Draft%20Tag', 'Members%20Tag', 'Hidden%20Tag', 'Secret%20Fandom']) assert.equal((await guest.get(`/tags/${tag}`)).statusCode, 404, tag);

  const member = await h.member('reader');
  const res = await member.get('/search?q=zephyr&sort=title');
  assert.deepEqual(titlesOf(res), ['Members Zephyr', 'Open Zephyr']);
  assert.deepEqual(facetBoxes(res, 'include', 'fandom').map((b) => [b.label, b.count]), [['Windward', 2]]);
  assert.deepEqual(fandomCounts((await member.get('/fandoms')).body), { Windward: 2 });
  assert.equal(totalOf(await member.get('/tags/Members%20Tag')), 1);
});

test('muted creators’ works are left out for the muter and counted as hidden by their filters', async (t) => {
  const h = await readerApp(t);
  const ann = await h.member('ann');
  await h.member('loud');
  await h.work({ title: 'Loud Work', creators: ['loud'], tags: ['Noise'], chapters: [{ html: '<p>The brass band played on the pier all evening.</p>' }] });
  await h.work({ title: 'Quiet Work', creators: ['quiet'], tags: ['Calm'], chapters: [{ html: '<p>The brass bell stayed silent on the pier all evening.</p>' }] });
  await submitOn(ann, '/creators/loud', '/account/muted');

  const res = await ann.get('/search?q=brass');
  assert.deepEqual(titlesOf(res), ['Quiet Work']);
  const page = parsePage(res);
  const note = page.all('p', 'hidden-note')[0];
  assert.equal(page.text(note), '1 work hidden by your filters — show them');
  assert.deepEqual(facetBoxes(res, 'include', 'additional').map((b) => b.label), ['Calm'], 'the counts leave them out too');
  const [show] = page.linksIn(note!).map((l) => l.href);
  assert.equal(show, '/search?q=brass&show_hidden=1');
  const shown = await ann.get(show!);
  assert.deepEqual(titlesOf(shown).sort(), ['Loud Work', 'Quiet Work']);
  const again = parsePage(shown);
  assert.equal(again.text(again.all('p', 'hidden-note')[0]), 'Showing works your filters would hide — hide them again');
  assert.deepEqual(again.linksNamed('hide them again'), ['/search?q=brass']);
  const hiddenInput = again.all('input').find((i) => i.attribs.name === 'show_hidden');
  assert.equal(hiddenInput?.attribs.value, '1', 'the filter form keeps show_hidden');
  assert.match(parsePage(await ann.get('/works')).text(), /1 work hidden by your filters/);
  assert.equal(parsePage(await h.guest().get('/search?q=brass')).all('p', 'hidden-note').length, 0, 'nothing is hidden for others');
  assert.equal(totalOf(await h.guest().get('/search?q=brass')), 2);
});

test('a filter profile’s request.hideRules hides works, and show_hidden shows them', async (t) => {
  const { archive, app } = await webApp(t);
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  // What src/profiles' hook will do: set the rules and the switch on each request.
  app.addHook('onRequest', async (req) => {
    req.hideRules = { tags: ['Angst'], languages: ['fr'] };
    req.showHidden = new URL(req.url, 'http://x').searchParams.get('show_hidden') === '1';
  });
  const works = await app.inject('/works');
  assert.equal(totalOf(works), 3);
  assert.ok(!titlesOf(works).includes('Salt and Tar'));
  assert.match(parsePage(works).text(), /3 works hidden by your filters — show them/);
  assert.equal(totalOf(await app.inject('/works?show_hidden=1')), 6);
  assert.equal(totalOf(await app.inject('/tags/Harbour%20Tales')), 2, 'tag pages too');
  assert.deepEqual(fandomCounts((await app.inject('/fandoms')).body), { 'Harbour Tales': 2, 'Orchard Keepers': 2 });
  const home = parsePage(await app.inject('/'));
  assert.ok(!home.all('h3', 'blurb-heading').some((h) => /Salt and Tar|Lettres/.test(home.text(h))), 'the home page too');
});

test('tag, search and works pages announce the Atom feed of what they list', async (t) => {
  const { archive, app } = await webApp(t);
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  const feedOf = (body: string) => /<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)">/.exec(body);
  const cases: [string, string, number][] = [
    ['/tags/Fluff', '/tags/Fluff/feed.atom', 3],
    ['/tags/Fluff?rating=general&sort=title', '/search/feed.atom?include=Fluff&amp;rating=general', 2],
    ['/search?q=ferry&include=Fluff&page=1', '/search/feed.atom?q=ferry&amp;include=Fluff', 1],
    ['/works', '/search/feed.atom', 6],
  ];
  for (const [page, href, entries] of cases) {
    const found = feedOf((await app.inject(page)).body);
    assert.ok(found, `${page} has a feed link`);
    assert.equal(found[2], href, page);
    const feed = await app.inject(found[2]!.replace(/&amp;/g, '&'));
    assert.equal(feed.statusCode, 200, href);
    assert.equal(feed.body.match(/<entry>/g)?.length ?? 0, entries, `${href} lists what the page lists`);
  }
});
