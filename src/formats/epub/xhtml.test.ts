import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { AWKWARD_HTML, randomHtml } from '../../../test/downloads/fixtures.ts';
import { sanitize } from '../sanitize.ts';
import { parseXhtml } from './epub.book.ts';
import { restoreHtml } from './restore.ts';
import { toXhtml } from './xhtml.ts';

/** The stored HTML a Quire EPUB's XHTML gives back (what the EPUB reader does). */
function roundTrip(html: string): string {
  const doc = parseXhtml(`<div>${toXhtml(html)}</div>`);
  const div = doc.children.find((n) => n.type === 'tag')!;
  return sanitize(restoreHtml((div as unknown as { children: never[] }).children));
}

/** A strict well-formedness check: every start tag closed in order, only XML's five entities. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)|<(?![/a-zA-Z])/gi)) {
    if (!m[2]) assert.fail(`stray & or < at ${m.index}: …${xml.slice(Math.max(0, m.index! - 20), m.index! + 20)}…`);
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `mismatched </${m[2]}> in ${xml}`);
    else stack.push(m[2]);
  }
  assert.deepEqual(stack, [], `unclosed elements in ${xml}`);
}

test('obsolete elements become valid ones with a class, noted for the way back', () => {
  assert.equal(toXhtml('<center>Fin<br /></center>'), '<div class="center" data-h="center">Fin<br/></div>');
  assert.equal(
    toXhtml(sanitize('<p align="center">A <big>b</big> <tt>t</tt> <strike>s</strike> <acronym title="x">AC</acronym></p>')),
    '<p class="align-center" data-h-align="center">A <span class="big" data-h="big">b</span> <span class="tt" data-h="tt">t</span> <s class="strike" data-h="strike">s</s> <abbr class="acronym" data-h="acronym" title="x">AC</abbr></p>',
  );
});

test('images cannot be fetched from an EPUB: a link to them with the alt text (or the alt text inside a link)', () => {
  assert.equal(
    toXhtml('<img src="https://images.example/cat.png" alt="a cat" />'),
    '<a class="image" href="https://images.example/cat.png" data-h="img" data-h-src="https://images.example/cat.png" data-h-alt="a cat">[Image: a cat]</a>',
  );
  assert.match(toXhtml('<a href="https://example.com/">see <img src="https://x.example/y.png" /></a>'), /^<a href="https:\/\/example.com\/">see <span class="image" data-h="img" data-h-src="[^"]+">\[Image\]<\/span><\/a>$/);
  assert.doesNotMatch(toXhtml('<img src="local.png" alt="here" />'), /href=/);
});

test('links: absolute ones kept, fragments only when their anchor is there, others lose the target', () => {
  const out = toXhtml('<a name="top">T</a> <a href="#top">up</a> <a href="#gone">x</a> <a href="page.html" rel="nofollow">y</a> <a href="mailto:a@example.com">m</a>');
  assert.equal(out, '<a id="top">T</a> <a href="#top">up</a> <a data-h-href="#gone">x</a> <a data-h-href="page.html" data-h-rel="nofollow">y</a> <a href="mailto:a@example.com">m</a>');
  const used = new Set(['chapter-1']);
  assert.equal(toXhtml('<a name="chapter-1">a</a><a name="chapter-1">b</a>', { usedIds: used }), '<a data-h-name="chapter-1">a</a><a data-h-name="chapter-1">b</a>');
  assert.equal(toXhtml('<a name="9 lives">a</a>'), '<a data-h-name="9 lives">a</a>');
  assert.equal(toXhtml('<a href="https://x.example/"><a name="n">in</a></a><a href="#n">to</a>'), '<a href="https://x.example/"><span data-h="a" data-h-name="n">in</span></a><a data-h-href="#n">to</a>');
});

test('blocks where only phrasing may go are demoted to spans; stray list and table content is wrapped', () => {
  assert.equal(toXhtml('<p>a<center>b</center>c</p>'), '<p>a<span class="h-center" data-h="center">b</span>c</p>');
  assert.equal(toXhtml('<em><p>x</p></em>'), '<em><span class="h-p" data-h="p">x</span></em>');
  assert.equal(toXhtml('<ul><p>s</p><li>ok</li>t</ul>'), '<ul><li data-h="+"><p>s</p></li><li>ok</li><li data-h="+">t</li></ul>');
  assert.equal(toXhtml('<table><td>c</td></table>'), '<table><tbody data-h="+"><tr data-h="+"><td>c</td></tr></tbody></table>');
  // A column group with text in it (found by the property test below) keeps the text, demoted.
  assert.equal(toXhtml('<table><colgroup>words</colgroup></table>'),
    '<table><tbody data-h="+"><tr data-h="+"><td data-h="+"><div class="h-colgroup" data-h="colgroup">words</div></td></tr></tbody></table>');
  assert.equal(roundTrip('<table><colgroup>words here</colgroup></table>'), '<table><colgroup>words here</colgroup></table>');
  // A no-break space is text, not the whitespace XHTML allows between table parts.
  assert.match(toXhtml('<table><colgroup>\u00a0</colgroup></table>'), /<div class="h-colgroup" data-h="colgroup">\u00a0<\/div>/);
  assert.match(toXhtml('<ul>\u00a0<li>a</li></ul>'), /^<ul><li data-h="\+">\u00a0<\/li><li>a<\/li><\/ul>$/);
  assert.equal(roundTrip('<table><colgroup>\u00a0</colgroup></table>'), '<table><colgroup>\u00a0</colgroup></table>');
  assert.equal(toXhtml('<li>alone</li>'), '<div class="h-li" data-h="li">alone</div>');
  assert.equal(toXhtml('<details><p>x</p></details>'), '<details><summary data-h="-">Details</summary><p>x</p></details>');
  assert.match(toXhtml('<dl>loose<dt>t</dt><dd>d</dd></dl>'), /^<div class="h-dl" data-h="dl">loose<div class="h-dt" data-h="dt">t<\/div>/);
});

test('text is escaped for XML and characters XML forbids are dropped', () => {
  assert.equal(toXhtml('<p>a &amp; b &lt;c&gt; "d" \u0001e\u00a0f</p>'), '<p>a &amp; b &lt;c&gt; "d" e\u00a0f</p>');
  assert.equal(toXhtml('<p title="say &quot;hi&quot; &amp; go">x</p>'), '<p title="say &quot;hi&quot; &amp; go">x</p>');
});

test('every awkward case converts to well-formed XHTML and restores to the stored HTML exactly', () => {
  for (const raw of AWKWARD_HTML) {
    const stored = sanitize(raw);
    assertWellFormed(toXhtml(stored));
    assert.equal(roundTrip(stored), stored, `round trip of ${stored}`);
  }
});

test('property: any sanitized HTML converts to well-formed XHTML that restores exactly', () => {
  fc.assert(
    fc.property(fc.array(randomHtml, { minLength: 1, maxLength: 5 }), (parts) => {
      const stored = sanitize(parts.join(''));
      const xhtml = toXhtml(stored);
      assertWellFormed(xhtml);
      parseDocument(xhtml, { xmlMode: true });
      assert.equal(roundTrip(stored), stored);
    }),
    { numRuns: 300 },
  );
});
