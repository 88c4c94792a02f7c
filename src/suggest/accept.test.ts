import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyAccepted, holds, parseAccepted, type TagFields } from './accept.ts';
import { hintExceeds } from './rating-hint.ts';

const FIELDS: TagFields = { rating: 'General Audiences', warnings: ['No Archive Warnings Apply'], fandoms: ['Uncategorized'], characters: ['Lizzy'], relationships: [], language: 'en' };
const SYNONYMS = new Map([['lizzy', 'Elizabeth Bennet']]);

test('accept keys are parsed strictly: unknown kinds, ratings, warnings and commas are dropped', () => {
  assert.deepEqual(parseAccepted(['character:Mara  Voss', 'rating:Explicit', 'rating:R', 'warning:Spoilers', 'tag:x', 'fandom:A, B', 'nocolon', ':x']), [
    { kind: 'character', value: 'Mara Voss' },
    { kind: 'rating', value: 'Explicit' },
  ]);
});

test('accepting adds tags (canonical over synonyms), replaces placeholders, and sets the rating and language', () => {
  const out = applyAccepted(FIELDS, [
    { kind: 'character', value: 'Elizabeth Bennet' },
    { kind: 'character', value: 'Fitzwilliam Darcy' },
    { kind: 'fandom', value: 'Pride and Prejudice' },
    { kind: 'warning', value: 'Major Character Death' },
    { kind: 'rating', value: 'Mature' },
    { kind: 'language', value: 'fr' },
    { kind: 'relationship', value: 'Elizabeth Bennet/Fitzwilliam Darcy' },
    { kind: 'relationship', value: 'elizabeth bennet/fitzwilliam darcy' },
  ], SYNONYMS);
  assert.deepEqual(out, {
    rating: 'Mature',
    warnings: ['Major Character Death'],
    fandoms: ['Pride and Prejudice'],
    characters: ['Elizabeth Bennet', 'Fitzwilliam Darcy'],
    relationships: ['Elizabeth Bennet/Fitzwilliam Darcy'],
    language: 'fr',
  });
  assert.deepEqual(FIELDS.characters, ['Lizzy'], 'the input is not changed');
  assert.equal(holds(['Lizzy'], 'Elizabeth Bennet', SYNONYMS), true);
  assert.equal(holds(['Lizzy'], 'Elizabeth Bennet'), false);
});

test('a hint exceeds a lower declared rating, never Not Rated', () => {
  assert.equal(hintExceeds('General Audiences', 'Explicit'), true);
  assert.equal(hintExceeds('Mature', 'Teen And Up Audiences'), false);
  assert.equal(hintExceeds('Mature', 'Mature'), false);
  assert.equal(hintExceeds('Not Rated', 'Explicit'), false);
});
