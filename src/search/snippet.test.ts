import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { highlight } from './snippet.ts';
import { positiveTerms } from './text/ast.ts';
import { parseText } from './text/parse-text.ts';

const terms = (q: string) => positiveTerms(parseText(q));

test('marks every hit, escapes everything else', () => {
  assert.equal(highlight('The sea was <calm> & "blue".', terms('sea blue')), 'The <mark>sea</mark> was &lt;calm&gt; &amp; &quot;<mark>blue</mark>&quot;.');
  assert.equal(highlight('Zoë drank café au lait', terms('zoe CAFE')), '<mark>Zoë</mark> drank <mark>café</mark> au lait');
});

test('phrases are marked as one span; prefixes mark whole words; excluded terms are not marked', () => {
  assert.equal(highlight('a blue sky, blue water, sky blue', terms('"blue sky"')), 'a <mark>blue sky</mark>, blue water, sky blue');
  assert.equal(highlight('Dragons and a dragonfly', terms('drag* -fly')), '<mark>Dragons</mark> and a <mark>dragonfly</mark>');
});

test('CJK text is matched character by character', () => {
  assert.equal(highlight('我爱你，东京的夜晚很美丽。', terms('东京')), '我爱你，<mark>东京</mark>的夜晚很美丽。');
  assert.equal(highlight('ひらがなとカタカナ', terms('カタカナ')), 'ひらがなと<mark>カタカナ</mark>');
});

test('a long text is cut around the best window, with ellipses', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  const text = `${filler(100)} the lighthouse keeper ${filler(50)} lighthouse again ${filler(100)} keeper`;
  const html = highlight(text, terms('lighthouse keeper'))!;
  assert.match(html, /^…/);
  assert.match(html, /…$/);
  assert.match(html, /<mark>lighthouse<\/mark> <mark>keeper<\/mark>/);
  assert.ok(html.length < 400, html);
});

test('no hit gives null', () => {
  assert.equal(highlight('nothing to see', terms('sea')), null);
});

test('property: output is escaped text plus <mark> only', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('a', 'b c', 'xy*', '"a b"'), (text, q) => {
      const html = highlight(text, terms(q));
      if (html === null) return;
      const stripped = html.replace(/<\/?mark>/g, '');
      assert.doesNotMatch(stripped, /[<>"']/);
      assert.doesNotMatch(stripped.replace(/&(amp|lt|gt|quot|#39);/g, ''), /&/);
    }),
    { numRuns: 500 },
  );
});

test('a very long chapter: the excerpt is found without reading past what it needs', () => {
  const text = `The kite rose. ${'grey sky and more grey sky, '.repeat(20_000)}The kite fell.`;
  const started = performance.now();
  const html = highlight(text, terms('kite'))!;
  assert.match(html, /^The <mark>kite<\/mark> rose\. grey sky/);
  assert.match(html, /…$/);
  assert.ok(performance.now() - started < 500, 'stops early');
});

test('a text that is the beginning of a longer one is marked as cut where the window reaches its end', () => {
  assert.equal(highlight('the lamp', terms('lamp')), 'the <mark>lamp</mark>');
  assert.equal(highlight('the lamp', terms('lamp'), 36, true), 'the <mark>lamp</mark>…');
});
