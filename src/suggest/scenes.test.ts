import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSceneBreaks, splitSections, units, windows } from './scenes.ts';
import { tokenize } from './tokenize.ts';

test('scene breaks: ***, * * *, ---, ~, ~*~, o0o, xXx and #, each alone on its line', () => {
  for (const mark of ['***', '* * *', '---', '~', '~*~', 'o0o', 'xXx', '#', '  * * *  ', '———']) {
    const text = `First scene.\n\n${mark}\n\nSecond scene.`;
    const sections = splitSections(text).map((s) => text.slice(s.start, s.end).trim());
    assert.deepEqual(sections, ['First scene.', 'Second scene.'], JSON.stringify(mark));
  }
});

test('dashes or stars inside a line are not scene breaks', () => {
  assert.deepEqual(findSceneBreaks('She paused --- then went on.\nA *** rating.\nxoxo, Mara'), []);
});

test('CRLF line ends and several breaks in a row', () => {
  const text = 'One.\r\n***\r\n\r\n~\r\nTwo.';
  assert.equal(splitSections(text).length, 2);
});

test('units are paragraphs; a paragraph with no line breaks is cut at sentence ends', () => {
  const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} has six words.`).join(' ');
  const t = tokenize(`Short one.\n\n${long}`);
  const us = units(t);
  assert.equal(us[0]!.to, 2, 'the first paragraph is its own unit');
  assert.ok(us.length >= 3, 'the 180-word paragraph is cut');
  for (const u of us.slice(1)) {
    assert.ok(u.to - u.from <= 106, `a unit of ${u.to - u.from} words`);
    assert.notEqual(t.sentence[u.from], t.sentence[u.from - 1], 'cuts fall at sentence starts');
  }
});

test('windows pair neighbouring units and never cross a scene break', () => {
  const t = tokenize('A one.\n\nB two.\n\nC three.\n\n* * *\n\nD four.');
  const ws = windows(units(t)).map((w) => t.keys.slice(w.start, w.end).join(' '));
  assert.deepEqual(ws, ['a one b two', 'b two c three', 'd four']);
});
