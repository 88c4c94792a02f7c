import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { makeSynonym } from '../../tags/wrangle.ts';
import { parsePage, webApp } from '../testing.ts';

function titles(body: string): string[] {
  const page = parsePage(body);
  return page.all('li', 'blurb').map((li) => page.linksIn(li)[0]!.name);
}

test('a tag page lists the works carrying it as a filter tag, synonyms included', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({ title: 'Canon tagged', tags: ['Found Family'] }));
  await archive.works.create(buildWork({ title: 'Synonym tagged', tags: ['found fam'] }));
  await archive.works.create(buildWork({ title: 'Untagged', tags: ['Angst'] }));

  assert.deepEqual(titles((await app.inject('/tags/Found%20Family')).body), ['Canon tagged']);

  const canon = await findTagByName(archive.store.db, 'Found Family');
  const syn = await findTagByName(archive.store.db, 'found fam');
  await makeSynonym(archive.store, archive.events, syn!.id, canon!.id);

  const res = await app.inject('/tags/Found%20Family');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(titles(res.body).sort(), ['Canon tagged', 'Synonym tagged']);
  assert.equal(parsePage(res).title(), 'Found Family - Works - Quire');
  assert.match(parsePage(res).text(parsePage(res).all('h1')[0]), /Found Family/);

  const redirect = await app.inject('/tags/found%20fam');
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, '/tags/Found%20Family');
});

test('tag names with slashes and other characters round-trip through their URL', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({ title: 'Pair', relationships: ['Ada/Wren'], tags: ['What? #1 & more'] }));
  const work = parsePage((await app.inject('/works/1')).body);
  for (const name of ['Ada/Wren', 'What? #1 & more']) {
    const [href] = work.linksNamed(name);
    assert.equal(href, `/tags/${encodeURIComponent(name)}`);
    const res = await app.inject(href!);
    assert.equal(res.statusCode, 200, name);
    assert.deepEqual(titles(res.body), ['Pair']);
  }
  const cased = await app.inject('/tags/ada%2Fwren?page=1');
  assert.equal(cased.statusCode, 301, 'another spelling redirects to the tag’s own');
  assert.equal(cased.headers.location, '/tags/Ada%2FWren');
});

test('an unknown tag is 404', async (t) => {
  const { app } = await webApp(t);
  const res = await app.inject('/tags/Nothing%20Here');
  assert.equal(res.statusCode, 404);
  assert.equal(parsePage(res).text(parsePage(res).all('h1')[0]), 'Page not found');
});

test('the fandom list counts works, alphabetically, grouped by first letter', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({ fandoms: ['Zebra Crossing'] }));
  await archive.works.create(buildWork({ fandoms: ['apple orchard', 'Zebra Crossing'] }));
  await archive.works.create(buildWork({ fandoms: ['Aardvark Tales'] }));
  await archive.works.create(buildWork({ fandoms: ['99 Rooms'] }));
  const res = await app.inject('/fandoms');
  assert.equal(res.statusCode, 200);
  const page = parsePage(res);
  const groups = page.all('section', 'letter-group').map((s) => ({
    letter: page.text(page.all('h2').find((h) => h.parent === s)),
    items: page.linksIn(s).map((l) => l.name),
    text: page.text(s),
  }));
  assert.deepEqual(groups.map((g) => g.letter), ['#', 'A', 'Z']);
  assert.deepEqual(groups[1]!.items, ['Aardvark Tales', 'apple orchard']);
  assert.match(groups[2]!.text, /Zebra Crossing \(2\)/);
  assert.match(groups[0]!.text, /99 Rooms \(1\)/);
  assert.deepEqual(page.linksNamed('Zebra Crossing'), ['/tags/Zebra%20Crossing']);
});

test('a series page lists its works in series order', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({ title: 'Second', series: [{ title: 'Tides', position: 2 }] }));
  await archive.works.create(buildWork({ title: 'Third', series: [{ title: 'Tides', position: 3 }] }));
  await archive.works.create(buildWork({ title: 'First', series: [{ title: 'Tides', position: 1 }] }));
  const res = await app.inject('/series/1');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(titles(res.body), ['First', 'Second', 'Third']);
  assert.equal(parsePage(res).title(), 'Tides - Series - Quire');
});

test('a creator page lists the works of that pen name; blurbs link to it', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({ title: 'Mine', creators: ['Inkwell'] }));
  await archive.works.create(buildWork({ title: 'Ours', creators: ['someone', 'Inkwell'] }));
  await archive.works.create(buildWork({ title: 'Theirs', creators: ['someone'] }));
  const index = parsePage((await app.inject('/works')).body);
  assert.ok(index.linksNamed('Inkwell').every((h) => h === '/creators/Inkwell'));
  const res = await app.inject('/creators/Inkwell');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(titles(res.body).sort(), ['Mine', 'Ours']);
  const other = await app.inject('/creators/inkwell');
  assert.equal(other.statusCode, 301);
  assert.equal(other.headers.location, '/creators/Inkwell');
  assert.equal((await app.inject('/creators/nobody')).statusCode, 404);
});
