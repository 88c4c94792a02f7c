import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html, raw } from './html.ts';

test('interpolations are escaped unless raw', () => {
  const name = '<script>alert("x")</script>';
  assert.equal(html`<p title="${name}">${name}</p>`.value, '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  assert.equal(html`<div>${raw('<em>ok</em>')}</div>`.value, '<div><em>ok</em></div>');
});

test('arrays, nested templates and empty values', () => {
  const items = ['a&b', 'c'].map((x) => html`<li>${x}</li>`);
  assert.equal(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value, '<ul><li>a&amp;b</li><li>c</li></ul>0');
});
