import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, sanitize } from './sanitize.ts';

test('sanitize keeps AO3 markup and drops scripts, handlers and unsafe links', () => {
  assert.equal(sanitize('<p onclick="x()">hi <em>there</em></p>'), '<p>hi <em>there</em></p>');
  assert.equal(sanitize('<script>alert(1)</script><style>p{}</style><p>ok</p>'), '<p>ok</p>');
  assert.equal(sanitize('<a href="javascript:alert(1)">x</a>'), '<a rel="nofollow">x</a>');
  assert.equal(sanitize('<a href="https://example.org/">x</a>'), '<a href="https://example.org/" rel="nofollow">x</a>');
  assert.equal(sanitize('<img src="data:image/png;base64,AAAA" onerror="x()">'), '<img />');
  assert.equal(sanitize('<iframe src="https://evil.example/"></iframe><p align="center">c</p>'), '<p align="center">c</p>');
});

test('htmlToText gives visible text with entities decoded', () => {
  assert.equal(htmlToText('<p>a &amp; b</p><p>c&#8217;s<br>d</p>'), 'a & b\nc’s\nd');
});

test('control characters and lone surrogates are removed', () => {
  assert.equal(sanitize('<p>a\u0001b\u0007c\u007f\td</p>'), '<p>abc\td</p>');
  assert.equal(sanitize('<p>x\ud800y</p>'), '<p>x\ufffdy</p>');
});
