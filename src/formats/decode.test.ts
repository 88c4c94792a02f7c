import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../../test/fixtures/import/fixtures.ts';
import { QuireError } from '../errors.ts';
import { decodeText } from './decode.ts';

const rejects = (bytes: Uint8Array, pattern: RegExp) =>
  assert.throws(() => decodeText(bytes, 'f.txt'), (err: unknown) => err instanceof QuireError && err.code === 'import_failed' && pattern.test(err.message));

test('valid UTF-8 is UTF-8; a byte-order mark is dropped', () => {
  const plain = decodeText(new TextEncoder().encode('Maëlle’s ferry'), 'f.txt');
  assert.deepEqual(plain, { text: 'Maëlle’s ferry', encoding: 'utf-8' });
  const bom = decodeText(fixture('utf8-bom.txt'), 'f.txt');
  assert.equal(bom.encoding, 'utf-8');
  assert.ok(bom.text.startsWith('The Ferry Song\n'), JSON.stringify(bom.text.slice(0, 20)));
});

test('invalid UTF-8 is Windows-1252, curly quotes, dashes and accents included', () => {
  const { text, encoding } = decodeText(fixture('windows-1252.txt'), 'f.txt');
  assert.equal(encoding, 'windows-1252');
  assert.ok(text.startsWith('“Café au lait,” she said — and the waiter’s pencil stopped.\n\nIt was'), text);
  assert.ok(!/[\u0080-\u009f]/.test(text), 'no C1 control codes left');
  assert.equal(decodeText(new Uint8Array([0x80, 0x20, 0x35, 0x99]), 'f.txt').text, '€ 5™');
});

test('CRLF and lone CR become LF', () => {
  const { text } = decodeText(fixture('crlf.txt'), 'f.txt');
  assert.ok(!text.includes('\r'));
  assert.equal(text, 'First paragraph, first line.\nFirst paragraph, second line.\n\nSecond paragraph with an old Mac ending.\nAnd its second line.\n\nThird paragraph.\n');
});

test('UTF-16 with a byte-order mark is read', () => {
  const le = new Uint8Array([0xff, 0xfe, ...[...'Hé\r\nyo'].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.deepEqual(decodeText(le, 'f.txt'), { text: 'Hé\nyo', encoding: 'utf-16le' });
});

test('empty, blank and binary files are refused with a clear message', () => {
  rejects(fixture('empty.txt'), /^f\.txt: the file is empty$/);
  rejects(new TextEncoder().encode(' \n\n\t '), /has no text/);
  rejects(fixture('binary.txt'), /^f\.txt: this looks like a binary file, not text \(it contains NUL bytes\)$/);
  const controls = new Uint8Array(200).map((_, i) => (i % 2 ? 0x01 : 0x41));
  rejects(controls, /binary file.*control characters/);
});
