import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggest } from './suggest.ts';
import { testIndex } from './test-support.ts';

const index = testIndex();
const death = (text: string) => suggest(text, index).warnings.find((w) => w.value === 'Major Character Death');

test('death language about a named character: before, after, or owning the phrase', () => {
  for (const text of [
    'Mara Voss died at dawn, her hand in his.',
    'They buried Tobin Ash on the headland.',
    "At Tobin's funeral the crew sang.",
    'Ilse Marrow had been killed in the storm.',
    'The death of Mara Voss changed everything.',
    'Ilse did not survive the winter.',
  ]) {
    const w = death(text);
    assert.ok(w, text);
    assert.ok(w.confidence >= 0.5, text);
    assert.match(w.evidence[0]!.reason ?? '', /^death of /);
  }
});

test('hedged or hypothetical deaths are not deaths', () => {
  for (const text of [
    'Mara nearly died in the storm.',
    'Tobin almost died twice that year.',
    'Everyone thought Ilse was dead, but she came home.',
    'If Will Fenwick goes out there, he will die.',
    'Mara would have died without him.',
    "Tobin didn't die that night.",
  ]) assert.equal(death(text), undefined, text);
});

test('a name that contains a hedge word is no hedge: "Will Fenwick was murdered"', () => {
  assert.ok(death('Will Fenwick was murdered on the night train.'));
});

test('deaths of unnamed people and of characters who barely appear do not count', () => {
  assert.equal(death('The old dog died in his sleep, and the crew mourned him.'), undefined);
  const minor = ['Mara Voss', 'Tobin Ash', 'Ilse Marrow'].map((n) => `${n} walked. ${n} talked. ${n} laughed.`).join(' ');
  assert.equal(death(`${minor} ${minor} ${minor} Far away, Oskar Lind died.`), undefined, 'the fourth character, with one mention in 40, is not major');
});

test('a capitalized name the archive does not know counts, with less confidence', () => {
  const w = death('Gregor died in the snow.');
  assert.ok(w);
  assert.ok(w.confidence < death('Mara Voss died in the snow.')!.confidence);
  assert.equal(death('Everyone died in the end.'), undefined, 'a common word is not a name');
});

test('the evidence marks both the name and the death phrase', () => {
  const text = 'Long after the storm, Mara Voss died quietly.';
  const e = death(text)!.evidence[0]!;
  assert.equal(text.slice(e.offset, e.offset + e.length), 'died');
  assert.match(e.excerpt, /«Mara Voss» «died»/);
});
