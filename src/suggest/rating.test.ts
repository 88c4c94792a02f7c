import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNameIndex } from './name-index.ts';
import { THRESHOLDS, WINDOW, densest, type Hit } from './rating.ts';
import { suggest } from './suggest.ts';

const empty = createNameIndex({ fandoms: [], characters: [] });
const rate = (text: string | string[]) => suggest(text, empty).rating;
const violent = (text: string) => suggest(text, empty).warnings.some((w) => w.value === 'Graphic Depictions Of Violence');
/** `n` words of harmless prose (ten words a sentence). */
const filler = (n: number) => 'The tide came in and the tide went out again. '.repeat(Math.ceil(n / 10));

test('a text with no listed words is General Audiences, surer when it is long', () => {
  const short = rate('The kettle sang.');
  const long = rate(filler(3000));
  assert.equal(short.value, 'General Audiences');
  assert.equal(long.value, 'General Audiences');
  assert.ok(long.confidence > short.confidence);
});

test('sexual content: Teen from 1 point, Mature from 2 with a moderate word, Explicit from 6 with a strong one', () => {
  assert.deepEqual(THRESHOLDS.sexual, { 'Teen And Up Audiences': { points: 1, grade: 1 }, Mature: { points: 2, grade: 2 }, Explicit: { points: 6, grade: 3 } });
  assert.equal(rate('They made out in the van.').value, 'Teen And Up Audiences');
  assert.equal(rate('They spent the night naked.').value, 'Mature');
  assert.equal(rate('Her hand found his cock.').value, 'Mature', 'one strong word (4 points) is not enough');
  assert.equal(rate('Her hand found his cock and he moaned.').value, 'Explicit', '4 + 2 points');
});

test('violence: Teen from 2 points, Mature (and the graphic violence warning) from 6 with a strong word', () => {
  assert.equal(rate('He punched the wall.').value, 'General Audiences');
  assert.equal(rate('He punched the wall and kicked the door.').value, 'Teen And Up Audiences');
  assert.equal(rate('The entrails lay on the deck.').value, 'Teen And Up Audiences');
  assert.equal(violent('The entrails lay on the deck.'), false);
  assert.equal(rate('He was stabbed and his entrails lay on the deck.').value, 'Mature');
  assert.equal(violent('He was stabbed and his entrails lay on the deck.'), true);
});

test('crude language: Teen from 2 points, Mature only when pervasive (20 points per 1,000 words)', () => {
  assert.equal(rate('Damn.').value, 'General Audiences');
  assert.equal(rate('Oh, shit.').value, 'Teen And Up Audiences');
  assert.equal(rate('Fuck. Fuck, fuck, fuck. Fuck!').value, 'Mature');
  assert.equal(rate(`Fuck. ${filler(300)} Fuck. ${filler(1200)} Fuck. ${filler(1200)} Fuck. ${filler(1200)} Fuck.`).value, 'Teen And Up Audiences', 'five spread over 4,000 words');
});

test('points are counted in the densest 1,000-word stretch: one explicit scene in a long work still counts', () => {
  const scene = 'She stroked his cock until he moaned and came.';
  assert.equal(rate(filler(5000) + scene + filler(5000)).value, 'Explicit');
  const spread = `Her hand found his cock. ${filler(WINDOW + 100)} He moaned.`;
  assert.equal(rate(spread).value, 'Mature', 'the two words are more than 1,000 words apart');
  assert.equal(rate([`Her hand found his cock.`, 'He moaned.']).value, 'Mature', 'stretches do not cross chapters');
});

test('harmless phrases do not count: the naked eye, blood pressure', () => {
  assert.equal(rate('The comet was visible to the naked eye. His blood pressure was fine.').value, 'General Audiences');
});

test('a word that is part of a character name is not counted', () => {
  const idx = createNameIndex({ fandoms: [], characters: [{ id: 1, name: 'Hazel Blood' }] });
  assert.equal(suggest('Hazel Blood laughed. Blood poured the tea.', idx).rating.value, 'General Audiences');
});

test('more points above the threshold mean more confidence', () => {
  const one = rate('Oh, shit.').confidence;
  const many = rate('Oh, shit. Shit, shit, you bastard.').confidence;
  assert.ok(many > one, `${many} > ${one}`);
});

test('densest() finds the best stretch and keeps chapters apart', () => {
  const h = (chapter: number, from: number, grade: 1 | 2 | 3): Hit => ({ chapter, from, to: from + 1, category: 'sexual', grade });
  assert.deepEqual(densest([]).points, 0);
  const best = densest([h(0, 0, 1), h(0, 2000, 3), h(0, 2500, 2), h(1, 2600, 3)]);
  assert.equal(best.points, 6);
  assert.deepEqual(best.hits.map((x) => x.from), [2000, 2500]);
});

test('rating evidence shows the passages of the deciding kind of content, strongest first', () => {
  const r = rate('Oh, damn. He was stabbed, and the blood pooled under him.');
  assert.equal(r.value, 'Mature');
  assert.deepEqual(r.evidence.map((e) => [e.match, e.reason]), [['blood pooled', 'violence (strong)'], ['stabbed', 'violence (moderate)']]);
});
