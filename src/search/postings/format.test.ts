import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ByteReader, ByteWriter } from './bytes.ts';
import {
  BLOCK_WORKS, countEntries, decodeEntries, skipBody, decodeLengthEntries, encodeEntries, entryBody, lengthsBody, readEntry, readLengths,
} from './block-format.ts';
import { decodeKey } from './decode.ts';
import { spliceEntry } from './splice.ts';
import type { KeyEntry } from './extract.ts';
import { forEachKey, KeySet } from './keys.ts';
import { decodeKeyList, encodeKeyList } from './updater.ts';

test('varints round-trip up to 2^53', () => {
  fc.assert(fc.property(fc.array(fc.maxSafeNat()), (values) => {
    const w = new ByteWriter(1);
    for (const v of values) w.varint(v);
    const r = new ByteReader(w.finish());
    assert.deepEqual(values.map(() => r.varint()), values);
    assert.ok(r.done);
  }));
  assert.throws(() => new ByteWriter().varint(-1), /non-negative/);
  assert.throws(() => new ByteReader(Uint8Array.of(0x80)).varint(), /truncated/);
});

const entryArb = fc.record({
  meta: fc.option(fc.array(fc.nat(500), { minLength: 5, maxLength: 5 }).filter((m) => m.some((x) => x > 0)), { nil: null }),
  chapters: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 6 }).chain((ps) => fc.tuple(fc.constant(ps.sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: ps.length, maxLength: ps.length }))),
}).filter((e) => e.meta !== null || e.chapters[0].length > 0)
  .map((e): KeyEntry => ({ meta: e.meta, chapters: e.chapters[0].flatMap((p, i) => [p, e.chapters[1][i]!]) }));

test('postings blocks round-trip: entries, bodies, and the decoded arrays a search reads', () => {
  fc.assert(fc.property(fc.nat(50), fc.uniqueArray(fc.nat(BLOCK_WORKS - 1), { maxLength: 40 }), fc.array(entryArb, { minLength: 40, maxLength: 40 }), (block, offsets, entries) => {
    const works = offsets.sort((a, b) => a - b).map((o) => block * BLOCK_WORKS + o);
    const raw = works.map((work, i) => ({ work, body: entryBody(entries[i]!) }));
    const data = encodeEntries(block, raw);
    const back = decodeEntries(block, data);
    assert.deepEqual(back.map((e) => e.work), works);
    back.forEach((e, i) => assert.deepEqual(readEntry(e.body), entries[i]));
    const counts = countEntries(raw);
    const d = decodeKey([{ block, data, works: counts.works, chapters: counts.chapters }]);
    assert.deepEqual(Array.from(d.works), works);
    works.forEach((_, i) => {
      const want = entries[i]!;
      const at = d.metaAt[i]!;
      assert.deepEqual(at < 0 ? null : Array.from(d.meta.subarray(at, at + 5)), want.meta);
      const chapters: number[] = [];
      for (let k = d.chStart[i]!; k < d.chStart[i + 1]!; k++) chapters.push(d.chPos[k]!, d.chHits[k]!);
      assert.deepEqual(chapters, want.chapters);
    });
  }));
});

test('lengths blocks and key lists round-trip', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.nat(BLOCK_WORKS - 1), { maxLength: 30 }), fc.nat(10_000), (offsets, meta) => {
    const works = offsets.sort((a, b) => a - b).map((o) => 3 * BLOCK_WORKS + o);
    const raw = works.map((work, i) => ({ work, body: lengthsBody(meta + i, i % 3 === 0 ? [] : [1, 10 + i, 4, 20 + i]) }));
    const back = decodeLengthEntries(3, encodeEntries(3, raw));
    assert.deepEqual(back.map((e) => e.work), works);
    back.forEach((e, i) => assert.deepEqual(readLengths(e.body), { metaLength: meta + i, chapters: i % 3 === 0 ? [] : [1, 10 + i, 4, 20 + i] }));
  }));
  fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 21 - 1 })), (ids) => {
    assert.deepEqual(decodeKeyList(encodeKeyList(ids)), [...ids].sort((a, b) => a - b));
  }));
});

test('decoding refuses a block whose counts do not match its entries', () => {
  const raw = [{ work: 3, body: entryBody({ meta: null, chapters: [1, 4] }) }];
  assert.throws(() => decodeKey([{ block: 0, data: encodeEntries(0, raw), works: 2, chapters: 2 }]), /counts say/);
  assert.throws(() => decodeKey([{ block: 0, data: encodeEntries(0, [...raw, { work: 4, body: raw[0]!.body }]), works: 1, chapters: 1 }]), /more entries/);
});

test('splicing one entry in place gives what decoding, editing and encoding the block gives', () => {
  fc.assert(fc.property(fc.nat(20), fc.uniqueArray(fc.nat(BLOCK_WORKS - 1), { maxLength: 25 }), fc.array(entryArb, { minLength: 25, maxLength: 25 }),
    fc.array(fc.tuple(fc.nat(BLOCK_WORKS - 1), fc.option(entryArb, { nil: null })), { maxLength: 8 }), (block, offsets, entries, edits) => {
      const base = block * BLOCK_WORKS;
      const model = new Map(offsets.map((o, i) => [base + o, entryBody(entries[i]!)]));
      const encode = () => encodeEntries(block, [...model].sort((a, b) => a[0] - b[0]).map(([work, body]) => ({ work, body })));
      let data: Uint8Array | undefined = model.size > 0 ? encode() : undefined;
      for (const [o, e] of edits) {
        const work = base + o;
        const body = e ? entryBody(e) : null;
        const { data: next, old } = spliceEntry(block, data, work, body, skipBody);
        assert.deepEqual(old === null ? null : Array.from(old), model.has(work) ? Array.from(model.get(work)!) : null);
        if (body) model.set(work, body);
        else model.delete(work);
        assert.deepEqual(Array.from(next), Array.from(encode()));
        data = next;
      }
    }));
});

test('encoding refuses works out of order or outside the block', () => {
  assert.throws(() => encodeEntries(0, [{ work: 5, body: Uint8Array.of(1) }, { work: 5, body: Uint8Array.of(1) }]), /out of order/);
  assert.throws(() => encodeEntries(0, [{ work: BLOCK_WORKS, body: Uint8Array.of(1) }]), /out of the block/);
});

test('key sets find words and runs of words; a run whose beginning is no key is never one', () => {
  const keys = KeySet.from([
    { id: 1, key: 'of' }, { id: 2, key: 'the' }, { id: 3, key: 'end' }, { id: 4, key: 'of the' },
    { id: 5, key: 'the end' }, { id: 6, key: 'end of the' }, { id: 7, key: 'end of' }, { id: 8, key: 'x y' },
  ]);
  assert.equal(keys.idOf(['of', 'the']), 4);
  assert.equal(keys.idOf(['end', 'of', 'the']), 6);
  assert.equal(keys.idOf(['the', 'of']), undefined);
  assert.equal(keys.idOf(['x', 'y']), undefined, '"x" is no key, so "x y" cannot be found');
  assert.equal(keys.size, 7);
  const words = Int32Array.from(['end', 'of', 'the', 'end'].map((w) => keys.unigram(w)));
  const seen: string[] = [];
  forEachKey(keys, words, words.length, (id) => seen.push(keys.text(id)!));
  assert.deepEqual(seen, ['end', 'end of', 'end of the', 'of', 'of the', 'the', 'the end', 'end']);
});
