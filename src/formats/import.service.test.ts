import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, fixture } from '../../test/fixtures/import/fixtures.ts';
import { testArchive } from '../../test/factories.ts';
import { LIMITS } from '../works/limits.ts';
import { OPERATOR } from '../works/visibility.ts';
import { importBuffer, importFile, importPaths, type ImportProgress } from './import.service.ts';

test('a file with full front matter becomes a work with every field', async () => {
  const a = await testArchive();
  const r = await importBuffer(a, 'full.txt', fixture('front-matter-full.txt'));
  assert.equal(r.status, 'created', r.error ?? '');
  assert.deepEqual({ ...r, workId: 0 }, { file: 'full.txt', status: 'created', workId: 0, title: 'Salt and Cinders', words: 32, chapters: 2, error: null, warnings: [] });
  const w = await a.works.read(OPERATOR, r.workId!);
  assert.equal(w.rating, 'Mature');
  assert.deepEqual(w.fandoms, ['Saltmarsh Chronicles', 'Lanterns of Veil']);
  assert.deepEqual(w.creators.map((c) => c.name), ['quillmouse', 'fernwick']);
  assert.deepEqual(w.series.map((s) => [s.title, s.position]), [['Tidewater', 3]]);
  assert.deepEqual([w.status, w.restricted, w.complete, w.expectedChapters], ['draft', true, false, 4]);
  assert.deepEqual([w.publishedOn, w.updatedOn], ['2020-01-05', '2020-02-10']);
  assert.equal(w.summary, '<p>Two lighthouse keepers, one very long winter.</p>\n<p>A story about soup.</p>');
  assert.equal(w.notes, '<p>For the winter swap.</p>');
  assert.deepEqual(w.chapters.map((c) => c.title), ['The First Frost', 'Soup']);
});

test('importing the same bytes again is unchanged and writes nothing', async () => {
  const a = await testArchive();
  const first = await importBuffer(a, 'a.txt', fixture('leading-an.txt'));
  const again = await importBuffer(a, 'renamed.txt', fixture('leading-an.txt'), { title: 'Other' });
  assert.equal(again.status, 'unchanged');
  assert.equal(again.workId, first.workId);
  assert.equal(again.title, first.title);
  assert.equal((await a.works.list(OPERATOR)).total, 1);
});

test('the AO3 download imports with its metadata; defaults and overrides apply', async () => {
  const a = await testArchive();
  const r = await importBuffer(a, 'ao3.html', fixture('ao3-download.html'), { tags: ['Imported'] });
  assert.equal(r.status, 'created', r.error ?? '');
  const w = await a.works.read(OPERATOR, r.workId!);
  assert.equal(w.title, "The Lamplighter's Apprentice");
  assert.deepEqual(w.tags, ['Imported']);
  assert.deepEqual([w.complete, w.expectedChapters, w.chapterCount], [false, 5, 3]);
  assert.deepEqual(w.series.map((s) => [s.title, s.position]), [['Tidewater', 2], ['Small Lights', 1]]);
  assert.equal(w.chapters[0]!.summary, '<p>The first night on the rock.</p>');
  const plain = await importBuffer(a, 'the_long_way-home.txt', new TextEncoder().encode('nothing but one lower-case paragraph of story here'));
  const p = await a.works.read(OPERATOR, plain.workId!);
  assert.deepEqual([p.title, p.rating, p.warnings, p.fandoms, p.language, p.creators.map((c) => c.name)], [
    'The Long Way Home', 'Not Rated', ['Creator Chose Not To Use Archive Warnings'], ['Uncategorized'], 'en', ['Anonymous'],
  ]);
});

test('failures read "file: reason" and leave nothing half-written', async () => {
  const a = await testArchive();
  const short = await importBuffer(a, 'short.txt', new TextEncoder().encode('## One\n\nLong enough text here.\n\n## Two\n\nTiny.'));
  assert.equal(short.status, 'failed');
  assert.equal(short.error, 'short.txt: chapters[2].text: is 5 characters; at least 10 are needed');
  assert.deepEqual([short.workId, short.title, short.words, short.chapters], [null, null, null, null]);
  const broken = await importBuffer(a, 'broken.txt', fixture('front-matter-broken.txt'));
  assert.match(broken.error!, /^broken\.txt:\d+: front matter: Missing closing "quote$/);
  const pdf = await importBuffer(a, 'story.pdf', new Uint8Array([1, 2, 3]));
  assert.equal(pdf.error, 'story.pdf: unsupported format (Quire imports .txt, .md, .markdown, .html, .htm, .epub)');
  const future = await importBuffer(a, 'f.txt', new TextEncoder().encode('---\npublished: 2999-01-01\n---\nA story from the future.'));
  assert.equal(future.error, 'f.txt: publishedOn: 2999-01-01 is in the future');
  assert.equal((await a.works.list(OPERATOR)).total, 0);
  assert.equal((await a.store.db.selectFrom('chapters').select('id').execute()).length, 0);
  const missing = await importFile(a, path.join(os.tmpdir(), 'quire-no-such-file.txt'));
  assert.match(missing.error!, /quire-no-such-file\.txt: no such file$/);
});

test('a 2 MB single paragraph imports quickly, split into parts under the chapter limit', async () => {
  const a = await testArchive();
  const sentence = 'the lamp burned all night & nobody in the harbour slept much. ';
  const text = sentence.repeat(Math.ceil(2_000_000 / sentence.length));
  const start = performance.now();
  const r = await importBuffer(a, 'huge.txt', new TextEncoder().encode(text));
  const ms = performance.now() - start;
  assert.equal(r.status, 'created', r.error ?? '');
  assert.ok(ms < 15_000, `took ${ms} ms`);
  assert.ok(r.chapters! >= 5, `${r.chapters} chapters`);
  assert.equal(r.words, 11 * Math.ceil(2_000_000 / sentence.length));
  assert.match(r.warnings[0]!, /^chapter 1 has 2,\d{3},\d{3} characters, over the limit of 510,000 per chapter; it was split into \d chapters$/);
  const w = await a.works.read(OPERATOR, r.workId!);
  assert.deepEqual(w.chapters.map((c) => c.title), ['', ...w.chapters.slice(1).map((c) => `Part ${c.position}`)]);
  for (const c of w.chapters) {
    assert.ok(c.html.length <= LIMITS.chapterMax);
    assert.match(c.html, /^<p>the lamp burned[^<]*slept much\.\s*<\/p>$/);
  }
});

test('importPaths: a directory recursively, bad files reported, others imported, progress told', async () => {
  const a = await testArchive();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-import-'));
  try {
    fs.mkdirSync(path.join(dir, 'b-nested'));
    fs.copyFileSync(path.join(FIXTURES, 'chapters.md'), path.join(dir, 'a-tide.md'));
    fs.copyFileSync(path.join(FIXTURES, 'binary.txt'), path.join(dir, 'b-nested', 'broken.txt'));
    fs.copyFileSync(path.join(FIXTURES, 'scripts.html'), path.join(dir, 'b-nested', 'door.HTM'));
    fs.writeFileSync(path.join(dir, 'cover.jpg'), 'not imported');
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'hidden files are left out');
    const events: ImportProgress[] = [];
    const summary = await importPaths(a, [dir, path.join(dir, 'cover.jpg')], {}, (p) => events.push(p));
    assert.deepEqual(summary.results.map((r) => [path.relative(dir, r.file), r.status]), [
      ['a-tide.md', 'created'], ['b-nested/broken.txt', 'failed'], ['b-nested/door.HTM', 'created'], ['cover.jpg', 'failed'],
    ]);
    assert.deepEqual(summary.skipped.map((f) => path.relative(dir, f)), ['cover.jpg']);
    assert.deepEqual([summary.created, summary.unchanged, summary.failed], [2, 0, 2]);
    assert.match(summary.results[3]!.error!, /cover\.jpg: unsupported format/);
    assert.deepEqual(events.map((e) => [e.done, e.total]), [[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
    const again = await importPaths(a, [dir]);
    assert.deepEqual([again.created, again.unchanged, again.failed], [0, 2, 1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
