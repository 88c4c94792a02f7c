import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { parsePage, webApp } from '../testing.ts';
import { libraryInputs, submitGetForm, titlesOf, totalOf } from './search.testing.ts';

test('a text search finds words in a chapter and links that chapter, with the words marked', async (t) => {
  const { archive, app } = await webApp(t);
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  const res = await app.inject('/search?q=lantern');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(titlesOf(res), ['Lantern Season']);
  const page = parsePage(res);
  const snippet = page.all('p', 'blurb-snippet')[0];
  assert.ok(snippet, 'the blurb shows where the text matched');
  assert.match(page.text(snippet), /^Chapter 2: .*Ada lit the blue lantern at the end of the harbour wall/);
  assert.deepEqual(page.linksIn(snippet).map((l) => l.href), ['/works/1/chapters/2'], 'links the chapter that matched, not the first');
  assert.ok(res.body.includes('<mark>lantern</mark>'), 'the matching word is marked');
  assert.equal(page.title(), 'lantern - Search - Quire');
  assert.match(page.text(page.all('h1')[0]), /Search results for “lantern”/);
  const box = page.all('input').find((i) => i.attribs.id === 'q')!;
  assert.equal(box.attribs.value, 'lantern', 'the box shows the query');
});

test('a quoted phrase matches the words in that order only', async (t) => {
  const { archive, app } = await webApp(t);
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  const phrase = await app.inject(`/search?q=${encodeURIComponent('"blue lantern"')}`);
  assert.deepEqual(titlesOf(phrase), ['Lantern Season']);
  assert.ok(phrase.body.includes('<mark>blue lantern</mark>'), 'the whole phrase is marked');
  assert.equal(totalOf(await app.inject(`/search?q=${encodeURIComponent('"lantern blue"')}`)), 0);
  assert.equal(totalOf(await app.inject('/search?q=ferry')), 1, 'ferry, not ferries');
  assert.equal(totalOf(await app.inject('/search?q=ferr*')), 2, 'a prefix finds both');
});

test('work text that looks like HTML is shown escaped in snippets', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({
    title: 'Markup Tale',
    chapters: [{ html: '<p>She typed &lt;script&gt;alert("owl")&lt;/script&gt; into the lighthouse log and laughed.</p><script>alert("real")</script>' }],
  }));
  const res = await app.inject('/search?q=lighthouse');
  assert.equal(res.statusCode, 200);
  const page = parsePage(res);
  const snippet = page.all('p', 'blurb-snippet')[0]!;
  assert.match(page.text(snippet), /She typed <script>alert\("owl"\)<\/script> into the <?lighthouse/, 'the text reads as written');
  assert.ok(res.body.includes('&lt;script&gt;alert(&quot;owl&quot;)&lt;/script&gt;'), 'escaped in the HTML');
  assert.doesNotMatch(res.body, /<script/i, 'no script element anywhere on the page');
});

test('the query string is echoed escaped everywhere', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork());
  const evil = '<script>alert(1)</script>';
  const res = await app.inject(`/search?q=${encodeURIComponent(evil)}&include=${encodeURIComponent('"><img src=x onerror=alert(2)>')}`);
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /<script|<img/i);
  assert.ok(res.body.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'), 'the box keeps the text, escaped');
  assert.ok(res.body.includes('value="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"'), 'the unknown tag goes back into "other tags to include", escaped');
  assert.match(parsePage(res).title(), /^<script>alert\(1\)<\/script> - Search/, 'the title too (as text)');
  const bad = await app.inject(`/search?rating=${encodeURIComponent('<script>x</script>')}`);
  assert.equal(bad.statusCode, 400);
  assert.doesNotMatch(bad.body, /<script/i);
  assert.match(parsePage(bad).text(), /rating: "<script>x<\/script>" is not a rating/);
});

test('invalid parameters are a 400 page naming them, never a stack', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork());
  const cases: [string, RegExp][] = [
    ['/search?words_min=many', /words_min: must be a number/],
    ['/search?sort=popularity', /sort: must be one of relevance, title/],
    ['/search?posted_from=2024-02-31x', /posted_from: must be a date like 2024-05-31/],
    ['/search?words_min=500&words_max=10', /words_min: is more than words_max/],
    ['/search?q=%22unclosed', /a quoted phrase is never closed/],
    ['/search?page=0', /page: must be at least 1/],
    ['/works?complete=maybe', /complete: must be all, complete or wip/],
    ['/tags/Test%20Fandom?crossover=sometimes', /crossover: must be include, exclude or only/],
  ];
  for (const [url, message] of cases) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 400, url);
    const page = parsePage(res);
    assert.equal(page.text(page.all('h1')[0]), 'Bad request', url);
    assert.match(page.text(), message, url);
    assert.doesNotMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/, `${url}: no stack`);
  }
});

test('a work created through the service is findable in /search as soon as create returns', async (t) => {
  const { archive, app } = await webApp(t);
  assert.equal(totalOf(await app.inject('/search?q=porcupine')), 0, 'the engine is loaded before the work exists');
  const w = await archive.works.create(buildWork({ title: 'Quills', chapters: [{ html: '<p>A porcupine crossed the quiet road at dusk.</p>' }] }));
  const res = await app.inject('/search?q=porcupine');
  assert.deepEqual(titlesOf(res), ['Quills']);
  assert.deepEqual(parsePage(res).linksNamed('Quills'), [`/works/${w.id}`]);
});

test('the exact total, and pagination that keeps every parameter and agrees with the total', async (t) => {
  const { archive, app } = await webApp(t);
  for (let i = 1; i <= 7; i++) {
    await archive.works.create(buildWork({ title: `Tide ${i}`, tags: i % 2 ? ['Odd'] : ['Even'], publishedOn: `2024-01-0${i}`, chapters: [{ html: `<p>The tide turned ${i} times before the moon set over the bay.</p>` }] }));
  }
  await archive.works.create(buildWork({ title: 'Dry Land', chapters: [{ html: '<p>No water here at all, only sand and stones.</p>' }] }));
  const first = await app.inject('/search?q=tide&exclude=Even&per_page=2&sort=title');
  assert.match(parsePage(first).text(parsePage(first).all('p', 'listing-count')[0]), /^1 – 2 of 4 works$/);
  const seen: string[] = [];
  let url: string | undefined = '/search?q=tide&exclude=Even&per_page=2&sort=title';
  let pages = 0;
  while (url !== undefined) {
    const res: Awaited<ReturnType<typeof app.inject>> = await app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(totalOf(res), 4, `${url} states the same total`);
    seen.push(...titlesOf(res));
    const next: string[] = parsePage(res).linksNamed('Next →');
    url = next[0];
    if (url) {
      const params = new URL(url, 'http://x').searchParams;
      assert.equal(params.get('q'), 'tide');
      assert.equal(params.get('exclude'), 'Even');
      assert.equal(params.get('per_page'), '2');
      assert.equal(params.get('sort'), 'title');
    }
    pages++;
  }
  assert.equal(pages, 2);
  assert.deepEqual(seen, ['Tide 1', 'Tide 3', 'Tide 5', 'Tide 7'], 'every work once, in title order');
  assert.equal((await app.inject('/search?q=tide&per_page=2&page=9')).statusCode, 404);
});

test('sort options change the order, and the order select reverses it', async (t) => {
  const { archive, app } = await webApp(t);
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  const works = await app.inject('/works');
  const byTitle = await app.inject(submitGetForm(works, 'search-filters', { set: { sort: 'title' } }));
  assert.deepEqual(titlesOf(byTitle), ['Lantern Season', 'Lettres du port', 'The Orchard Letters', 'Quiet Kettle', 'Salt and Tar', 'Two Shores'], 'A–Z, a leading "The" aside');
  const reversed = await app.inject(submitGetForm(byTitle, 'search-filters', { set: { order: 'desc' } }));
  assert.deepEqual(titlesOf(reversed), [...titlesOf(byTitle)].reverse());
  const byWords = titlesOf(await app.inject(submitGetForm(works, 'search-filters', { set: { sort: 'words' } })));
  assert.deepEqual(byWords.slice(0, 2), ['The Orchard Letters', 'Salt and Tar'], 'longest first');
  const posted = titlesOf(await app.inject('/works?sort=posted&order=asc'));
  assert.deepEqual(posted, ['Lantern Season', 'Salt and Tar', 'The Orchard Letters', 'Two Shores', 'Lettres du port', 'Quiet Kettle']);
  const doc = parsePage(reversed);
  const select = doc.all('select').find((s) => s.attribs.name === 'sort')!;
  const selected = doc.all('option').filter((o) => o.parent === select && o.attribs.selected !== undefined);
  assert.deepEqual(selected.map((o) => o.attribs.value), ['title'], 'the sort select shows the current sort');
});

test('without JavaScript: the home box, the filter form and the page links are plain GETs', async (t) => {
  const { archive, app } = await webApp(t, { pageSize: '2' });
  for (const w of libraryInputs()) await archive.works.create(buildWork(w));
  const home = await app.inject('/');
  assert.deepEqual(parsePage(home).linksNamed('Search'), ['/search'], 'the header links to the search page');
  const first = submitGetForm(home, 'home-search', { set: { q: 'the' } });
  assert.equal(first, '/search?q=the');
  const start = await app.inject(first);
  assert.equal(start.statusCode, 200);
  const total = totalOf(start);
  assert.ok(total >= 4);
  // Tick "Fluff" in the sidebar, change nothing else, submit: empty fields are sent as a browser sends them.
  const url = submitGetForm(start, 'search-filters', { check: [['include', 'Fluff']] });
  assert.match(url, /^\/search\?.*words_min=&/, 'empty fields travel too');
  const filtered = await app.inject(url);
  assert.equal(filtered.statusCode, 200);
  assert.ok(totalOf(filtered) < total);
  const next = parsePage(filtered).linksNamed('Next →')[0];
  if (totalOf(filtered) > 2) {
    assert.ok(next && /include=Fluff/.test(next) && /q=the/.test(next), 'the next page keeps the filters');
    assert.equal((await app.inject(next)).statusCode, 200);
  }
  // The text box on the search page belongs to the same form: a new query keeps the filters.
  const again = submitGetForm(filtered, 'search-filters', { set: { q: 'kettle' } });
  assert.deepEqual(titlesOf(await app.inject(again)), ['Quiet Kettle']);
  const clear = parsePage(filtered).linksNamed('Clear filters');
  assert.deepEqual(clear, ['/search']);
  // From the bare search page, words typed into the box are ranked by best match, not by date.
  const typed = submitGetForm(await app.inject('/search'), 'search-filters', { set: { q: 'kettle rain' } });
  assert.match(typed, /[?&]sort=relevance(&|$)/);
  assert.equal(titlesOf(await app.inject(typed))[0], 'Quiet Kettle');
  const works = submitGetForm(await app.inject('/works'), 'search-filters', { set: { q: 'kettle' } });
  assert.match(works, /[?&]sort=updated(&|$)/, 'search within the works index keeps its order');
});
