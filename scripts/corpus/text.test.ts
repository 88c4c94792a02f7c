import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, sanitize } from '../../src/formats/sanitize.ts';
import { countWords } from '../../src/works/word-count.ts';
import { LANGUAGE_PROFILES } from './languages.ts';
import { HAN_CHARS } from './lexicon.ts';
import { CONTENT_PHRASES } from './phrases.ts';
import { benchQueries } from './queries.ts';
import { Rng } from './rng.ts';
import { TextWriter, renderName } from './text.ts';
import { HEAD_SIZE, vocabularyFor } from './vocabulary.ts';

test('chapters in every language have exactly the asked word count, by the app’s own counter', () => {
  for (const { code } of LANGUAGE_PROFILES) {
    for (const style of [{}, { lowercase: true }, { oneParagraph: true }]) {
      const w = new TextWriter(code, Rng.derive('count', code), ['Alva Renholt', 'Mirel (Veldorn)'], style);
      for (const words of [1, 9, 57, 733, 4_000]) {
        const { html } = w.chapter(words);
        assert.equal(countWords(htmlToText(html)), words, `${code} ${JSON.stringify(style)} ${words}`);
        assert.equal(sanitize(html), html, `${code}: already sanitized`);
        assert.ok(html.startsWith('<p>') && html.endsWith('</p>'));
      }
      assert.ok(htmlToText(w.placeholder()).length >= 10);
    }
  }
});

test('prose has sentences of 5–30 words and paragraphs of a few sentences', () => {
  const w = new TextWriter('en', Rng.derive('shape'));
  const { html } = w.chapter(20_000);
  const paragraphs = html.split('\n');
  assert.ok(paragraphs.length > 100);
  const sentences = htmlToText(html).split(/(?<=[.?!…]”?)\s+/);
  const lengths = sentences.map(countWords);
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  assert.ok(mean > 9 && mean < 16, `mean sentence ${mean}`);
  assert.ok(lengths.filter((n) => n > 30).length === 0);
  assert.ok(/^[A-Z“]/.test(sentences[1]!));
});

test('word frequencies: common words very common, a long tail of rare ones', () => {
  const w = new TextWriter('en', Rng.derive('freq'));
  const counts = new Map<string, number>();
  let total = 0;
  for (const token of htmlToText(w.chapter(200_000).html).toLowerCase().match(/[\p{L}']+/gu)!) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
    total++;
  }
  const the = counts.get('the')! / total;
  assert.ok(the > 0.03 && the < 0.09, `share of "the" ${the}`);
  const once = [...counts.values()].filter((c) => c === 1).length;
  assert.ok(once / counts.size > 0.3, 'many words seen once');
  assert.ok(counts.size > 15_000);
});

test('vocabulary: deterministic, unique words, real words first', () => {
  for (const lang of ['en', 'ru', 'es', 'ko', 'de', 'vi']) {
    const v = vocabularyFor(lang);
    const seen = new Set<string>();
    for (let r = 1; r <= 60_000; r++) {
      const word = v.word(r);
      assert.ok(!seen.has(word), `${lang}: rank ${r} repeats "${word}"`);
      seen.add(word);
    }
    assert.equal(v.word(HEAD_SIZE + 12_345), v.word(HEAD_SIZE + 12_345));
  }
  const en = vocabularyFor('en');
  assert.equal(en.word(1), 'the');
  assert.ok(en.probability(1) > en.probability(100) && en.probability(100) > en.probability(100_000));
  for (const ch of HAN_CHARS) assert.match(ch, /\p{Script=Han}/u);
  for (const p of LANGUAGE_PROFILES) assert.ok(!p.syllables.some((s) => s.includes(p.marker)), `${p.code} marker`);
});

test('hand-written phrases turn up in the text; bench queries are stable', () => {
  const en = vocabularyFor('en');
  const ranks = Array.from({ length: 2_000 }, (_, i) => i + 1).filter((r) => CONTENT_PHRASES.includes(en.phrase(r).join(' ')));
  assert.ok(ranks.length >= 10);
  const text = htmlToText(new TextWriter('en', Rng.derive('phrases')).chapter(300_000).html).toLowerCase();
  assert.ok(text.includes('the old house'));
  const q1 = benchQueries('7', 200);
  assert.deepEqual(benchQueries('7', 200), q1);
  assert.ok(q1.some((q) => q.kind === 'phrase') && q1.some((q) => q.kind === 'rare'));
});

test('character names are written in the work’s script', () => {
  assert.deepEqual(renderName('Alva Renholt', 'en'), ['Alva', 'Renholt']);
  assert.match(renderName('Alva Renholt', 'ru').join(' '), /^\p{Script=Cyrillic}+ \p{Script=Cyrillic}+$/u);
  assert.match(renderName('Alva Renholt (Veldorn)', 'zh')[0]!, /^\p{Script=Han}{2,3}$/u);
});
