import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isQuireError } from '../../errors.ts';
import { readZip } from './unzip.ts';
import { crc32, dosDateTime, writeZip } from './zip.ts';

test('crc32 matches the standard check values', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32(Buffer.from('abc')), 0x352441c2);
  assert.equal(crc32(Buffer.alloc(0)), 0);
});

test('dosDateTime packs a day; years before 1980 are clamped', () => {
  assert.deepEqual(dosDateTime('2024-02-03'), { date: (44 << 9) | (2 << 5) | 3, time: 0 });
  assert.deepEqual(dosDateTime('1970-06-01'), { date: (0 << 9) | (6 << 5) | 1, time: 0 });
});

test('writeZip: entries in order, the STORED one without compression or extra field, readable back', () => {
  const text = 'Salt on the window. '.repeat(200);
  const zip = writeZip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'OEBPS/a.txt', data: text },
    { name: 'OEBPS/b.bin', data: new Uint8Array([0, 1, 2, 255]) },
  ], '2024-02-03');
  // Local header of the first entry: signature, method 0, no extra field, name, then the bytes.
  assert.equal(zip.readUInt32LE(0), 0x04034b50);
  assert.equal(zip.readUInt16LE(8), 0, 'mimetype is stored');
  assert.equal(zip.readUInt16LE(28), 0, 'no extra field');
  assert.equal(zip.toString('ascii', 30, 38), 'mimetype');
  assert.equal(zip.toString('ascii', 38, 58), 'application/epub+zip');
  // The second entry is deflated and smaller than its text.
  const second = 58;
  assert.equal(zip.readUInt32LE(second), 0x04034b50);
  assert.equal(zip.readUInt16LE(second + 8), 8);
  assert.ok(zip.readUInt32LE(second + 18) < text.length);

  const files = readZip(zip);
  assert.deepEqual([...files.keys()], ['mimetype', 'OEBPS/a.txt', 'OEBPS/b.bin']);
  assert.equal(files.get('OEBPS/a.txt')!.toString('utf8'), text);
  assert.deepEqual([...files.get('OEBPS/b.bin')!], [0, 1, 2, 255]);
});

test('writeZip is deterministic: the same entries and day give the same bytes', () => {
  const entries = [{ name: 'x.txt', data: 'the same words' }];
  assert.deepEqual(writeZip(entries, '2024-01-01'), writeZip(entries, '2024-01-01'));
  assert.notDeepEqual(writeZip(entries, '2024-01-01'), writeZip(entries, '2024-01-02'));
});

function importError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(isQuireError(err), String(err));
    assert.equal(err.code, 'import_failed');
    return err.message;
  }
  assert.fail('expected an error');
}

test('readZip refuses what is not a readable ZIP, with a reason', () => {
  assert.match(importError(() => readZip(Buffer.from('not a zip at all, just text that goes on'))), /no end-of-archive record/);
  assert.match(importError(() => readZip(Buffer.alloc(5))), /too short/);
  const zip = writeZip([{ name: 'a.txt', data: 'some text to squeeze' }], '2024-01-01');
  const cut = zip.subarray(0, 40);
  assert.match(importError(() => readZip(Buffer.concat([cut, zip.subarray(zip.length - 22)]))), /damaged|cut short/);
  const corrupt = Buffer.from(zip);
  corrupt[35] = corrupt[35]! ^ 0xff; // a byte of the deflated data
  assert.match(importError(() => readZip(corrupt)), /damaged|cannot be decompressed/);
  const encrypted = Buffer.from(zip);
  const cd = encrypted.readUInt32LE(encrypted.length - 22 + 16);
  encrypted.writeUInt16LE(1, cd + 8);
  assert.match(importError(() => readZip(encrypted)), /encrypted/);
});

test('readZip caps how much an archive may expand to (zip bombs)', () => {
  const zip = writeZip([{ name: 'zeros', data: Buffer.alloc(2_000_000) }], '2024-01-01');
  assert.ok(zip.length < 10_000);
  assert.match(importError(() => readZip(zip, { maxEntries: 10, maxTotalBytes: 1_000_000 })), /expand past/);
  assert.equal(readZip(zip).get('zeros')!.length, 2_000_000);
});
