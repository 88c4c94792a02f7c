import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAP, SENT, foldToken, phraseKeys, tokenize } from './tokenize.ts';

const words = (text: string) => {
  const t = tokenize(text);
  return t.keys.map((k, i) => [t.text.slice(t.starts[i], t.ends[i]), k]);
};

test('words keep their places in the text and fold to lower case without diacritics', () => {
  assert.deepEqual(words('Zoë met  ÉMILE.'), [['Zoë', 'zoe'], ['met', 'met'], ['ÉMILE', 'emile']]);
});

test('possessives and clitics fold to the bare name, with straight or curly apostrophes', () => {
  assert.deepEqual(words("Lizzy's hat, Lizzy’s coat, James' boots, O'Brien's dog, Tob'd go"), [
    ["Lizzy's", 'lizzy'], ['hat', 'hat'], ['Lizzy’s', 'lizzy'], ['coat', 'coat'], ['James', 'james'], ['boots', 'boots'],
    ["O'Brien's", "o'brien"], ['dog', 'dog'], ["Tob'd", 'tob'], ['go', 'go'],
  ]);
  assert.equal(foldToken("don't"), "don't");
});

test('hyphens and punctuation split words; an apostrophe at a word end does not join', () => {
  assert.deepEqual(phraseKeys("Mary-Anne's 'quoted' word—dash"), ['mary', 'anne', 'quoted', 'word', 'dash']);
});

test('Chinese, Japanese and Thai characters are one token each; other scripts are words', () => {
  assert.deepEqual(phraseKeys('林小雨在看星'), ['林', '小', '雨', '在', '看', '星']);
  assert.deepEqual(phraseKeys('ひとり Поезд Ελένη'), ['ひ', 'と', 'り', 'поезд', 'ελένη'], 'accents are dropped for Latin letters only');
});

test('sentence starts, capitals, paragraphs and sections are marked', () => {
  const t = tokenize('Will came. Then will went\n\nAnother day.\n\n* * *\n\nLater.');
  assert.equal(t.flags[0]! & (CAP | SENT), CAP | SENT);
  assert.equal(t.flags[2]! & SENT, SENT, '"Then" starts a sentence');
  assert.equal(t.flags[3]! & CAP, 0, '"will" in lower case');
  assert.deepEqual([...t.paragraph], [0, 0, 0, 0, 0, 1, 1, 2]);
  assert.deepEqual([...t.section], [0, 0, 0, 0, 0, 0, 0, 1]);
  assert.equal(t.sentence[5], t.sentence[4]! + 1, 'a new paragraph is a new sentence');
});

test('a letter divider such as o0o is a scene break, not a word', () => {
  const t = tokenize('Before.\n\no0o\n\nAfter.');
  assert.deepEqual(t.keys, ['before', 'after']);
  assert.deepEqual([...t.section], [0, 1]);
});
