import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from './sanitize.ts';
import { splitLongChapters, splitText } from './split.ts';

test('chapters under the limit are left alone', () => {
  const chapters = [{ title: 'A', html: '<p>short</p>' }];
  assert.deepEqual(splitLongChapters(chapters, 100), { chapters, warnings: [], added: 0 });
});

test('a long chapter is split at paragraph boundaries; titles, notes and order are kept', () => {
  const paras = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} of the long chapter, written out.</p>`);
  const r = splitLongChapters([{ title: 'Storm', notes: '<p>n</p>', endNotes: '<p>e</p>', html: paras.join('\n') }], 400);
  assert.ok(r.chapters.length > 1);
  assert.equal(r.added, r.chapters.length - 1);
  assert.match(r.warnings[0]!, /^chapter 1 \("Storm"\) has 1,[0-9]{3} characters, over the limit of 400 per chapter; it was split into \d+ chapters$/);
  assert.deepEqual(r.chapters.map((c) => c.title), ['Storm', ...r.chapters.slice(1).map((_, i) => `Storm (part ${i + 2})`)]);
  assert.equal(r.chapters[0]!.notes, '<p>n</p>');
  assert.equal(r.chapters.at(-1)!.endNotes, '<p>e</p>');
  assert.ok(r.chapters.slice(0, -1).every((c) => c.endNotes === undefined));
  for (const c of r.chapters) {
    assert.ok(c.html.length <= 400, `${c.html.length}`);
    assert.match(c.html, /^<p>Paragraph \d+[^<]*<\/p>(\s*<p>Paragraph \d+[^<]*<\/p>)*$/, 'whole paragraphs only');
  }
  const joined = r.chapters.map((c) => htmlToText(c.html)).join('\n');
  assert.deepEqual(joined.match(/Paragraph \d+/g), paras.map((_, i) => `Paragraph ${i}`));
});

test('one huge paragraph is split at sentence ends, each part a paragraph, untitled parts named Part N', () => {
  const sentence = 'The tide & the moon argued again. ';
  const html = `<p>${sentence.repeat(100).replace(/&/g, '&amp;')}</p>`;
  const r = splitLongChapters([{ html }], 1000);
  assert.deepEqual(r.chapters.map((c) => c.title), [undefined, ...r.chapters.slice(1).map((_, i) => `Part ${i + 2}`)]);
  for (const c of r.chapters) {
    assert.ok(c.html.length <= 1000);
    assert.match(c.html, /^<p>The tide &amp; the moon[^<]*again\.\s*<\/p>$/, c.html.slice(-60));
  }
  assert.equal(r.chapters.map((c) => htmlToText(c.html)).join(' ').match(/argued again/g)!.length, 100);
});

test('splitText: no sentence ends → spaces; no spaces → hard cut; escaping counted', () => {
  const words = splitText('word '.repeat(100), 52);
  assert.ok(words.every((c) => c.length <= 52 && /^(word )+$/.test(c)), JSON.stringify(words));
  const solid = splitText('x'.repeat(250), 100);
  assert.deepEqual(solid.map((c) => c.length), [100, 100, 50]);
  const amp = splitText('&'.repeat(50), 20);
  assert.ok(amp.every((c) => c.length <= 20));
  assert.equal(amp.join('').length, 250);
  const emoji = splitText('😀'.repeat(10), 5);
  assert.equal(emoji.join(''), '😀'.repeat(10));
  assert.ok(emoji.every((c) => [...c].every((ch) => ch === '😀')), 'never inside a surrogate pair');
});
