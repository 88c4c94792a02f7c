import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../../../test/fixtures/import/fixtures.ts';
import { textReader } from './text.reader.ts';

const read = (name: string) => textReader.read(fixture(name), { fileName: name });
const parse = (text: string) => textReader.read(new TextEncoder().encode(text), { fileName: 'story.txt' });

test('blank lines make paragraphs, single newlines line breaks, text is escaped', async () => {
  const w = await parse('She said <b>hi</b> & left.\nThen came back.\n\n\n"Again," said Pell.');
  assert.equal(w.chapters.length, 1);
  assert.equal(w.chapters[0]!.html, '<p>She said &lt;b&gt;hi&lt;/b&gt; &amp; left.<br>\nThen came back.</p>\n<p>&quot;Again,&quot; said Pell.</p>');
  assert.equal(w.meta.title, undefined, 'the first paragraph is two lines of prose, not a title');
});

test('all lower case, one long paragraph, no line breaks: one paragraph, no title', async () => {
  const w = await read('lowercase-one-paragraph.txt');
  assert.equal(w.meta.title, undefined);
  assert.equal(w.chapters.length, 1);
  assert.match(w.chapters[0]!.html, /^<p>the rain did not stop[^<]*sorry<\/p>$/);
});

test('a short first line is the title; "by Name" under it is the creator', async () => {
  const w = await parse('The Quiet Harbour\nby gullwing\n\nThe boats came in at dusk.');
  assert.equal(w.meta.title, 'The Quiet Harbour');
  assert.deepEqual(w.meta.creators, ['gullwing']);
  assert.equal(w.chapters[0]!.html, '<p>The boats came in at dusk.</p>');
  const only = await parse('Just One Line');
  assert.equal(only.meta.title, undefined, 'the only paragraph is the story');
  const sentence = await parse('It rained.\n\nIt kept raining.');
  assert.equal(sentence.meta.title, undefined, 'a first line ending in a period is prose');
});

test('Windows-1252, UTF-8 BOM and CRLF files read cleanly', async () => {
  const cp = await read('windows-1252.txt');
  assert.match(cp.chapters[0]!.html, /^<p>“Café au lait,” she said — and the waiter’s pencil stopped\.<\/p>/);
  const bom = await read('utf8-bom.txt');
  assert.equal(bom.meta.title, 'The Ferry Song');
  assert.match(bom.chapters[0]!.html, /Maëlle/);
  const crlf = await read('crlf.txt');
  assert.equal(crlf.chapters[0]!.html, '<p>First paragraph, first line.<br>\nFirst paragraph, second line.</p>\n<p>Second paragraph with an old Mac ending.<br>\nAnd its second line.</p>\n<p>Third paragraph.</p>');
});

test('notes run into the end become end notes; the story keeps its last sentence', async () => {
  const w = await read('notes-run-in.txt');
  assert.equal(w.meta.endNotes, '<p>find me at tumblr — requests open! Thank you for reading.</p>');
  assert.match(w.chapters[0]!.html, /That was the end of the waiting\.<\/p>$/);
});

test('a leading A/N becomes the notes', async () => {
  const w = await read('leading-an.txt');
  assert.equal(w.meta.notes, '<p>This is for my sister, who asked for boats. Thanks to Pip for the beta!</p>');
  assert.match(w.chapters[0]!.html, /^<p>The boat was small/);
});

test('"notes:" in the middle of the story stays story', async () => {
  const w = await read('notes-in-middle.txt');
  assert.equal(w.meta.notes, undefined);
  assert.equal(w.meta.endNotes, undefined);
  assert.match(w.chapters[0]!.html, /<p>Notes: three spoons/);
  assert.match(w.chapters[0]!.html, /the word notes: and underlined/);
});

test('## markers make chapters; notes before the first and after the last go to the work', async () => {
  const w = await read('chapters.txt');
  assert.equal(w.meta.title, 'Three Bells');
  assert.equal(w.meta.notes, '<p>A little story in three parts.</p>');
  assert.equal(w.meta.endNotes, '<p>Bells are loud. Thank you for reading!</p>');
  assert.deepEqual(w.chapters.map((c) => c.title), ['Morning', '', 'Evening']);
  assert.equal(w.chapters[2]!.html, '<p>The third bell rang at dusk and the town went quiet to listen.</p>');
});

test('text before the first marker is an untitled chapter 1; notes inside middle chapters stay there', async () => {
  const w = await parse('A prologue of sorts, before anything.\n\n## Two\n\nA/N: this one was hard.\n\nChapter two text.\n\n## Three\n\nChapter three text.');
  assert.deepEqual(w.chapters.map((c) => [c.title, c.notes]), [[undefined, undefined], ['Two', '<p>this one was hard.</p>'], ['Three', undefined]]);
  assert.equal(w.meta.notes, undefined);
});

test('front matter sets metadata; its summary is plain text made into paragraphs', async () => {
  const w = await read('front-matter-full.txt');
  assert.equal(w.meta.title, 'Salt and Cinders');
  assert.equal(w.meta.summary, '<p>Two lighthouse keepers, one very long winter.</p>\n<p>A story about soup.</p>');
  assert.equal(w.meta.status, 'draft');
  assert.deepEqual(w.chapters.map((c) => c.title), ['The First Frost', 'Soup']);
});

test('front matter notes win; notes found in the text then stay with the chapter', async () => {
  const w = await parse('---\nnotes: from front matter\n---\nA/N: from the text\n\nThe story itself.');
  assert.equal(w.meta.notes, '<p>from front matter</p>');
  assert.equal(w.chapters[0]!.notes, '<p>from the text</p>');
});

test('a file with only front matter has no story', async () => {
  await assert.rejects(async () => parse('---\ntitle: Empty\n---\n\n'), /story\.txt: there is no story text after the front matter/);
});
