import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element } from 'domhandler';
import { findAll, textContent } from 'domutils';
import { minimalWork, richWork } from '../../../test/downloads/fixtures.ts';
import { testArchive } from '../../../test/factories.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { openBook, parseXml } from './epub.book.ts';
import { readZip } from './unzip.ts';
import { epubIdentifier, writeEpub } from './epub.writer.ts';
import { uuidV5 } from './uuid.ts';

const ctx = { archiveName: 'Quire Test Archive', baseUrl: 'https://archive.example' };

async function book(input = richWork()) {
  const archive = await testArchive();
  const created = await archive.works.create(input);
  const work = await archive.works.read(OPERATOR, created.id);
  const bytes = writeEpub(work, ctx);
  await archive.close();
  return { work, bytes, files: readZip(bytes) };
}

const text = (el: Element) => textContent(el).trim();

test('uuidV5 gives RFC 4122 name-based UUIDs; the identifier is stable per work URL', () => {
  assert.equal(uuidV5('http://www.python.org/'), 'c2a8cbf8-d0f1-5ef4-9740-c3faec8ab1a0');
  assert.equal(epubIdentifier(ctx, 7), `urn:uuid:${uuidV5('https://archive.example/works/7')}`);
  assert.notEqual(epubIdentifier(ctx, 7), epubIdentifier({ ...ctx, baseUrl: 'https://other.example' }, 7));
});

test('the ZIP: mimetype first and stored, container pointing at the package, every file listed', async () => {
  const { bytes, files } = await book();
  assert.equal(bytes.toString('ascii', 30, 38), 'mimetype');
  assert.equal(bytes.readUInt16LE(8), 0);
  assert.equal(files.get('mimetype')!.toString(), 'application/epub+zip');
  assert.match(files.get('META-INF/container.xml')!.toString(), /full-path="OEBPS\/content.opf"/);
  const names = [...files.keys()];
  for (const f of ['OEBPS/content.opf', 'OEBPS/nav.xhtml', 'OEBPS/toc.ncx', 'OEBPS/cover.svg', 'OEBPS/cover.xhtml', 'OEBPS/title.xhtml', 'OEBPS/style.css', 'OEBPS/chapter-0001.xhtml', 'OEBPS/chapter-0003.xhtml', 'OEBPS/afterword.xhtml']) {
    assert.ok(names.includes(f), `${f} is in the EPUB`);
  }
});

test('the same work revision gives the same bytes', async () => {
  const archive = await testArchive();
  const w = await archive.works.create(richWork());
  const work = await archive.works.read(OPERATOR, w.id);
  assert.deepEqual(writeEpub(work, ctx), writeEpub(structuredClone(work), ctx));
  await archive.close();
});

test('OPF metadata: Dublin Core, creators with roles, typed subjects, series both ways, source and identifier', async () => {
  const { work, files } = await book();
  const opf = parseXml(files.get('OEBPS/content.opf')!.toString());
  const all = (name: string) => findAll((e) => e.name === name, opf.children);
  const meta = (property: string) => all('meta').filter((m) => m.attribs.property === property).map(text);
  const refines = (id: string, property: string) => all('meta').find((m) => m.attribs.refines === `#${id}` && m.attribs.property === property);

  assert.deepEqual(all('dc:title').map(text), ['The Lamplighter’s Ledger & Other “Accounts”']);
  const creators = all('dc:creator');
  assert.deepEqual(creators.map(text), ['inkwell', 'second_pen']);
  for (const c of creators) {
    const role = refines(c.attribs.id!, 'role');
    assert.equal(role && text(role), 'aut');
    assert.equal(role?.attribs.scheme, 'marc:relators');
  }
  assert.deepEqual(all('dc:language').map(text), ['en']);
  assert.deepEqual(all('dc:publisher').map(text), ['Quire Test Archive']);
  assert.deepEqual(all('dc:date').map(text), ['2023-05-01']);
  assert.deepEqual(meta('dcterms:modified'), ['2024-02-03T00:00:00Z']);
  assert.deepEqual(all('dc:description').map(text), ['Two clerks keep a harbour lamp burning through a winter of ledgers.\nA second paragraph of summary.']);
  assert.deepEqual(all('dc:source').map(text), [`https://archive.example/works/${work.id}`]);
  const id = all('dc:identifier');
  assert.equal(id.length, 1);
  assert.equal(text(id[0]!), epubIdentifier(ctx, work.id));
  assert.match(text(id[0]!), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

  const subjects = all('dc:subject').map((s) => [text(s), text(refines(s.attribs.id!, 'quire:tag-type')!)]);
  assert.deepEqual(subjects, [
    ['Saltmarsh Chronicles', 'fandom'], ['灯台物語', 'fandom'], ['Teen And Up Audiences', 'rating'],
    ['Graphic Depictions Of Violence', 'warning'], ['Major Character Death', 'warning'], ['F/F', 'category'], ['Multi', 'category'],
    ['Ada Reyes/Bea Lund', 'relationship'], ['Ada Reyes & Cyril', 'relationship'], ['Ada Reyes', 'character'], ['Bea Lund', 'character'],
    ['Cyril', 'character'], ['Slow Burn', 'additional'], ['Found Family', 'additional'], ['Ümlaut & Ampersand', 'additional'],
  ]);

  const collections = all('meta').filter((m) => m.attribs.property === 'belongs-to-collection');
  assert.deepEqual(collections.map((c) => [text(c), text(refines(c.attribs.id!, 'collection-type')!), text(refines(c.attribs.id!, 'group-position')!)]), [
    ['The Harbour Cycle', 'series', '2'],
    ['Winter Exchange Pieces', 'series', '1'],
  ]);
  const named = (name: string) => all('meta').find((m) => m.attribs.name === name)?.attribs.content;
  assert.equal(named('calibre:series'), 'The Harbour Cycle');
  assert.equal(named('calibre:series_index'), '2');
  assert.equal(named('cover'), 'cover-image');
  assert.deepEqual(meta('quire:complete'), ['false']);
  assert.deepEqual(meta('quire:expected-chapters'), ['5']);

  const cover = all('item').find((i) => i.attribs.id === 'cover-image');
  assert.equal(cover?.attribs.properties, 'cover-image');
  assert.equal(cover?.attribs['media-type'], 'image/svg+xml');
  assert.deepEqual(all('itemref').map((r) => r.attribs.idref), ['cover', 'title', 'chapter-1', 'chapter-2', 'chapter-3', 'afterword']);
});

test('nav and NCX list the title page, every chapter by its label, and the end notes; NCX uid matches', async () => {
  const { work, bytes, files } = await book();
  const opened = openBook(bytes);
  const labels = [...opened.tocLabels.entries()];
  assert.deepEqual(labels, [
    ['OEBPS/title.xhtml', 'Title Page'],
    ['OEBPS/chapter-0001.xhtml', 'Chapter 1: The First Night'],
    ['OEBPS/chapter-0002.xhtml', 'Chapter 2: Awkward Markup'],
    ['OEBPS/chapter-0003.xhtml', 'Chapter 3'],
    ['OEBPS/afterword.xhtml', 'End Notes'],
  ]);
  const ncx = files.get('OEBPS/toc.ncx')!.toString();
  assert.match(ncx, new RegExp(`<meta name="dtb:uid" content="${epubIdentifier(ctx, work.id)}"/>`));
  assert.equal(ncx.match(/<navPoint /g)?.length, 5);
});

test('title page carries every metadata row, summary and notes; chapters carry their notes; cover names the work', async () => {
  const { files } = await book();
  const title = files.get('OEBPS/title.xhtml')!.toString();
  for (const label of ['Rating:', 'Archive Warnings:', 'Categories:', 'Fandoms:', 'Relationships:', 'Characters:', 'Additional Tags:', 'Language:', 'Series:', 'Stats:']) {
    assert.ok(title.includes(`>${label}</dt>`), `${label} on the title page`);
  }
  assert.match(title, /Part 2 of <a href="https:\/\/archive.example\/series\/\d+">The Harbour Cycle<\/a>/);
  assert.match(title, /Published: 2023-05-01, Updated: 2024-02-03, Words: \d+, Chapters: 3\/5/);
  assert.match(title, /data-quire="summary"[\s\S]*harbour lamp/);
  assert.match(title, /data-quire="notes"[\s\S]*winter/);
  const first = files.get('OEBPS/chapter-0001.xhtml')!.toString();
  assert.match(first, /<h2 class="chapter-heading">Chapter 1: <span data-quire="title">The First Night<\/span><\/h2>/);
  assert.match(first, /Chapter Summary[\s\S]*Chapter Notes[\s\S]*data-quire="text"[\s\S]*Chapter End Notes/);
  assert.match(first, /<html [^>]*lang="en" xml:lang="en"/);
  assert.match(files.get('OEBPS/afterword.xhtml')!.toString(), /Thank you for reading to the end/);
  const svg = files.get('OEBPS/cover.svg')!.toString();
  assert.match(svg, /The Lamplighter’s Ledger &amp;/);
  assert.match(svg, /by inkwell and second_pen/);
  assert.match(svg, /Saltmarsh Chronicles, 灯台物語/);
});

test('a minimal work: one chapter titled by the work, no afterword, no description or series', async () => {
  const { files } = await book(minimalWork());
  assert.ok(!files.has('OEBPS/afterword.xhtml'));
  const opf = files.get('OEBPS/content.opf')!.toString();
  assert.doesNotMatch(opf, /dc:description|belongs-to-collection|calibre:series/);
  assert.match(files.get('OEBPS/chapter-0001.xhtml')!.toString(), /<h2 class="chapter-heading">Tide<\/h2>/);
});
