import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuireError } from '../errors.ts';
import { buildWorkInput } from './build-input.ts';
import { overridesFromFlags } from './overrides.ts';

test('flags become overrides with the front-matter rules', () => {
  assert.deepEqual(overridesFromFlags({
    title: 'Given', fandom: ['A', 'B, C'], rating: 'teen', warning: ['none'], category: ['f/f'], relationship: ['X/Y'],
    character: ['X'], tag: ['Fluff'], creator: ['me'], language: 'Deutsch', series: 'Tides', draft: true, restricted: true,
  }), {
    title: 'Given', fandoms: ['A', 'B', 'C'], rating: 'Teen And Up Audiences', warnings: ['No Archive Warnings Apply'], categories: ['F/F'],
    relationships: ['X/Y'], characters: ['X'], tags: ['Fluff'], creators: ['me'], language: 'de', series: [{ title: 'Tides' }],
    status: 'draft', restricted: true,
  });
  assert.deepEqual(overridesFromFlags({ draft: false }), {});
});

test('every bad flag is named', () => {
  assert.throws(() => overridesFromFlags({ rating: 'R', language: 'Elvish', fandom: [''] }), (err: unknown) => {
    assert.ok(err instanceof QuireError);
    assert.equal(err.code, 'bad_request');
    assert.equal(err.message, '--fandom: is empty; --rating: "R" is not a rating (one of Not Rated, General Audiences, Teen And Up Audiences, Mature, Explicit); --language: "Elvish" is not a known language or language code');
    return true;
  });
});

test('defaults fill what is missing; the file beats defaults; flags beat the file', () => {
  const parsed = { meta: { title: 'From File', fandoms: ['File Fandom'], rating: 'Mature' as const }, chapters: [{ html: '<p>Story text here.</p><script>x()</script>' }], warnings: ['w'] };
  const { input, warnings } = buildWorkInput(parsed, 'dir/some_file.txt', { fandoms: ['Flag Fandom'] }, 'abc');
  assert.deepEqual(warnings, ['w']);
  assert.equal(input.title, 'From File');
  assert.deepEqual(input.fandoms, ['Flag Fandom']);
  assert.equal(input.rating, 'Mature');
  assert.deepEqual(input.warnings, ['Creator Chose Not To Use Archive Warnings']);
  assert.deepEqual(input.creators, ['Anonymous']);
  assert.equal(input.language, 'en');
  assert.equal(input.importHash, 'abc');
  assert.equal(input.chapters[0]!.html, '<p>Story text here.</p>', 'sanitized');
  const bare = buildWorkInput({ meta: {}, chapters: [{ html: '<p>雨が降っていた。彼女は傘を持っていなかった。</p>' }], warnings: [] }, 'the_long_way-home.txt').input;
  assert.equal(bare.title, 'The Long Way Home');
  assert.equal(bare.rating, 'Not Rated');
  assert.deepEqual(bare.fandoms, ['Uncategorized']);
  assert.equal(bare.language, 'ja');
});
