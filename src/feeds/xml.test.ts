import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderAtom } from './atom.ts';
import { parseFeed } from './feedparser.testing.ts';
import { el, text, xmlDocument, xmlEscape } from './xml.ts';

test('text and attributes are escaped, and characters XML forbids are dropped', () => {
  assert.equal(xmlEscape('a & <b> "c"'), 'a &amp; &lt;b&gt; &quot;c&quot;');
  assert.equal(xmlEscape('bell\u0007 tab\t nul\u0000 \uFFFF end'), 'bell tab\t nul  end');
  assert.equal(xmlEscape('lone \uD800 surrogate'), 'lone \uFFFD surrogate');
  assert.equal(
    xmlDocument(el('a', { href: 'x?a=1&b=2', gone: undefined }, [text('b', '<i>'), el('c')])),
    '<?xml version="1.0" encoding="utf-8"?>\n<a href="x?a=1&amp;b=2">\n  <b>&lt;i&gt;</b>\n  <c/>\n</a>\n',
  );
});

test('a feed with hostile titles and summaries stays well-formed for a real parser', (t) => {
  const nasty = 'Title </title><script>alert(1)</script> \u0001 & ]]> \uDC00';
  const xml = renderAtom({
    id: 'urn:uuid:00000000-0000-5000-8000-000000000000',
    title: nasty,
    updated: '2024-01-01T00:00:00Z',
    links: [{ rel: 'self', href: 'https://example.org/feed.atom?a=1&b=2' }],
    entries: [{
      id: 'urn:uuid:00000000-0000-5000-8000-000000000001',
      title: nasty,
      updated: '2024-01-01T00:00:00Z',
      authors: [{ name: 'A & B' }],
      links: [],
      categories: [{ term: 'F/M "quoted"' }],
      summary: { type: 'html', value: '<p>Fine & <em>dandy</em></p>' },
    }],
  });
  const parsed = parseFeed(t, xml);
  if (!parsed) return;
  assert.equal(parsed.bozo, 0, String(parsed.bozoException));
  assert.equal(parsed.entries[0]!.title, 'Title </title><script>alert(1)</script>  & ]]> \uFFFD');
  assert.deepEqual(parsed.entries[0]!.tags, ['F/M "quoted"']);
});

test('the feed checker notices a broken feed (so a passing check means something)', (t) => {
  const parsed = parseFeed(t, '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</entry></feed>');
  if (!parsed) return;
  assert.equal(parsed.bozo, 1);
});
