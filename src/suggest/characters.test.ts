import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNameIndex } from './name-index.ts';
import { suggest } from './suggest.ts';
import { testIndex } from './test-support.ts';

const index = testIndex();
const chars = (text: string | string[], fandom?: string) =>
  Object.fromEntries(suggest(text, index, fandom ? { fandom } : {}).characters.map((c) => [c.tag, c.mentions]));

test('full names, synonyms and distinctive parts are counted, case-insensitively', () => {
  assert.deepEqual(chars('Mara Voss woke. Captain Voss gave orders; TOBIN ASH obeyed, and Tob grinned. Ilse slept.'), {
    'Mara Voss': 2, 'Tobin Ash': 2, 'Ilse Marrow': 1,
  });
});

test('possessives with straight and curly apostrophes, and after an s', () => {
  assert.deepEqual(chars("Tobin's map, Ilse Marrow’s lamp and James Reyes' coat; Reyes's hat."), {
    'Tobin Ash': 1, 'Ilse Marrow': 1, 'James Reyes': 2,
  });
});

test('word boundaries: Ann is not Anne, Annex or Annie', () => {
  assert.deepEqual(chars('Anne and Annie walked past the Annex. Ann waved; Ann Tully smiled.'), { 'Ann Tully': 2 });
});

test('a name part in lower case is not a name in ordinary prose, but is in an all-lower-case text', () => {
  assert.deepEqual(chars('The rope had an ash handle. Nobody knew what tobin meant.'), {});
  assert.deepEqual(chars('mara voss laughed when tobin spilled the tea, and ilse fetched a rag.'), { 'Mara Voss': 1, 'Tobin Ash': 1, 'Ilse Marrow': 1 });
});

test('a name that is a common word needs a capital in mid-sentence, or the full name nearby', () => {
  assert.deepEqual(chars('She will go where the will of the people leads.'), {});
  assert.deepEqual(chars('Will said nothing.'), {}, 'sentence start alone is not enough');
  assert.deepEqual(chars('Will Fenwick came in. Will said nothing, and then Mara asked Will to sit.'), { 'Will Fenwick': 3, 'Mara Voss': 1 });
});

test('a disambiguation in parentheses and a "Surname, Given" tag are stripped and turned round', () => {
  assert.deepEqual(chars('Desmond Achterberg and Dez and Achterberg, Desmond.'), { 'Achterberg, Desmond': 3 });
});

test('a name shared across fandoms is resolved by the characters around it', () => {
  assert.deepEqual(chars('Mara checked the rigging while Tobin hauled rope.'), { 'Mara Voss': 1, 'Tobin Ash': 1 });
  assert.deepEqual(chars('Mara adjusted the telescope while Dez read out the numbers.'), { 'Mara Quill': 1, 'Achterberg, Desmond': 1 });
  assert.deepEqual(chars('Oskar Lind punched the ticket and Tobin Ash followed him aboard.'), { 'Oskar Lind (The Salt Roads)': 1, 'Tobin Ash': 1 });
});

test('the fandom the author gives settles a shared name; with no context it is left out', () => {
  assert.deepEqual(chars('Mara could not sleep, so she watched the comet alone.'), {}, 'two Maras, no clue: no guess');
  assert.deepEqual(chars('Mara could not sleep, so she watched the comet alone.', 'Lanternfall'), { 'Mara Quill': 1 }, 'synonym of the fandom');
  assert.deepEqual(chars('Mara could not sleep.', 'the salt roads'), { 'Mara Voss': 1 });
});

test('a surname shared by two characters of one fandom goes to the one named in full', () => {
  const idx = createNameIndex({
    fandoms: [{ id: 1, name: 'F' }],
    characters: [{ id: 1, name: 'Jane Bennet', fandoms: [1] }, { id: 2, name: 'Kitty Bennet', fandoms: [1] }],
  });
  const got = suggest('Jane Bennet came home. Bennet was tired.', idx).characters.map((c) => [c.tag, c.mentions]);
  assert.deepEqual(got, [['Jane Bennet', 2]]);
  assert.deepEqual(suggest('Miss Bennet was tired.', idx).characters, [], 'both Bennets equally likely: no guess');
});

test('fandoms are inferred from the characters', () => {
  const s = suggest('Mara Voss and Tobin Ash sailed at dawn; Ilse waved them off.', index);
  assert.deepEqual(s.fandoms.map((f) => f.tag), ['The Salt Roads']);
  assert.deepEqual(s.fandoms[0]!.characters.sort(), ['Ilse Marrow', 'Mara Voss', 'Tobin Ash']);
  assert.ok(s.fandoms[0]!.confidence > 0.9);
});

test('names are matched across chapters and counted together', () => {
  const s = suggest(['Tobin slept.', 'Tobin Ash woke.'], index);
  assert.deepEqual(s.characters.map((c) => [c.tag, c.mentions, c.evidence.map((e) => e.chapter)]), [['Tobin Ash', 2, [1, 2]]]);
});

test('more mentions, and full names, mean more confidence', () => {
  const once = suggest('Tob waved.', index).characters[0]!.confidence;
  const often = suggest('Tobin Ash waved. Tobin ran. Tobin sang. Tobin slept. Tobin woke.', index).characters[0]!.confidence;
  assert.ok(often > once, `${often} > ${once}`);
  assert.ok(often <= 1 && once > 0);
});
