import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guessLanguage } from './language-guess.ts';
import { chapterTitle, looksLikeTitle, titleFromFileName } from './title.ts';

test('titles from file names', () => {
  assert.equal(titleFromFileName('the_long_way-home.txt'), 'The Long Way Home');
  assert.equal(titleFromFileName('/some/dir/ÉTÉ  à.Paris.md'), 'ÉTÉ À Paris');
  assert.equal(titleFromFileName('___.txt'), 'Untitled');
});

test('what looks like a title', () => {
  for (const s of ['The Long Way Home', 'What Now?', 'Stop!', 'And Then...', 'Part 1: Ashes']) assert.ok(looksLikeTitle(s), s);
  for (const s of ['It was a dark night.', '"Run," she said', '“Run!”', 'Dear diary,', 'x'.repeat(101), 'two\nlines', '']) assert.ok(!looksLikeTitle(s), s);
});

test('chapter titles drop a redundant "Chapter N"', () => {
  assert.equal(chapterTitle('Chapter 3: The Storm'), 'The Storm');
  assert.equal(chapterTitle('Chapter 3 - The Storm'), 'The Storm');
  assert.equal(chapterTitle('CHAPTER IV. Ashes'), 'Ashes');
  assert.equal(chapterTitle('Chapter Seven'), '');
  assert.equal(chapterTitle('Chapter 3'), '');
  assert.equal(chapterTitle('Part Two: Home'), 'Home');
  assert.equal(chapterTitle('Interlude'), 'Interlude');
  assert.equal(chapterTitle('Chapters of My Life'), 'Chapters of My Life');
  assert.equal(chapterTitle('Chapter Civil War'), 'Chapter Civil War');
  assert.equal(chapterTitle('Part of Me'), 'Part of Me');
});

test('language guess by script', () => {
  assert.equal(guessLanguage('The tide came in.'), 'en');
  assert.equal(guessLanguage('雨が降っていた。彼女は傘を持っていなかった。'), 'ja');
  assert.equal(guessLanguage('雨下了三天，村里没有人在意。'), 'zh');
  assert.equal(guessLanguage('비가 사흘 동안 내렸다.'), 'ko');
  assert.equal(guessLanguage('Дождь шёл три дня.'), 'ru');
  assert.equal(guessLanguage('Дощ ішов три дні, і ніхто не зважав.'), 'uk');
  assert.equal(guessLanguage('Harry said 你好 once.'), 'en');
  assert.equal(guessLanguage('123 !!!'), 'en');
});
