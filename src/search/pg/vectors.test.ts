import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHUNK_TOKENS, MAX_OCCURRENCES, OVERLAP, chunkTokens, quoteLexeme, vectorLiteral, type Chunk } from './vectors.ts';
import { tsquery } from './queries.ts';

/** Whether `phrase` occurs as consecutive tokens inside one chunk. */
function inOneChunk(chunks: Chunk[], phrase: string[]): boolean {
  return chunks.some(({ tokens: c }) => c.some((_, i) => phrase.every((p, j) => c[i + j] === p)));
}

test('chunks stay within PostgreSQL limits and overlap so phrases survive the cut', () => {
  const tokens = [...Array<string>(MAX_OCCURRENCES).fill('w'), 'p', 'w', 'q', 'r'];
  const chunks = chunkTokens(tokens);
  assert.ok(chunks.length >= 2, 'a word repeated past the limit starts a new chunk');
  for (const c of chunks) assert.ok(c.tokens.filter((t) => t === 'w').length <= MAX_OCCURRENCES);
  for (const c of chunks) assert.deepEqual(c.tokens, tokens.slice(c.start, c.start + c.tokens.length), 'start is the first token\'s index');
  assert.ok(inOneChunk(chunks, ['w', 'p', 'w', 'q']), 'a phrase across the boundary is whole in the next chunk');
  assert.deepEqual(chunks.at(-1)!.tokens.slice(-3), ['w', 'q', 'r']);

  const long = Array.from({ length: CHUNK_TOKENS * 2 + 10 }, (_, i) => `t${i}`);
  const parts = chunkTokens(long);
  assert.equal(parts.length, 3);
  assert.ok(parts.every((p) => p.tokens.length <= CHUNK_TOKENS));
  assert.equal(parts[1]!.start, CHUNK_TOKENS - OVERLAP);
  assert.deepEqual(parts[1]!.tokens.slice(0, OVERLAP), long.slice(CHUNK_TOKENS - OVERLAP, CHUNK_TOKENS));
  const phrase = long.slice(CHUNK_TOKENS - OVERLAP, CHUNK_TOKENS + 1);
  assert.ok(inOneChunk(parts, phrase), `a phrase of ${OVERLAP + 1} tokens crossing the cut is found`);
  assert.deepEqual(chunkTokens([]), [{ start: 0, tokens: [] }], 'an empty chapter still has a row');
});

test('tsvector and tsquery literals quote lexemes and carry positions, weights and prefixes', () => {
  assert.equal(quoteLexeme("don't"), "'don''t'");
  assert.equal(quoteLexeme('a\\b'), "'a\\\\b'");
  assert.equal(vectorLiteral(['sea', 'sky', 'sea']), "'sea':1,3 'sky':2");
  assert.equal(vectorLiteral(['cafe'], 'A'), "'cafe':1A");
  assert.equal(vectorLiteral(['x'.repeat(3000), 'y']), "'y':2", 'an over-long token is left out, its position kept');
  const term = { kind: 'term' as const, field: null, tokens: ['silver', 'sh'], text: 'silver sh', prefix: true };
  assert.equal(tsquery(term), "'silver' <-> 'sh':*");
  assert.equal(tsquery({ ...term, tokens: ['东', '京'], prefix: false }), "'东' <-> '京'");
  assert.equal(tsquery({ ...term, tokens: ['x'.repeat(3000)] }), null);
});
