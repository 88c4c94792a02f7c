import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildWork } from '../../../test/factories.ts';
import { parseSearchParams } from '../../search/params.ts';
import { searchQuery } from '../../search/query.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { parsePage, webApp } from '../testing.ts';
import { facetBoxes, libraryInputs, submitGetForm, titlesOf, totalOf } from './search.testing.ts';

async function library(t: Parameters<typeof webApp>[0]) {
  const { archive, app } = await webApp(t);
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  return { archive, app };
}

async function titles(app: FastifyInstance, url: string): Promise<string[]> {
  const res = await app.inject(url);
  assert.equal(res.statusCode, 200, url);
  return titlesOf(res).sort();
}

test('every filter is a query parameter', async (t) => {
  const { archive, app } = await library(t);
  assert.deepEqual(await titles(app, '/search?include=Angst'), ['Salt and Tar', 'The Orchard Letters']);
  assert.deepEqual(await titles(app, '/search?include=Angst&exclude=Letters'), ['Salt and Tar']);
  assert.deepEqual(await titles(app, '/search?include=Fluff,Ada'), ['Lantern Season'], 'comma-separated tags all match');
  assert.deepEqual(await titles(app, '/search?rating=general'), ['Lantern Season', 'Lettres du port']);
  assert.deepEqual(await titles(app, '/search?rating=general&rating=Explicit'), ['Lantern Season', 'Lettres du port', 'Two Shores'], 'ratings: any of them');
  assert.equal(totalOf(await app.inject('/search?exclude_rating=explicit')), 5);
  assert.deepEqual(await titles(app, '/search?warning=major-character-death'), ['The Orchard Letters']);
  assert.deepEqual(await titles(app, '/search?category=f-f'), ['Lantern Season']);
  assert.deepEqual(await titles(app, '/search?complete=wip'), ['Quiet Kettle', 'Salt and Tar']);
  assert.equal(totalOf(await app.inject('/search?complete=complete')), 4);
  assert.deepEqual(await titles(app, '/search?language=fr'), ['Lettres du port']);
  assert.deepEqual(await titles(app, '/search?language=French'), ['Lettres du port'], 'a language by name');
  assert.deepEqual(await titles(app, '/search?crossover=only'), ['Two Shores']);
  assert.equal(totalOf(await app.inject('/search?crossover=exclude')), 5);
  assert.deepEqual(await titles(app, '/search?posted_from=2024-01-01'), ['Lettres du port', 'Quiet Kettle']);
  assert.deepEqual(await titles(app, '/search?posted_from=2023-02-01&posted_to=2023-06-01'), ['Salt and Tar', 'The Orchard Letters']);
  // Word counts against the works' own counts.
  const all = (await archive.search.search(OPERATOR, searchQuery({ perPage: 100 }))).items.map((h) => h.work);
  for (const [min, max] of [[50, 300], [0, 30], [100, undefined]] as const) {
    const expected = all.filter((w) => w.words >= min && (max === undefined || w.words <= max)).map((w) => w.title).sort();
    assert.ok(expected.length > 0 && expected.length < all.length, `the range ${min}–${max} splits the library`);
    assert.deepEqual(await titles(app, `/search?words_min=${min}${max === undefined ? '' : `&words_max=${max}`}`), expected);
  }
  assert.deepEqual(await titles(app, '/search?q=ferry&include=Fluff&rating=general'), ['Lantern Season'], 'text and filters together');
});

test('each box counts exactly the works that ticking it gives', async (t) => {
  const { app } = await library(t);
  for (const start of ['/works', '/works?include=Fluff', '/search?q=the', '/tags/Harbour%20Tales']) {
    const page = await app.inject(start);
    const before = totalOf(page);
    let tried = 0;
    for (const type of ['rating', 'warning', 'category', 'fandom', 'character', 'relationship', 'additional']) {
      for (const box of facetBoxes(page, 'include', type).filter((b) => !b.checked)) {
        assert.ok(box.count !== null && box.count > 0, `${start}: ${box.label} shows a count`);
        const url = submitGetForm(page, 'search-filters', { check: [[box.name, box.value]] });
        const after = await app.inject(url);
        assert.equal(after.statusCode, 200, url);
        if (type !== 'rating' || !facetBoxes(page, 'include', 'rating').some((b) => b.checked)) {
          assert.equal(totalOf(after), box.count, `${start}: include ${box.label} gives its count`);
        }
        tried++;
      }
      for (const box of facetBoxes(page, 'exclude', type).filter((b) => !b.checked)) {
        const after = await app.inject(submitGetForm(page, 'search-filters', { check: [[box.name, box.value]] }));
        assert.equal(totalOf(after), before - box.count!, `${start}: exclude ${box.label} removes its count`);
      }
    }
    assert.ok(tried >= 5, `${start}: several boxes tried`);
  }
});

test('the sidebar shows the current query, and submitting it unchanged gives the same search', async (t) => {
  const { app } = await library(t);
  const url = '/search?q=the&include=Fluff&exclude=Angst&exclude=No%20Such%20Tag&rating=not-rated&exclude_rating=explicit&complete=wip&crossover=exclude&words_min=5&words_max=900&posted_from=2020-01-01&updated_to=2030-12-31&language=en&sort=words&order=asc';
  const res = await app.inject(url);
  assert.equal(res.statusCode, 200);
  const doc = parsePage(res);
  const input = (id: string) => doc.all('input').find((i) => i.attribs.id === id)!;
  assert.ok(facetBoxes(res, 'include', 'additional').find((b) => b.label === 'Fluff')!.checked);
  assert.deepEqual(facetBoxes(res, 'exclude', 'additional').find((b) => b.label === 'Angst'), { label: 'Angst', name: 'exclude', value: 'Angst', count: null, checked: true }, 'an excluded tag keeps its box, checked, without a count');
  assert.ok(facetBoxes(res, 'include', 'rating').find((b) => b.value === 'not-rated')!.checked);
  assert.ok(facetBoxes(res, 'exclude', 'rating').find((b) => b.value === 'explicit')!.checked);
  assert.equal(input('other-exclude').attribs.value, 'No Such Tag', 'an unknown tag stays in "other tags to exclude"');
  assert.equal(input('other-include').attribs.value, '');
  assert.ok(input('complete-wip').attribs.checked !== undefined);
  assert.ok(input('crossover-exclude').attribs.checked !== undefined);
  assert.equal(input('words_min').attribs.value, '5');
  assert.equal(input('words_max').attribs.value, '900');
  assert.equal(input('posted_from').attribs.value, '2020-01-01');
  assert.equal(input('updated_to').attribs.value, '2030-12-31');
  assert.equal(input('q').attribs.value, 'the');
  const again = submitGetForm(res, 'search-filters');
  const params = (u: string) => Object.fromEntries([...new URL(u, 'http://x').searchParams.keys()].map((k) => [k, new URL(u, 'http://x').searchParams.getAll(k)]));
  assert.deepEqual(parseSearchParams(params(again)), parseSearchParams(params(url)));
  assert.deepEqual(titlesOf(res), ['Quiet Kettle']);
  assert.deepEqual(titlesOf(await app.inject(again)), ['Quiet Kettle']);
  const unknown = await app.inject('/search?include=No%20Such%20Tag');
  assert.equal(totalOf(unknown), 0, 'an unknown included tag matches nothing');
  assert.equal(parsePage(unknown).all('input').find((i) => i.attribs.id === 'other-include')!.attribs.value, 'No Such Tag');
  for (const legend of ['Sort', 'Include', 'Exclude', 'Ratings', 'Warnings', 'Categories', 'Fandoms', 'Additional tags', 'Crossovers', 'Completion status', 'Word count', 'Date posted', 'Date updated']) {
    assert.ok(doc.all('legend').some((l) => doc.text(l) === legend), `a fieldset "${legend}"`);
  }
});

test('a tag page filters within its tag and keeps the filters through a synonym redirect', async (t) => {
  const { app } = await library(t);
  const page = await app.inject('/tags/Harbour%20Tales');
  assert.equal(totalOf(page), 4);
  assert.ok(!facetBoxes(page, 'include', 'fandom').some((b) => b.label === 'Harbour Tales'), 'the page’s own tag is not a box');
  assert.deepEqual(await titles(app, submitGetForm(page, 'search-filters', { check: [['rating', 'general']] })), ['Lantern Season', 'Lettres du port']);
  assert.deepEqual(await titles(app, submitGetForm(page, 'search-filters', { set: { q: 'ferry' } })), ['Lantern Season'], 'search within results');
  const none = await app.inject('/tags/Harbour%20Tales?rating=mature');
  assert.equal(none.statusCode, 200, 'filters that leave nothing are not a missing tag');
  assert.match(parsePage(none).text(), /No works match/);
  const spelled = await app.inject('/tags/harbour%20tales?complete=wip&page=1');
  assert.equal(spelled.statusCode, 301);
  assert.equal(spelled.headers.location, '/tags/Harbour%20Tales?complete=wip');
});
