import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNotes, isSeparator, matchMarker, runInOffset, stripMarker } from './notes.ts';

test('labels: every common spelling, case-insensitive, curly apostrophes, decorations', () => {
  for (const s of ['Notes: x', 'NOTE: x', "Author's Note: x", 'Author’s Notes: x', "Authors' Note: x", 'Authors Note: x', 'A/N: x', 'a/n: x', 'AN: x', 'A.N.: x', 'End Notes: x', 'Endnotes: x', 'T/N: x', "Translator's Note: x", '**A/N:** x', '(A/N: x)', '[AN: x]', 'Notes：x']) {
    assert.ok(matchMarker(s) && !matchMarker(s)!.labelOnly, s);
  }
  for (const s of ['Notes', 'End Notes:', '### Notes', "Author's Notes —"]) assert.equal(matchMarker(s)?.labelOnly, true, s);
  for (const s of ['Notebooks: x', 'Annotated: x', 'Notes are important.', 'Anne: hello', 'She wrote notes: x', 'A new day']) assert.equal(matchMarker(s), undefined, s);
});

test('stripMarker removes the label and brackets opened before it', () => {
  assert.equal(stripMarker('A/N: thanks!'), 'thanks!');
  assert.equal(stripMarker('(A/N: thanks to my beta!)'), 'thanks to my beta!');
  assert.equal(stripMarker('**Author’s Note:** hi'), 'hi');
  assert.equal(stripMarker('End Notes'), '');
});

test('separators', () => {
  for (const s of ['***', '* * *', '---', '~~~', '=====', 'oOo']) assert.ok(isSeparator(s), s);
  for (const s of ['**', 'Ooh', 'Stars: ***']) assert.ok(!isSeparator(s), s);
});

test('a leading notes paragraph and a trailing one are found; the story stays', () => {
  assert.deepEqual(findNotes(['A/N: hi', 'Story one.', 'Story two.', 'Notes: bye']), { leadEnd: 1, bodyStart: 1, bodyEnd: 3, tailStart: 3 });
  // Leading notes run to a scene break within the first blocks.
  assert.deepEqual(findNotes(['Notes: one', 'two', '***', 'Story.', 'More story.']), { leadEnd: 2, bodyStart: 3, bodyEnd: 5, tailStart: 5 });
  // A label alone takes the next block too.
  assert.deepEqual(findNotes(['Notes', 'thanks', 'Story.']), { leadEnd: 2, bodyStart: 2, bodyEnd: 3, tailStart: 3 });
  // End notes after a scene break, several paragraphs long.
  const s = findNotes(['a.', 'b.', 'c.', '* * *', 'End Notes:', 'one', 'two', 'three']);
  assert.deepEqual([s.bodyEnd, s.tailStart], [3, 4]);
});

test('labels in the middle of a story are not taken', () => {
  const texts = ['Start.', 'Notes: a shopping list, in the story.', 'Middle.', 'More.', 'More still.', 'The end.'];
  assert.deepEqual(findNotes(texts), { leadEnd: 0, bodyStart: 0, bodyEnd: 6, tailStart: 6 });
});

test('notes never take the whole text', () => {
  assert.deepEqual(findNotes(['Notes: this is all there is']), { leadEnd: 0, bodyStart: 0, bodyEnd: 1, tailStart: 1 });
  assert.deepEqual(findNotes(['A/N: one', 'Notes: two']), { leadEnd: 1, bodyStart: 1, bodyEnd: 2, tailStart: 2 }, 'the second stays as text');
});

test('run-in end notes after the end of a sentence in the last paragraph', () => {
  const last = '...and that was the end. Notes: find me at tumblr — requests open!';
  const s = findNotes(['Once.', last]);
  assert.deepEqual(s.runIn, { block: 1, offset: last.indexOf('Notes') });
  assert.equal(runInOffset('she said "goodbye." A/N: thanks'), 'she said "goodbye." '.length);
  assert.equal(runInOffset('all lower case the end. an: hi'), 'all lower case the end. '.length);
  assert.equal(runInOffset('he checked his notes: nothing new.'), undefined, 'not after a sentence end');
  assert.equal(runInOffset('Notes: at the very start is not run-in'), undefined);
  assert.equal(runInOffset(`The end. Notes: ${'x'.repeat(1200)}`), undefined, 'too long for notes');
});

test('run-in search is linear on a 2 MB paragraph', () => {
  const big = 'word. Notes: '.repeat(160_000);
  const t = performance.now();
  findNotes([big]);
  assert.ok(performance.now() - t < 1000);
});
