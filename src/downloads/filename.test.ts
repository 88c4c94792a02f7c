import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiName, contentDisposition, downloadFileNames } from './filename.ts';

test('asciiName: accents dropped, & spelled out, other characters gone, at most 60 characters', () => {
  assert.equal(asciiName('Crème Brûlée & the “Long” Night!'), 'Creme_Brulee_and_the_Long_Night');
  assert.equal(asciiName('../../etc/passwd'), 'etc_passwd');
  assert.equal(asciiName('灯台物語'), '');
  assert.equal(asciiName('x'.repeat(100)).length, 60);
});

test('downloadFileNames: an ASCII fallback and the full title, unsafe characters replaced', () => {
  assert.deepEqual(downloadFileNames({ id: 3, title: '灯台物語' }, 'epub'), { ascii: 'work-3.epub', utf8: '灯台物語.epub' });
  assert.deepEqual(downloadFileNames({ id: 3, title: 'A/B: "C"?' }, 'pdf'), { ascii: 'A_B_C.pdf', utf8: 'A_B_ _C_.pdf' });
});

test('contentDisposition: attachment with a quoted ASCII name and an RFC 5987 UTF-8 name', () => {
  assert.equal(contentDisposition({ id: 1, title: "Ash & Salt (Part 1) — it's ok" }, 'epub'),
    "attachment; filename=\"Ash_and_Salt_Part_1_it_s_ok.epub\"; filename*=UTF-8''Ash%20%26%20Salt%20%28Part%201%29%20%E2%80%94%20it%27s%20ok.epub");
  assert.doesNotMatch(contentDisposition({ id: 1, title: 'line\r\nbreak"quote' }, 'txt'), /[\r\n]|filename="[^"]*"[^;]*"/);
});
