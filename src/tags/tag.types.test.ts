import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTagName, foldName } from './tag.types.ts';

test('cleanTagName keeps letters and folds spacing', () => {
  assert.equal(cleanTagName('  Elizabeth\t\tBennet \n'), 'Elizabeth Bennet');
  assert.equal(cleanTagName('Cafe\u0301 Au Lait'), 'Café Au Lait', 'NFC');
});

test('cleanTagName turns control characters into spaces, so no terminal escape survives', () => {
  assert.equal(cleanTagName('Red\u001b[31m Tag'), 'Red [31m Tag');
  assert.equal(cleanTagName('Bell\u0007Tag\u009bX\u007f'), 'Bell Tag X');
  assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(cleanTagName('\u0000\u0001a\u0085b')));
});

test('foldName compares case- and width-insensitively', () => {
  assert.equal(foldName('ＦＬＵＦＦ  and Angst'), foldName('fluff and angst'));
});
