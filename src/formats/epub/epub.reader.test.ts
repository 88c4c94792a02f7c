import { test } from 'node:test';
import assert from 'node:assert/strict';
import { richWork } from '../../../test/downloads/fixtures.ts';
import { testArchive } from '../../../test/factories.ts';
import { workShowJson } from '../../cli/commands/works.format.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { importBuffer } from '../import.service.ts';
import { readerFor } from '../registry.ts';
import { readEpub } from './epub.reader.ts';
import { writeEpub } from './epub.writer.ts';
import { writeZip } from './zip.ts';

const ctx = { archiveName: 'Quire Test Archive', baseUrl: 'https://archive.example' };

test('the EPUB reader is registered for .epub', () => {
  assert.equal(readerFor('Book.EPUB')?.name, 'epub');
});

test('export then import gives the same work, field by field', async () => {
  const source = await testArchive();
  const created = await source.works.create(richWork());
  const original = await source.works.read(OPERATOR, created.id);
  const bytes = writeEpub(original, ctx);

  const target = await testArchive();
  await target.works.create(richWork({ title: 'Another work first, so ids differ', series: [] }));
  const result = await importBuffer(target, 'ledger.epub', bytes);
  assert.equal(result.status, 'created', result.error ?? '');
  assert.deepEqual(result.warnings, []);
  const imported = await target.works.read(OPERATOR, result.workId!);

  const a = workShowJson(original);
  const b = workShowJson(imported);
  assert.notEqual(a.id, b.id);
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    if (key === 'id') continue;
    if (key === 'series') {
      assert.deepEqual(b.series.map((s) => [s.title, s.position]), a.series.map((s) => [s.title, s.position]), 'series');
      continue;
    }
    assert.deepEqual(b[key], a[key], `field ${key}`);
  }
  await source.close();
  await target.close();
});

test('importing the same EPUB again is a no-op', async () => {
  const archive = await testArchive();
  const w = await archive.works.create(richWork());
  const bytes = writeEpub(await archive.works.read(OPERATOR, w.id), ctx);
  const first = await importBuffer(archive, 'a.epub', bytes);
  const again = await importBuffer(archive, 'a.epub', bytes);
  assert.equal(again.status, 'unchanged');
  assert.equal(again.workId, first.workId);
  await archive.close();
});

/** A small EPUB as other tools write them (Sigil, calibre): files by path. */
function epub(files: Record<string, string>): Buffer {
  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>' },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
  ], '2020-01-01');
}

const xhtml = (body: string) => `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title><style>p { margin: 0 }</style></head><body>${body}</body></html>`;

test('an EPUB 2 book (NCX only): Dublin Core metadata, AO3-style subjects, calibre series, chapters named by the NCX', () => {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:title>Letters from the Lighthouse</dc:title>
<dc:creator opf:role="aut" opf:file-as="Gull, Mara">Mara Gull</dc:creator>
<dc:creator opf:role="edt">An Editor</dc:creator>
<dc:language>fr</dc:language>
<dc:description>The keeper writes home.

Every week, without fail.</dc:description>
<dc:subject>Mature</dc:subject>
<dc:subject>Gen</dc:subject>
<dc:subject>Epistolary, Slow Burn</dc:subject>
<dc:date opf:event="modification">2021-01-01</dc:date>
<dc:date opf:event="publication">2019-04-05</dc:date>
<dc:identifier id="id">urn:isbn:000</dc:identifier>
<meta name="calibre:series" content="Coastal Letters"/>
<meta name="calibre:series_index" content="3.0"/>
<meta name="cover" content="cover-img"/>
</metadata>
<manifest>
<item id="cover" href="Text/cover.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="Text/one.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="Text/two%20words.xhtml" media-type="application/xhtml+xml"/>
<item id="cover-img" href="Images/cover.jpg" media-type="image/jpeg"/>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
</manifest>
<spine toc="ncx"><itemref idref="cover"/><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>`;
  const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>x</text></docTitle><navMap>
<navPoint id="a" playOrder="1"><navLabel><text>The First Letter</text></navLabel><content src="Text/one.xhtml"/></navPoint>
<navPoint id="b" playOrder="2"><navLabel><text>Second Letter</text></navLabel><content src="Text/two%20words.xhtml#start"/></navPoint>
</navMap></ncx>`;
  const bytes = epub({
    'OPS/book.opf': opf,
    'OPS/toc.ncx': ncx,
    'OPS/Text/cover.xhtml': xhtml('<div><img src="../Images/cover.jpg" alt=""/></div>'),
    'OPS/Text/one.xhtml': xhtml('<h1>The First Letter</h1><p>Dear sister, the lamp is lit&nbsp;again.</p><p><img src="../Images/gull.png" alt="a gull"/> and <a href="two%20words.xhtml">the next letter</a>.</p>'),
    'OPS/Text/two words.xhtml': xhtml('<h2 id="start">II</h2><p>Dear sister, the fog came in on Tuesday.</p>'),
    'OPS/Images/cover.jpg': 'not really a jpeg',
  });
  const parsed = readEpub(bytes, { fileName: 'letters.epub' });
  assert.equal(parsed.meta.title, 'Letters from the Lighthouse');
  assert.deepEqual(parsed.meta.creators, ['Mara Gull']);
  assert.equal(parsed.meta.language, 'fr');
  assert.equal(parsed.meta.summary, '<p>The keeper writes home.</p><p>Every week, without fail.</p>');
  assert.equal(parsed.meta.rating, 'Mature');
  assert.deepEqual(parsed.meta.categories, ['Gen']);
  assert.deepEqual(parsed.meta.tags, ['Epistolary', 'Slow Burn']);
  assert.equal(parsed.meta.publishedOn, '2019-04-05');
  assert.deepEqual(parsed.meta.series, [{ title: 'Coastal Letters', position: 3 }]);
  assert.deepEqual(parsed.chapters.map((c) => c.title), ['The First Letter', 'Second Letter']);
  assert.equal(parsed.chapters[0]!.html, '<p>Dear sister, the lamp is lit&nbsp;again.</p><p><span>[a gull]</span> and <a>the next letter</a>.</p>');
  assert.match(parsed.chapters[1]!.html, /^<h2 id="start">II<\/h2><p>Dear sister, the fog came in on Tuesday.<\/p>$/);
  assert.deepEqual(parsed.warnings, ['1 page without text (cover, images) skipped']);
});

test('an EPUB 3 book with a nav document: nav page skipped, titles from the nav, collections as series', async () => {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:0b0e4f3c-1111-4222-8333-444455556666</dc:identifier>
<dc:title id="t1">Small Hours</dc:title>
<meta refines="#t1" property="title-type">main</meta>
<dc:title id="t2">A Subtitle</dc:title>
<meta refines="#t2" property="title-type">subtitle</meta>
<dc:creator id="c1">Wren Alder</dc:creator>
<meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
<dc:creator id="c2">Ill Ustrator</dc:creator>
<meta refines="#c2" property="role" scheme="marc:relators">ill</meta>
<dc:language>en-GB</dc:language>
<dc:description>&lt;p&gt;Night &lt;em&gt;shift&lt;/em&gt; stories.&lt;/p&gt;</dc:description>
<dc:date>2999-01-01</dc:date>
<meta property="dcterms:modified">2022-02-02T00:00:00Z</meta>
<meta property="belongs-to-collection" id="s">Night Shifts</meta>
<meta refines="#s" property="collection-type">series</meta>
<meta refines="#s" property="group-position">1</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>
<item id="notes" href="notes.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="nav"/><itemref idref="a"/><itemref idref="b"/><itemref idref="notes" linear="no"/></spine>
</package>`;
  const nav = xhtml('<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><ol><li><a href="a.xhtml">One: The Bakery</a></li><li><a href="b.xhtml">Two: The Depot</a></li></ol></nav>');
  const bytes = epub({
    'OPS/book.opf': opf,
    'OPS/nav.xhtml': nav,
    'OPS/a.xhtml': xhtml('<section><p>The ovens warm before anyone is awake.</p><br/><p>Flour on every sill.</p></section>'),
    'OPS/b.xhtml': xhtml('<p>Buses sleep in rows under the yellow lamps.</p>'),
    'OPS/notes.xhtml': xhtml('<p>Notes that are not part of the reading order.</p>'),
  });
  const parsed = readEpub(bytes, { fileName: 'hours.epub' });
  assert.equal(parsed.meta.title, 'Small Hours');
  assert.deepEqual(parsed.meta.creators, ['Wren Alder']);
  assert.equal(parsed.meta.language, 'en-GB');
  assert.equal(parsed.meta.summary, '<p>Night <em>shift</em> stories.</p>');
  assert.equal(parsed.meta.publishedOn, undefined, 'a future date is ignored');
  assert.deepEqual(parsed.meta.series, [{ title: 'Night Shifts', position: 1 }]);
  assert.deepEqual(parsed.chapters.map((c) => c.title), ['One: The Bakery', 'Two: The Depot']);
  assert.equal(parsed.chapters[0]!.html, '<section><p>The ovens warm before anyone is awake.</p><br><p>Flour on every sill.</p></section>');

  const archive = await testArchive();
  const result = await importBuffer(archive, 'hours.epub', bytes);
  assert.equal(result.status, 'created', result.error ?? '');
  const work = await archive.works.read(OPERATOR, result.workId!);
  assert.equal(work.rating, 'Not Rated');
  assert.deepEqual(work.fandoms, ['Uncategorized']);
  assert.equal(work.chapters.length, 2);
  await archive.close();
});

test('broken EPUBs fail with a message naming the file and the problem', async () => {
  const archive = await testArchive();
  const cases: [Buffer, RegExp][] = [
    [Buffer.from('plain text, not a zip file at all'), /^x\.epub: not a readable EPUB \(ZIP\) file: no end-of-archive record$/],
    [writeZip([{ name: 'mimetype', data: 'application/epub+zip', store: true }], '2020-01-01'), /^x\.epub: not a valid EPUB: META-INF\/container\.xml is missing$/],
    [epub({ 'OPS/book.opf': '<package version="3.0"><metadata/><manifest/><spine/></package>' }), /empty spine/],
    [epub({ 'OPS/book.opf': '<package version="3.0"><metadata/><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>', 'OPS/a.xhtml': xhtml('<p> </p>') }), /no pages with story text/],
  ];
  for (const [bytes, message] of cases) {
    const r = await importBuffer(archive, 'x.epub', bytes);
    assert.equal(r.status, 'failed');
    assert.match(r.error ?? '', message);
  }
  await archive.close();
});
