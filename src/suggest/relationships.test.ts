import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNameIndex } from './name-index.ts';
import { relationshipName } from './relationships.ts';
import { suggest } from './suggest.ts';
import { testIndex } from './test-support.ts';

const index = testIndex();
const rels = (text: string | string[]) => suggest(text, index).relationships.map((r) => r.tag);

test('romantic language near two names suggests the existing tag, in the order its wranglers chose', () => {
  const s = suggest('Mara kissed Tobin under the lantern, and Tobin kissed her back.', index);
  assert.deepEqual(s.relationships.map((r) => [r.tag, r.kind, r.existing]), [['Tobin Ash/Mara Voss', 'romantic', true]]);
  assert.ok(s.relationships[0]!.confidence >= 0.5);
});

test('with no existing tag, the canonical names are joined in alphabetical order', () => {
  assert.deepEqual(rels('Ilse Marrow took Tobin Ash by the hand and kissed him.'), ['Ilse Marrow/Tobin Ash']);
  assert.deepEqual(rels('Tobin Ash took Ilse Marrow by the hand and kissed her.'), ['Ilse Marrow/Tobin Ash']);
  assert.equal(relationshipName(['Zed', 'ann'], 'romantic'), 'ann/Zed', 'case does not change the order');
  assert.equal(relationshipName(['Tobin Ash', 'Ilse Marrow'], 'platonic'), 'Ilse Marrow & Tobin Ash');
});

test('a friendship gets the existing platonic tag, not the existing romantic one', () => {
  const idx = createNameIndex({
    fandoms: [{ id: 2, name: 'Lanternfall' }],
    characters: [{ id: 21, name: 'Mara Quill', fandoms: [2] }, { id: 22, name: 'Achterberg, Desmond', synonyms: ['Dez'], fandoms: [2] }],
    relationships: [{ id: 31, name: 'Mara Quill/Desmond Achterberg' }, { id: 32, name: 'Desmond Achterberg & Mara Quill' }],
  });
  const text = ['Dez and Mara Quill shared the night shift. Dez fixed the motors; Mara fixed his spelling.',
    'When the dome jammed, Mara climbed up and Dez held the ladder, laughing, because they were friends.'].join('\n\n');
  const s = suggest(text, idx);
  assert.deepEqual(s.relationships.map((r) => [r.tag, r.kind, r.existing]), [['Desmond Achterberg & Mara Quill', 'platonic', true]]);
  assert.deepEqual(suggest('Dez kissed Mara Quill.', idx).relationships.map((r) => r.tag), ['Mara Quill/Desmond Achterberg']);
});

test('scene partners without romance and without enough shared scenes get nothing', () => {
  assert.deepEqual(rels('Tobin sold Ilse a rope.'), []);
});

test('romantic words credit the two nearest names, not a bystander', () => {
  assert.deepEqual(rels('Ilse watched from the mast as Tobin kissed Mara on the dock.'), ['Tobin Ash/Mara Voss']);
});

test('names on either side of a scene break do not share the romance', () => {
  assert.deepEqual(rels('Mara Voss read the letter twice.\n\n* * *\n\nFar away, Tobin Ash kissed the ring he had bought.'), []);
});

test('a text with no line breaks is still cut into scenes', () => {
  const filler = 'The trains came and went and the porters argued about the weather all morning long. '.repeat(12);
  const text = `Ilse Marrow opened the office at six. ${filler}Out on the far platform Tobin Ash kissed Mara Voss.`;
  assert.deepEqual(rels(text), ['Tobin Ash/Mara Voss'], 'Ilse is too far away to be in the scene');
});

test('a poly tag of three characters is never suggested for two', () => {
  const idx = createNameIndex({
    fandoms: [{ id: 1, name: 'F' }],
    characters: [{ id: 1, name: 'Aya Brook', fandoms: [1] }, { id: 2, name: 'Cass Dunn', fandoms: [1] }, { id: 3, name: 'Eli Fox', fandoms: [1] }],
    relationships: [{ id: 9, name: 'Cass Dunn/Aya Brook/Eli Fox' }],
  });
  assert.deepEqual(suggest('Cass Dunn kissed Aya Brook.', idx).relationships.map((r) => r.tag), ['Aya Brook/Cass Dunn']);
});

test('relationship evidence marks the romantic word and both names', () => {
  const s = suggest('Tobin kissed Mara.', index);
  const e = s.relationships[0]!.evidence[0]!;
  assert.equal(e.excerpt, '«Tobin» «kissed» «Mara».');
  assert.equal(e.match, 'kissed');
});
