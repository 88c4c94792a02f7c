import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCookieRules, encodeCookieRules } from './rules.cookie.ts';
import { RULES_VERSION, parseStoredRules, rulesFromDocument, serializeRules } from './rules.stored.ts';
import { FILTER_LIMITS, emptyRules, isEmptyRules, normalizeRules, ruleIssues, toHideRules, type FilterRules } from './rules.ts';

const sample: FilterRules = {
  tags: ['Angst', 'Coffee Shop AU'],
  ratings: ['Explicit'],
  warnings: ['Major Character Death'],
  categories: ['F/M'],
  creators: [4, 9],
  crossovers: true,
  languages: ['fr', 'pt-BR'],
  wordsMin: 1000,
  wordsMax: 50_000,
};

test('normalizeRules tidies names, folds duplicates and moves ratings, warnings and categories out of tags', () => {
  const r = normalizeRules({
    tags: ['  Angst ', 'angst', 'ANGST', '', 'Hurt/Comfort', 'explicit', 'major character death', 'f/f'],
    ratings: ['Explicit', 'Mature'],
    creators: [3, 3, 0, -1, 7],
    languages: ['fr', 'fr', ' '],
    wordsMin: 0,
    wordsMax: 12.7,
  });
  assert.deepEqual(r.tags, ['Angst', 'Hurt/Comfort']);
  assert.deepEqual(r.ratings, ['Mature', 'Explicit'], 'in the fixed order, once');
  assert.deepEqual(r.warnings, ['Major Character Death']);
  assert.deepEqual(r.categories, ['F/F']);
  assert.deepEqual(r.creators, [3, 7]);
  assert.deepEqual(r.languages, ['fr']);
  assert.equal(r.wordsMin, null, 'zero means no bound');
  assert.equal(r.wordsMax, 12);
  assert.equal(isEmptyRules(emptyRules()), true);
  assert.equal(isEmptyRules(normalizeRules({ crossovers: true })), false);
});

test('ruleIssues names each field over its limit; the word bounds must leave something', () => {
  const tooMany = normalizeRules({ tags: Array.from({ length: FILTER_LIMITS.tags + 1 }, (_, i) => `Tag ${i}`), creators: Array.from({ length: FILTER_LIMITS.creators + 1 }, (_, i) => i + 1) });
  assert.deepEqual(ruleIssues(tooMany).map((i) => i.field), ['tags', 'creators']);
  assert.match(ruleIssues(tooMany)[0]!.message, /201 tags; a profile may hide at most 200/);
  assert.deepEqual(ruleIssues(normalizeRules({ tags: Array.from({ length: 200 }, (_, i) => `T${i}`), creators: Array.from({ length: 2000 }, (_, i) => i + 1) })), []);
  assert.deepEqual(ruleIssues(normalizeRules({ tags: ['x'.repeat(151)] })).map((i) => i.field), ['tags']);
  assert.deepEqual(ruleIssues(normalizeRules({ languages: ['English!'] })).map((i) => i.field), ['languages']);
  const crossed = ruleIssues(normalizeRules({ wordsMin: 5000, wordsMax: 1000 }));
  assert.deepEqual(crossed.map((i) => i.field), ['words_max']);
  assert.match(crossed[0]!.message, /hide every work/);
  assert.deepEqual(ruleIssues(normalizeRules({ wordsMin: 1000, wordsMax: 1000 })), []);
});

test('toHideRules merges fixed tags into tags and mutes into pen names; nothing to hide is undefined', () => {
  assert.deepEqual(toHideRules(sample, [9, 11]), {
    tags: ['Angst', 'Coffee Shop AU', 'Explicit', 'Major Character Death', 'F/M'],
    pseudIds: [4, 9, 11],
    languages: ['fr', 'pt-BR'],
    crossovers: true,
    wordsMin: 1000,
    wordsMax: 50_000,
  });
  assert.equal(toHideRules(emptyRules()), undefined);
  assert.equal(toHideRules(null), undefined);
  assert.deepEqual(toHideRules(null, [5]), { pseudIds: [5] }, 'a guest-less member with only mutes');
});

test('stored rules carry their version and round-trip', () => {
  const json = serializeRules(sample);
  assert.equal(JSON.parse(json).v, RULES_VERSION);
  assert.deepEqual(parseStoredRules(json), sample);
});

test('an older (version 1) document still loads: the engine-shaped layout is upgraded', () => {
  // Frozen as version 1 wrote it: ratings and warnings inside `tags`, creators as `pseudIds`.
  const v1 = '{"v":1,"tags":["Angst","Explicit","Major Character Death","Gen"],"pseudIds":[12,40],"languages":["ru"],"crossovers":true,"wordsMax":8000}';
  assert.deepEqual(parseStoredRules(v1), {
    tags: ['Angst'],
    ratings: ['Explicit'],
    warnings: ['Major Character Death'],
    categories: ['Gen'],
    creators: [12, 40],
    crossovers: true,
    languages: ['ru'],
    wordsMin: null,
    wordsMax: 8000,
  });
  assert.deepEqual(parseStoredRules('{"v":1}'), emptyRules(), 'every version 1 field was optional');
});

test('documents that do not read are refused with a reason, never half-read', () => {
  assert.throws(() => parseStoredRules('{not json'), { code: 'bad_request', message: /not valid JSON/ });
  assert.throws(() => rulesFromDocument({ v: RULES_VERSION + 1, tags: [] }), { code: 'bad_request', message: /newer Quire/ });
  assert.throws(() => rulesFromDocument({ tags: ['Angst'] }), { code: 'bad_request', message: /malformed/ });
  assert.throws(() => rulesFromDocument({ ...JSON.parse(serializeRules(sample)), ratings: ['R'] }), { code: 'bad_request', message: /ratings/ });
  assert.throws(() => rulesFromDocument(null), { code: 'bad_request' });
});

test('the cookie payload is compact base64url and decodes to the same rules', () => {
  const payload = encodeCookieRules(sample);
  assert.match(payload, /^[A-Za-z0-9_-]+$/);
  const compact = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  assert.deepEqual(compact, { v: RULES_VERSION, t: ['Angst', 'Coffee Shop AU'], r: [4], w: [3], c: [1], p: [4, 9], x: 1, l: ['fr', 'pt-BR'], n: 1000, m: 50000 });
  assert.deepEqual(decodeCookieRules(payload), sample);
  const unicode = normalizeRules({ tags: ['魔道祖师 - 墨香铜臭', 'Ficción'] });
  assert.deepEqual(decodeCookieRules(encodeCookieRules(unicode)), unicode);
  assert.equal(encodeCookieRules(emptyRules()), '', 'nothing to keep: no cookie');
});

test('a garbled cookie payload means no rules, never an error', () => {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
  for (const bad of ['', '!!!', 'not-base64-json', enc({ v: 2, r: [9] }), enc({ v: 99, t: ['x'] }), enc({ v: 2, p: ['a'] }), enc([1, 2]), enc('text'), 'A'.repeat(9000)]) {
    assert.equal(decodeCookieRules(bad), null, `payload ${bad.slice(0, 30)}`);
  }
});
