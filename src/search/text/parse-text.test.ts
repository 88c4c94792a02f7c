import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { QuireError } from '../../errors.ts';
import { showNode } from './ast.ts';
import { ftsString, metaMatch } from './fts-expr.ts';
import { parseText } from './parse-text.ts';

const show = (q: string) => {
  const n = parseText(q);
  return n ? showNode(n) : null;
};

test('words, phrases, prefixes, negation and fields', () => {
  assert.equal(show('dragon knight'), '(and "dragon" "knight")');
  assert.equal(show('"Blue Sky" drag*'), '(and "blue sky" "drag"*)');
  assert.equal(show('-vampire NOT ghost'), '(and (not "vampire") (not "ghost"))');
  assert.equal(show('title:Sea creator:ann tag:"hurt/comfort" summary:x notes:y'), '(and title:"sea" creator:"ann" tag:"hurt comfort" summary:"x" notes:"y")');
  assert.equal(show('author:ann by:bo tags:fluff'), '(and creator:"ann" creator:"bo" tag:"fluff")');
  assert.equal(show('-title:storm'), '(not title:"storm")');
  assert.equal(show('title:(dark night)'), '(and title:"dark" title:"night")');
});

test('OR binds tighter than the implicit AND; parentheses group', () => {
  assert.equal(show('a b OR c'), '(and "a" (or "b" "c"))');
  assert.equal(show('(a b) OR c'), '(or (and "a" "b") "c")');
  assert.equal(show('a OR b OR c'), '(or "a" "b" "c")');
  assert.equal(show('cats or dogs'), '(and "cats" "or" "dogs")', 'lower-case or is a word');
  assert.equal(show('OR a OR'), '"a"', 'stray ORs are ignored');
  assert.equal(show('-(a OR b) c'), '(and (not (or "a" "b")) "c")');
  assert.equal(show('NOT NOT a'), '"a"');
});

test('punctuation is a separator, never syntax', () => {
  assert.equal(show("don't"), '"don t"');
  assert.equal(show('NEAR(a b)'), '(and "near" "a" "b")');
  assert.equal(show('a^2 x:y {col}:z'), '(and "a 2" "x y" "col z")');
  assert.equal(show('* ^ : - -- ()'), null);
  assert.equal(show(''), null);
});

test('accents and case fold; CJK words become phrases of characters', () => {
  assert.equal(show('CAFÉ Zoë'), '(and "cafe" "zoe")');
  assert.equal(show('東京タワー'), '"東 京 タ ワ ー"');
  assert.equal(show('東京*'), '"東 京"', 'a prefix on a single character means nothing');
  assert.equal(show('hello世界'), '"hello 世 界"');
});

test('malformed queries are bad_request with a message that says what to fix', () => {
  const cases: [string, RegExp][] = [
    ['"unclosed phrase', /never closed; add the closing "/],
    ['(a b', /\( is never closed/],
    ['a b)', /\) has no matching \(/],
    ['a*', /at least two letters/],
    ['x'.repeat(1001), /1001 characters long; the limit is 1000/],
    [Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), /40 terms; the limit is 32/],
    ['('.repeat(9) + 'a' + ')'.repeat(9), /nested more than 8 deep/],
  ];
  for (const [q, message] of cases) {
    assert.throws(() => parseText(q), (err: unknown) => err instanceof QuireError && err.code === 'bad_request' && message.test(err.message), q.slice(0, 30));
  }
});

test('property: any string parses or fails with bad_request, and terms are always quoted FTS5 strings', () => {
  const syntax = fc.constantFrom('"', '(', ')', '-', '*', ':', 'OR', 'NOT', 'AND', 'NEAR(', '^', 'title:', ' ', '東', 'é', '{', '}', '+');
  const input = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.oneof(syntax, fc.string({ maxLength: 5 })), { maxLength: 60 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 80 }));
  fc.assert(
    fc.property(input, (q) => {
      try {
        const root = parseText(q);
        if (!root) return;
        const walk = (n: NonNullable<typeof root>): void => {
          if (n.kind === 'term') {
            assert.ok(n.tokens.length > 0);
            // One FTS5 string, any quote inside doubled (a full-width quote becomes '"' under NFKC).
            assert.match(ftsString(n), /^"(?:[^"]|"")*"( \*)?$/);
            assert.match(metaMatch(n), /^((title|creators|tags|summary|notes) : )?"(?:[^"]|"")*"( \*)?$/);
          } else if (n.kind === 'not') walk(n.child);
          else n.children.forEach(walk);
        };
        walk(root);
      } catch (err) {
        assert.ok(err instanceof QuireError && err.code === 'bad_request', String(err));
      }
    }),
    { numRuns: 2000 },
  );
});
