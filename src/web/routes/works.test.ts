import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { parsePage, webApp } from '../testing.ts';

test('home lists the newest works, at most ten', async (t) => {
  const { archive, app } = await webApp(t);
  for (let i = 1; i <= 12; i++) await archive.works.create(buildWork({ title: `Story number ${i}`, publishedOn: `2024-01-${String(i).padStart(2, '0')}` }));
  const res = await app.inject('/');
  assert.equal(res.statusCode, 200);
  const page = parsePage(res);
  const titles = page.all('h3', 'blurb-heading').map((h) => page.text(h));
  assert.equal(titles.length, 10);
  assert.match(titles[0]!, /^Story number 12 by tester/);
  assert.ok(!titles.some((t) => t.startsWith('Story number 1 ')), 'the oldest works are not on the home page');
  assert.deepEqual(page.linksNamed('All 12 works'), ['/works']);
});

test('works index paginates by config.pageSize and shows the total', async (t) => {
  const { archive, app } = await webApp(t, { pageSize: '3' });
  for (let i = 1; i <= 5; i++) await archive.works.create(buildWork({ title: `Paged ${i}`, publishedOn: `2024-02-0${i}` }));
  const first = parsePage(await app.inject('/works'));
  assert.equal(first.all('li', 'blurb').length, 3);
  assert.match(first.text(first.all('p', 'listing-count')[0]), /1 – 3 of 5 works/);
  assert.deepEqual(first.linksNamed('Next →'), ['/works?page=2']);

  const second = parsePage(await app.inject('/works?page=2'));
  const titles = second.all('h2', 'blurb-heading').map((h) => second.text(h).replace(/ by .*/, ''));
  assert.deepEqual(titles, ['Paged 2', 'Paged 1']);
  assert.match(second.text(second.all('p', 'listing-count')[0]), /4 – 5 of 5 works/);
  assert.deepEqual(second.linksNamed('← Previous'), ['/works']);

  assert.equal((await app.inject('/works?page=3')).statusCode, 404);
  assert.equal((await app.inject('/works?page=abc')).statusCode, 400);
});

test('a one-chapter work page shows its metadata, notes and whole text', async (t) => {
  const { archive, app } = await webApp(t);
  const work = await archive.works.create(buildWork({
    title: 'The Lighthouse Keeper',
    rating: 'Teen And Up Audiences',
    warnings: ['Major Character Death'],
    categories: ['F/F'],
    fandoms: ['Harbour Tales'],
    relationships: ['Ada/Wren'],
    characters: ['Ada', 'Wren'],
    tags: ['Slow Burn'],
    language: 'fr',
    notes: '<p>Written for a friend.</p>',
    endNotes: '<p>Thanks for reading.</p>',
    creators: ['lamplight'],
    publishedOn: '2024-03-01',
    chapters: [{ html: '<p>The lamp turned all night above the water.</p>' }],
  }));
  const res = await app.inject(`/works/${work.id}`);
  assert.equal(res.statusCode, 200);
  const page = parsePage(res);
  const meta = page.text(page.all('dl', 'work-meta')[0]);
  for (const bit of ['Teen And Up Audiences', 'Major Character Death', 'F/F', 'Harbour Tales', 'Ada/Wren', 'Wren', 'Slow Burn', 'Français', 'Published: 2024-03-01', 'Words: 8', 'Chapters: 1/1']) {
    assert.ok(meta.includes(bit), `metadata shows ${bit}`);
  }
  assert.equal(page.text(page.all('h1')[0]), 'The Lighthouse Keeper');
  assert.deepEqual(page.linksNamed('lamplight'), ['/creators/lamplight']);
  assert.ok(page.text().includes('Written for a friend.'));
  assert.ok(page.text().includes('The lamp turned all night above the water.'));
  assert.ok(page.text().includes('Thanks for reading.'));
  assert.equal(page.all('nav', 'chapter-nav').length, 0, 'no chapter navigation for a one-shot');
  assert.equal(page.title(), 'The Lighthouse Keeper - Harbour Tales - Quire');
  assert.ok(res.body.includes('lang="fr"'), 'the work text carries its language');
});

async function threeChapters(t: TestContext) {
  const { archive, app } = await webApp(t);
  const work = await archive.works.create(buildWork({
    title: 'Three Doors',
    fandoms: ['Doorways'],
    complete: false,
    expectedChapters: 5,
    endNotes: '<p>Work end note.</p>',
    chapters: [
      { title: 'Oak', html: '<p>First door text, made of oak.</p>', notes: '<p>Chapter one note.</p>' },
      { title: 'Iron', html: '<p>Second door text, cold iron.</p>', summary: '<p>Iron summary.</p>', endNotes: '<p>Iron end note.</p>' },
      { html: '<p>Third door text, no title at all.</p>' },
    ],
  }));
  return { archive, app, work };
}

test('a multi-chapter work shows chapter 1 with navigation; chapters link to each other', async (t) => {
  const { app, work } = await threeChapters(t);
  const first = parsePage(await app.inject(`/works/${work.id}`));
  assert.ok(first.text().includes('First door text'));
  assert.ok(!first.text().includes('Second door text'));
  assert.ok(!first.text().includes('Work end note.'), 'work end notes come after the last chapter only');
  assert.ok(first.linksNamed('Next chapter').includes(`/works/${work.id}/chapters/2`));
  assert.equal(first.linksNamed('Previous chapter').length, 0);
  assert.ok(first.linksNamed('Entire work').includes(`/works/${work.id}?view=full`));
  assert.match(first.text(first.all('dl', 'work-meta')[0]), /Chapters: 3\/5/);

  const index = first.all('details', 'chapter-index')[0]!;
  assert.deepEqual(first.linksIn(index).map((l) => l.name), ['Chapter 1: Oak', 'Chapter 2: Iron', 'Chapter 3']);

  const res = await app.inject(`/works/${work.id}/chapters/2`);
  assert.equal(res.statusCode, 200);
  const second = parsePage(res);
  assert.equal(second.title(), 'Three Doors - Chapter 2 - Doorways - Quire');
  assert.ok(second.text().includes('Chapter 2: Iron'));
  assert.ok(second.text().includes('Second door text'));
  assert.ok(second.text().includes('Iron summary.'));
  assert.ok(second.text().includes('Iron end note.'));
  assert.ok(!second.text().includes('First door text'));
  assert.ok(second.linksNamed('Previous chapter').includes(`/works/${work.id}/chapters/1`));
  assert.ok(second.linksNamed('Next chapter').includes(`/works/${work.id}/chapters/3`));

  const third = parsePage(await app.inject(`/works/${work.id}/chapters/3`));
  assert.equal(third.linksNamed('Next chapter').length, 0);
  assert.ok(third.text().includes('Work end note.'));
});

test('?view=full shows the entire work in order with the end notes', async (t) => {
  const { app, work } = await threeChapters(t);
  const res = await app.inject(`/works/${work.id}?view=full`);
  const text = parsePage(res).text();
  const at = ['First door text', 'Second door text', 'Third door text', 'Work end note.'].map((s) => text.indexOf(s));
  assert.ok(at.every((i) => i >= 0), 'every chapter is there');
  assert.deepEqual([...at].sort((a, b) => a - b), at, 'in order');
  assert.ok(parsePage(res).linksNamed('Chapter by chapter').includes(`/works/${work.id}/chapters/1`));
});

test('chapter numbers out of range and ids that are not numbers are 404, never 500', async (t) => {
  const { app, work } = await threeChapters(t);
  for (const url of [`/works/${work.id}/chapters/4`, `/works/${work.id}/chapters/0`, `/works/${work.id}/chapters/x`, '/works/abc', '/works/999', '/works/1.5', '/works/-1', '/works/99999999999999999999', '/series/abc', '/series/999']) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 404, url);
    assert.equal(parsePage(res).text(parsePage(res).all('h1')[0]), 'Page not found', url);
  }
});

test('series links: a work shows its part and previous / next works', async (t) => {
  const { archive, app } = await webApp(t);
  const a = await archive.works.create(buildWork({ title: 'Part A', series: [{ title: 'Seasons', position: 1 }] }));
  const b = await archive.works.create(buildWork({ title: 'Part B', series: [{ title: 'Seasons', position: 2 }] }));
  const c = await archive.works.create(buildWork({ title: 'Part C', series: [{ title: 'Seasons', position: 3 }] }));
  const page = parsePage(await app.inject(`/works/${b.id}`));
  const series = page.text(page.all('div', 'series')[0]);
  assert.match(series, /Part 2 of Seasons/);
  assert.deepEqual(page.linksNamed('Previous work'), [`/works/${a.id}`]);
  assert.deepEqual(page.linksNamed('Next work'), [`/works/${c.id}`]);
});
