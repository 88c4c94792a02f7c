import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../../../test/fixtures/import/fixtures.ts';
import { buildWorkInput } from '../build-input.ts';
import { htmlReader } from './html.reader.ts';

const parse = (html: string) => htmlReader.read(new TextEncoder().encode(html), { fileName: 'story.html' });

test('scripts, event handlers, javascript: links and iframes are all removed', async () => {
  const parsed = await htmlReader.read(fixture('scripts.html'), { fileName: 'scripts.html' });
  assert.equal(parsed.meta.title, 'The Trap Door');
  const { input } = buildWorkInput(parsed, 'scripts.html');
  const html = input.chapters.map((c) => c.html).join('');
  for (const bad of ['<script', 'alert', 'document.write', 'onclick', 'onerror', 'onmouseover', 'onload', 'javascript:', '<iframe', 'evil.example', '<style', 'color: red', 'steal']) {
    assert.ok(!html.includes(bad), `${bad} removed from ${html}`);
  }
  assert.match(html, /<a rel="nofollow">Click for chapter two<\/a>/);
  assert.match(html, /<a href="https:\/\/example\.org\/map" rel="nofollow">a map<\/a>/);
  assert.match(html, /<img src="https:\/\/example\.org\/door\.png" alt="a door" \/> Pim went down/);
  assert.match(html, /<b>apples<\/b>/);
  assert.ok(!html.includes('<h1>'), 'the title heading is not repeated in the text');
});

test('chapters at <h2>, through wrapper divs; title from <title>', async () => {
  const w = await parse(`<html><head><title>Lanterns</title><meta name="author" content="quillmouse"><meta name="description" content="Lights & boats."></head>
    <body><div class="WordSection1"><p>Opening words before any chapter.</p>
    <div class="chapter"><h2>Chapter 1: Dusk</h2><p>First chapter text.</p></div>
    <div class="chapter"><h2>Chapter 2</h2><p>Second chapter text.</p><p>Notes: thanks for reading!</p></div></div></body></html>`);
  assert.equal(w.meta.title, 'Lanterns');
  assert.deepEqual(w.meta.creators, ['quillmouse']);
  assert.equal(w.meta.summary, '<p>Lights &amp; boats.</p>');
  assert.deepEqual(w.chapters.map((c) => [c.title, c.html]), [
    [undefined, '<p>Opening words before any chapter.</p>'],
    ['Dusk', '<p>First chapter text.</p>'],
    ['', '<p>Second chapter text.</p>'],
  ]);
  assert.equal(w.meta.endNotes, '<p>thanks for reading!</p>');
});

test('several <h1> are chapters; a lone <h1> is the title when there is no <title>', async () => {
  const many = await parse('<h1>Part One</h1><p>Text one is here.</p><h1>Part Two</h1><p>Text two is here.</p>');
  assert.deepEqual(many.chapters.map((c) => c.title), ['', '']);
  assert.equal(many.meta.title, undefined);
  const named = await parse('<h1>Ember</h1><p><b>A/N:</b> hello there.</p><p>The fire went out.</p>');
  assert.equal(named.meta.title, 'Ember');
  assert.equal(named.meta.notes, '<p>hello there.</p>');
  assert.deepEqual(named.chapters.map((c) => c.html), ['<p>The fire went out.</p>']);
});

test('a fragment without html or body tags, with loose text, imports', async () => {
  const w = await parse('Loose text first. <p>Then a paragraph.</p>');
  assert.equal(w.chapters.length, 1);
  assert.match(w.chapters[0]!.html, /Loose text first\./);
});

test('an HTML file with no text is refused', async () => {
  await assert.rejects(async () => parse('<html><body><script>x()</script></body></html>'), /story\.html: there is no story text/);
});
