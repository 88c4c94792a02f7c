import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, prose, smarten } from './prose.ts';

test('smarten curls quotes, apostrophes, dashes and ellipses', () => {
  assert.equal(smarten(`"Wait--" she said. "It's fine..."`), '“Wait—” she said. “It’s fine…”');
  assert.equal(smarten(`He said 'no.' Then: --"Again"`), 'He said ‘no.’ Then: —“Again”');
  assert.equal(smarten('“already curly”'), '“already curly”');
});

test('escapeText escapes markup characters', () => {
  assert.equal(escapeText('<b> & </b>'), '&lt;b&gt; &amp; &lt;/b&gt;');
});

test('prose makes paragraphs, line breaks, emphasis and scene breaks', () => {
  const html = prose(`
    "Hi," she said. *Hello.*

    one line
    next line

    ***

    a <script> & more
  `);
  assert.equal(
    html,
    [
      '<p>“Hi,” she said. <em>Hello.</em></p>',
      '<p>one line<br />next line</p>',
      '<p align="center">* * *</p>',
      '<p>a &lt;script&gt; &amp; more</p>',
    ].join('\n'),
  );
});

test('a lone asterisk is not emphasis', () => {
  assert.equal(prose('5 * 3 and 2 * 4'), '<p>5 * 3 and 2 * 4</p>');
});
