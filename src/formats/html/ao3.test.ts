import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../../../test/fixtures/import/fixtures.ts';
import { htmlReader } from './html.reader.ts';

const parse = (html: string) => htmlReader.read(new TextEncoder().encode(html), { fileName: 'ao3.html' });

test('an AO3 download: every metadata field is mapped', async () => {
  const w = await htmlReader.read(fixture('ao3-download.html'), { fileName: 'ao3-download.html' });
  assert.deepEqual(w.meta, {
    rating: 'Teen And Up Audiences',
    warnings: ['Graphic Depictions Of Violence', 'Major Character Death'],
    categories: ['F/F', 'Gen'],
    fandoms: ['Saltmarsh Chronicles', 'Lanterns of Veil (Video Game)'],
    relationships: ['Ada Marsh/Bea Tollard', 'Ada Marsh & Old Pell'],
    characters: ['Ada Marsh', 'Bea Tollard', 'Old Pell'],
    tags: ['Slow Burn', 'Found Family', 'Lighthouses'],
    language: 'en',
    series: [{ title: 'Tidewater', position: 2 }, { title: 'Small Lights', position: 1 }],
    publishedOn: '2019-03-02',
    updatedOn: '2019-07-14',
    title: "The Lamplighter's Apprentice",
    creators: ['quillmouse', 'fernwick'],
    summary: '<p>Ada learns the lamps. Bea learns the tides. Pell learns nothing at all.</p>',
    notes: '<p>Written for the winter swap. Thanks to my patient beta!</p>',
    endNotes: '<p>Come and say hello on my blog. Requests are open.</p>',
    expectedChapters: 5,
    complete: false,
  });
  assert.deepEqual(w.warnings, []);
  assert.equal(w.chapters.length, 3);
  assert.deepEqual(w.chapters[0], {
    title: 'Wick and Flint',
    summary: '<p>The first night on the rock.</p>',
    notes: '<p>Short one to start.</p>',
    endNotes: '<p>Pell is not as grumpy as he looks.</p>',
    html: '<p>The lamp room smelled of oil and old salt. Ada trimmed the wick the way Pell had shown her, twice, and burned her thumb both times.</p>\n<p>"Again," said Pell.</p>',
  });
  assert.deepEqual(w.chapters.slice(1).map((c) => c.title), ['', 'A Longer Night']);
  for (const c of w.chapters) assert.ok(!/See the end|Chapter Summary|Afterword|inspired/.test(c.html), c.html);
});

const download = (dl: string, chapters: string) => `<html><body><div id="preface"><div class="meta"><dl class="tags">${dl}</dl>
  <h1>Small Hours</h1><div class="byline">by lanternfish and Moth Writer</div></div></div>
  <div id="chapters" class="userstuff">${chapters}</div></body></html>`;

test('variations: one chapter without a heading, Completed date, no author links, plural labels', async () => {
  const w = await parse(download(
    '<dt>Ratings:</dt><dd>Explicit</dd><dt>Archive Warnings:</dt><dd>No Archive Warnings Apply</dd><dt>Categories:</dt><dd>M/M, Multi</dd><dt>Language:</dt><dd>中文-普通话 國語</dd><dt>Stats:</dt><dd>Published: 2020-05-01 Completed: 2020-06-01 Words: 9 Chapters: 1/1</dd>',
    '<div class="userstuff"><p>It was very late and the kettle was singing.</p></div>',
  ));
  assert.equal(w.meta.rating, 'Explicit');
  assert.deepEqual(w.meta.warnings, ['No Archive Warnings Apply']);
  assert.deepEqual(w.meta.categories, ['M/M', 'Multi']);
  assert.equal(w.meta.language, 'zh');
  assert.equal(w.meta.updatedOn, '2020-06-01');
  assert.equal(w.meta.complete, true);
  assert.equal(w.meta.expectedChapters, 1);
  assert.deepEqual(w.meta.creators, ['lanternfish', 'Moth Writer']);
  assert.deepEqual(w.chapters, [{ html: '<p>It was very late and the kettle was singing.</p>' }]);
});

test('a work in progress with unknown total; unknown tags are warned about, not fatal', async () => {
  const w = await parse(download(
    '<dt>Rating:</dt><dd>Spicy</dd><dt>Archive Warning:</dt><dd>Underage</dd><dt>Stats:</dt><dd>Published: 2021-01-01 Chapters: 2/?</dd>',
    '<h2 class="heading">Chapter 1: One</h2><div class="userstuff"><p>First chapter, long enough.</p></div><h2 class="heading">Chapter 2: Two</h2><div class="userstuff"><p>Second chapter, long enough.</p></div>',
  ));
  assert.equal(w.meta.rating, undefined);
  assert.deepEqual(w.meta.warnings, ['Underage Sex']);
  assert.equal(w.meta.expectedChapters, null);
  assert.equal(w.meta.complete, false);
  assert.deepEqual(w.warnings, ['ignored the rating "Spicy", which Quire does not know']);
  assert.deepEqual(w.chapters.map((c) => c.title), ['One', 'Two']);
});

test('loose text directly in #chapters is the chapter body', async () => {
  const w = await parse(download('', '<p>Loose paragraph one.</p><p>Loose paragraph two.</p>'));
  assert.equal(w.chapters.length, 1);
  assert.equal(w.chapters[0]!.html, '<p>Loose paragraph one.</p>\n<p>Loose paragraph two.</p>');
  assert.equal(w.meta.title, 'Small Hours');
});
