import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../../../test/fixtures/import/fixtures.ts';
import { markdownReader } from './markdown.reader.ts';

const parse = (text: string) => markdownReader.read(new TextEncoder().encode(text), { fileName: 'story.md' });

test('the Markdown fixture: front matter, # title, ## chapters, notes, links kept', async () => {
  const w = await markdownReader.read(fixture('chapters.md'), { fileName: 'chapters.md' });
  assert.equal(w.meta.title, 'Tide Tables');
  assert.deepEqual(w.meta.fandoms, ['Saltmarsh Chronicles']);
  assert.equal(w.meta.notes, '<p>written on a train, forgive the typos.</p>\n');
  assert.equal(w.meta.endNotes, '<p>the gull is based on a real gull.</p>\n');
  assert.deepEqual(w.chapters.map((c) => c.title), ['Low Water', 'High Water']);
  assert.match(w.chapters[0]!.html, /causeway <em>appeared<\/em>/);
  assert.match(w.chapters[1]!.html, /<a href="https:\/\/example\.org\/gulls">very patient<\/a>/);
  assert.match(w.chapters[1]!.html, /<blockquote>\s*<p>The gull did not help\.<\/p>\s*<\/blockquote>\s*$/);
});

test('several # headings are the chapters; ## inside them are sections', async () => {
  const w = await parse('# One\n\nFirst text here.\n\n## A scene\n\nMore.\n\n# Two\n\nSecond text here.');
  assert.deepEqual(w.chapters.map((c) => c.title), ['One', 'Two']);
  assert.match(w.chapters[0]!.html, /<h2>A scene<\/h2>/);
  assert.equal(w.meta.title, undefined);
});

test('no headings: one untitled chapter; heading markup in titles becomes text', async () => {
  const plain = await parse('Just *one* paragraph.');
  assert.deepEqual(plain.chapters, [{ html: '<p>Just <em>one</em> paragraph.</p>\n' }]);
  const w = await parse('## Chapter 1: The *Big* Day\n\nText & more text.');
  assert.equal(w.chapters[0]!.title, 'The Big Day');
});

test('code blocks are not chapter breaks; run-in notes are split off', async () => {
  const w = await parse('Before.\n\n```\n## not a heading\n```\n\nThe end. A/N: thanks for reading!');
  assert.equal(w.chapters.length, 1);
  assert.match(w.chapters[0]!.html, /## not a heading/);
  assert.match(w.chapters[0]!.html, /<p>The end\.<\/p>\n$/);
  assert.equal(w.meta.endNotes, '<p>thanks for reading!</p>\n');
});

test('front-matter summary is Markdown', async () => {
  const w = await parse('---\nsummary: "A *very* short one."\n---\nText of the story.');
  assert.equal(w.meta.summary, '<p>A <em>very</em> short one.</p>\n');
});
