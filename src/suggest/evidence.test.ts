import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evidence } from './evidence.ts';
import { suggest } from './suggest.ts';
import type { Evidence, Suggestions } from './suggest.types.ts';
import { testIndex } from './test-support.ts';
import { tokenize } from './tokenize.ts';

const index = testIndex();

function allEvidence(s: Suggestions): Evidence[] {
  return [
    ...s.rating.evidence,
    ...s.warnings.flatMap((w) => w.evidence),
    ...s.characters.flatMap((c) => c.evidence),
    ...s.relationships.flatMap((r) => r.evidence),
    ...s.fandoms.flatMap((f) => f.evidence),
    ...(s.language?.evidence ?? []),
  ];
}

/** The excerpt at the reported place really holds the match, and marks it. */
function check(chapters: string[], e: Evidence): void {
  const text = chapters[e.chapter - 1]!;
  assert.equal(text.slice(e.offset, e.offset + e.length), e.match, `chapter ${e.chapter} at ${e.offset}`);
  assert.ok(e.excerpt.includes(`«${e.match.replace(/\s+/g, ' ')}»`), `${e.excerpt} marks ${e.match}`);
  assert.ok(e.excerpt.length <= 260, 'excerpts stay short');
}

test('every evidence item points at its match, in every kind of suggestion', () => {
  const chapters = [
    'Captain Voss stood at the rail.\n\nTobin’s hands shook. He kissed Mara, and Mara kissed him back, and the whole crew cheered.',
    'The storm came. Ilse Marrow was stabbed; her entrails spilled and the blood pooled on the deck.\n\n* * *\n\nThey buried Ilse Marrow at sea. "Damn it," said Tob.',
  ];
  const s = suggest(chapters, index);
  const items = allEvidence(s);
  assert.ok(items.length >= 10, `${items.length} evidence items`);
  assert.ok(s.warnings.length === 2 && s.relationships.length === 1 && s.characters.length === 3);
  for (const e of items) check(chapters, e);
});

test('property: evidence positions hold for random texts', () => {
  const vocabulary = ['Mara', 'Voss', 'Tobin', "Tobin's", 'Ilse', 'kissed', 'blood', 'stabbed', 'shit', 'died', 'the', 'and', 'was', 'sea',
    'naked', 'lips', 'friend', 'Captain', 'Dez', 'Oskar', 'Lind', '\n\n', '\n\n* * *\n\n', '.', ',', '—', '“', '”', 'déjà', '小雨'];
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 3 }), (chs) => {
      const chapters = chs.map((ws) => ws.join(' '));
      for (const e of allEvidence(suggest(chapters, index))) check(chapters, e);
    }),
    { numRuns: 150 },
  );
});

test('an excerpt is cut at word boundaries, collapses whitespace and marks every span inside it', () => {
  const text = `${'far away words '.repeat(10)}Tobin\n\nkissed   Mara ${'and more words after '.repeat(10)}`;
  const t = tokenize(text);
  const at = text.indexOf('Tobin');
  const e = evidence(t, 2, [{ start: at + 7, end: at + 13 }, { start: at, end: at + 5 }, { start: at + 16, end: at + 20 }]);
  assert.equal(e.chapter, 2);
  assert.equal(e.match, 'kissed');
  assert.match(e.excerpt, /^….* «Tobin» «kissed» «Mara» and more .*…$/);
  const words = e.excerpt.replace(/[…«»]/g, '').split(' ');
  for (const w of words) assert.ok(['far', 'away', 'words', 'Tobin', 'kissed', 'Mara', 'and', 'more', 'after'].includes(w), `whole word: ${w}`);
});
