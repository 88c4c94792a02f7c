import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { parseDocument } from 'htmlparser2';
import { findAll, textContent } from 'domutils';
import { minimalWork, richWork } from '../../../test/downloads/fixtures.ts';
import { testArchive } from '../../../test/factories.ts';
import { OPERATOR } from '../../works/visibility.ts';
import type { WorkInput } from '../../works/work.types.ts';
import { writeHtml } from './html.export.ts';
import { htmlBlocks } from './pdf.blocks.ts';
import { writePdf } from './pdf.export.ts';
import { pdfSupport } from './pdf.fonts.ts';
import { htmlToPlainText } from './plain-text.ts';
import { writeText } from './text.export.ts';

const ctx = { archiveName: 'Quire Test Archive', baseUrl: 'https://archive.example' };

async function read(input: WorkInput) {
  const archive = await testArchive();
  const w = await archive.works.create(input);
  const work = await archive.works.read(OPERATOR, w.id);
  await archive.close();
  return work;
}

test('htmlToPlainText: blank line between paragraphs, line breaks kept, lists, quotes, rules, images', () => {
  assert.equal(htmlToPlainText('<p>One</p><p>Two<br />lines</p>'), 'One\n\nTwo\nlines');
  assert.equal(htmlToPlainText('<p>Hello <em>there</em>,\n   friend.</p>'), 'Hello there, friend.');
  assert.equal(htmlToPlainText('<blockquote><p>Quoted</p><p>twice</p></blockquote>'), '    Quoted\n\n    twice');
  assert.equal(htmlToPlainText('<ul><li>a</li><li>b</li></ul><ol start="3"><li>c</li></ol>'), '• a\n• b\n\n3. c');
  assert.equal(htmlToPlainText('<p>x</p><hr /><p>y</p>'), 'x\n\n* * *\n\ny');
  assert.equal(htmlToPlainText('<pre>  indented\n    more</pre>'), '  indented\n    more');
  assert.equal(htmlToPlainText('<p><img src="https://i.example/c.png" alt="a cat" /> &amp; &lt;tags&gt;</p>'), '[Image: a cat] & <tags>');
});

test('TXT: metadata header, summary, notes, then chapters with headings and notes, end notes last', async () => {
  const work = await read(richWork());
  const text = writeText(work, ctx).toString('utf8');
  const lines = text.split('\n');
  assert.equal(lines[0], 'The Lamplighter’s Ledger & Other “Accounts”');
  assert.equal(lines[1], 'by inkwell and second_pen');
  assert.ok(lines.includes('Rating: Teen And Up Audiences'));
  assert.ok(lines.includes('Fandoms: Saltmarsh Chronicles, 灯台物語'));
  assert.ok(lines.includes('Series: Part 2 of The Harbour Cycle, Part 1 of Winter Exchange Pieces'));
  assert.ok(lines.includes(`Posted on Quire Test Archive at https://archive.example/works/${work.id}`));
  const order = ['Summary:', 'Notes:', 'Chapter 1: The First Night', 'Chapter Summary:', 'Chapter Notes:', 'Ada struck the match twice before it caught.', 'Chapter End Notes:', 'Chapter 2: Awkward Markup', 'Chapter 3', 'End Notes:', 'Thank you for reading to the end.'];
  let at = -1;
  for (const l of order) {
    const i = lines.indexOf(l, at + 1);
    assert.ok(i > at, `"${l}" after line ${at}`);
    at = i;
  }
  assert.ok(text.includes('灯台の火は、冬の間ずっと燃えていた。'));
  assert.doesNotMatch(text, /<[a-z]|&amp;|\n\n\n/);
  assert.ok(text.endsWith('Thank you for reading to the end.\n'));
});

test('HTML: one standalone document with embedded CSS, the metadata block, a contents list and every chapter', async () => {
  const work = await read(richWork());
  const html = writeHtml(work, ctx).toString('utf8');
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(html, /<style>[\s\S]+<\/style>/);
  assert.doesNotMatch(html, /<link |<script|src="\/|href="\//, 'nothing to fetch, no site-relative links');
  const doc = parseDocument(html);
  const by = (name: string, cls?: string) => findAll((e) => e.name === name && (!cls || (e.attribs.class ?? '').split(' ').includes(cls)), doc.children);
  assert.equal(textContent(by('title')[0]!), work.title);
  assert.equal(by('h1', 'work-title').length, 1);
  assert.deepEqual(findAll((e) => e.name === 'dt', by('dl', 'work-meta')[0]!.children).map((d) => textContent(d)), ['Rating:', 'Archive Warnings:', 'Categories:', 'Fandoms:', 'Relationships:', 'Characters:', 'Additional Tags:', 'Language:', 'Series:', 'Stats:']);
  assert.deepEqual(by('a').filter((a) => a.attribs.href?.startsWith('#chapter-')).map((a) => a.attribs.href), ['#chapter-1', '#chapter-2', '#chapter-3']);
  assert.equal(by('section', 'chapter').length, 3);
  assert.ok(html.includes(work.chapters[1]!.html), 'chapter HTML as stored');
  assert.match(html, /data-quire="afterword"[\s\S]*Thank you for reading/);
  assert.doesNotMatch(html, /epub:type/);
});

test('PDF: a PDF file with the work in its info and the DejaVu fonts embedded', { skip: pdfSupport().ok ? false : 'the DejaVu fonts are not installed (fonts-dejavu-core)' }, async () => {
  const work = await read(richWork());
  const pdf = await writePdf(work, ctx);
  assert.equal(pdf.toString('latin1', 0, 5), '%PDF-');
  assert.match(pdf.toString('latin1', pdf.length - 8), /%%EOF/);
  const raw = pdf.toString('latin1');
  assert.match(raw, /\/FontName \/[A-Z]{6}\+DejaVuSerif\b/);
  assert.match(raw, /\/FontName \/[A-Z]{6}\+DejaVuSerif-Bold\b/);
  assert.match(raw, /\/Title \d+ 0 R/);
  assert.match(raw, /\/URI \(https:\/\/archive\.example\/works\/\d+\)/, 'the work link is a link');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      return '';
    }
  });
  const pages = streams.filter((s) => /\bBT\b[\s\S]*\bTJ\b/.test(s));
  assert.ok(pages.length >= 5, `title page, three chapters, end notes: ${pages.length} text pages`);
  const same = await writePdf(work, ctx);
  assert.deepEqual(same, pdf, 'the same work gives the same PDF');
  const small = await writePdf(await read(minimalWork()), ctx);
  assert.ok(small.length < pdf.length);
});

test('PDF blocks: headings, list bullets, quotes indented, styles as runs, rules', () => {
  const blocks = htmlBlocks('<h2>Title</h2><p>Plain <em>soft</em> <strong><em>both</em></strong></p><ul><li>one</li></ul><blockquote><p>far</p></blockquote><hr /><p align="center">mid</p>');
  assert.deepEqual(blocks.map((b) => [b.heading, b.indent, b.align, b.rule ?? false, b.runs.map((r) => r.text).join('')]), [
    [2, 0, 'left', false, 'Title'],
    [0, 0, 'left', false, 'Plain soft both'],
    [0, 1, 'left', false, '• one'],
    [0, 1, 'left', false, 'far'],
    [0, 0, 'center', true, ''],
    [0, 0, 'center', false, 'mid'],
  ]);
  assert.deepEqual(blocks[1]!.runs.map((r) => [r.text, !!r.italic, !!r.bold]), [['Plain ', false, false], ['soft', true, false], [' ', false, false], ['both', true, true]]);
});
