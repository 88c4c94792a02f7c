import { test } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { fold, prepareForIndex, terms, tokenize } from './tokens.ts';

test('fold: case, accents, compatibility forms, final sigma', () => {
  assert.equal(fold('Café'), 'cafe');
  assert.equal(fold('ZOË'), 'zoe');
  assert.equal(fold('ﬁne'), 'fine');
  assert.equal(fold('ＡＢＣ'), 'abc');
  assert.equal(fold('İstanbul'), 'istanbul');
  assert.equal(fold('ΟΔΟΣ'), 'οδοσ');
});

test('CJK and Thai characters are one token each; offsets point into the input', () => {
  assert.deepEqual(terms('我爱你 hello'), ['我', '爱', '你', 'hello']);
  assert.deepEqual(terms('ひらがなカタカナー'), ['ひ', 'ら', 'が', 'な', 'カ', 'タ', 'カ', 'ナ', 'ー']);
  const toks = tokenize('Ok, 東京!');
  assert.deepEqual(toks.map((t) => [t.term, t.start, t.end]), [['ok', 0, 2], ['東', 4, 5], ['京', 5, 6]]);
  assert.equal(prepareForIndex('東京').trim().split(/\s+/).length, 2);
});

test('the JavaScript tokenizer agrees with FTS5 unicode61 on the prepared text', () => {
  const samples = [
    "Don't stop — Zoë's café, naïve façade; ΟΔΟΣ and İstanbul.",
    '我爱你，东京的夜晚很美丽。ひらがな と カタカナ、タワー',
    'หนังสือเล่มนี้ ดีมาก',
    'ﬁne ＡＢＣ ① x\u0303y e\u0301 3.14 under_score',
    'हिन्दी भाषा',
  ];
  const db = new SQLite(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`);
  for (const [i, s] of samples.entries()) {
    db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)').run(i + 1, prepareForIndex(s));
    const fts = db.prepare('SELECT term FROM v WHERE doc = ? ORDER BY offset').pluck().all(i + 1);
    assert.deepEqual(terms(prepareForIndex(s)), fts, s);
  }
});

test('the fast scanner gives exactly the reference tokenizer’s terms and offsets', async () => {
  const fc = (await import('fast-check')).default;
  const { referenceTerms, tokenize, forEachToken } = await import('./tokens.ts');
  const pieces = ['ΟΔΟΣ', 'Ёлка', 'Москва', 'ÆØÅ', 'Straße', 'İstanbul', 'Ǆemal', 'ﬃ', '½', '東京タワー', 'ひらがな', 'ก่อน', '한국어', 'the', 'Zoë', 'café', 'DON’T', '“quoted”', '—', '…', ' ', '\n', 'x\u0303y', 'ﬁne', '東京', 'タワー', 'й', 'Ωμέγα', '_', "it's", '3.14', '\u00a0', 'İ', 'ß', '\u0483', 'a\u0301', '😀', 'ＡＢＣ'];
  fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 30 }), (parts) => {
    const text = parts.join('');
    assert.deepEqual(terms(text), referenceTerms(text), JSON.stringify(text));
    const offsets: [number, number][] = [];
    forEachToken(text, (_t, s, e) => offsets.push([s, e]));
    assert.deepEqual(tokenize(text).map((t) => [t.start, t.end]), offsets);
  }), { numRuns: 2000 });
});

test('tokenStream gives the same tokens as tokenize, across its internal slices', async () => {
  const { tokenStream } = await import('./tokens.ts');
  const long = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? 'Café,' : i % 5 === 0 ? '“Wren”' : `word${i}`)).join(' ');
  assert.deepEqual([...tokenStream(long)], tokenize(long));
});

test('every character below U+3100 tokenizes as the reference does, alone and inside words', async () => {
  const { referenceTerms } = await import('./tokens.ts');
  for (let c = 0x80; c < 0x3100; c++) {
    const ch = String.fromCharCode(c);
    const text = `${ch} a${ch}b ${ch}${ch}Z ${ch}東`;
    assert.deepEqual(terms(text), referenceTerms(text), `U+${c.toString(16)}`);
  }
});
