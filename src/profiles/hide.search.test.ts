import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readerArchive } from '../interactions/interactions.testing.ts';
import { searchQuery } from '../search/query.ts';
import { addMetatag, makeSynonym } from '../tags/wrangle.ts';
import { GUEST, OPERATOR } from '../works/visibility.ts';
import { hideRulesFor } from './hide-rules-for.ts';
import { encodeCookieRules } from './rules.cookie.ts';
import { normalizeRules, toHideRules, type FilterRules } from './rules.ts';

/** Saved rules through the real engine: what each kind of rule removes, and the count it reports. */

const prose = (words: number) => `<p>${Array.from({ length: words }, (_, i) => ['lanterns', 'swayed', 'over', 'the', 'quiet', 'harbour'][i % 6]).join(' ')}.</p>`;

async function library(t: TestContext) {
  const h = await readerArchive(t);
  const make = (title: string, words: number, more: Parameters<typeof h.work>[0] = {}) => h.work({ title, chapters: [{ html: prose(words) }], ...more });
  const w = {
    plain: await make('Plain', 40),
    angst: await make('Angst', 40, { tags: ['Angst'] }),
    synonym: await make('Synonym', 40, { tags: ['Angsty Feelings'] }),
    meta: await make('Meta', 40, { tags: ['Hurt/Comfort'] }),
    subtag: await make('Subtag', 40, { tags: ['Whump'] }),
    byLoud: await make('By loud', 40, { creators: ['someone', 'Loud Pen'] }),
    crossover: await make('Crossover', 40, { fandoms: ['Lighthouse Keepers', 'Orchard Tales'] }),
    french: await make('French', 40, { language: 'fr' }),
    short: await make('Short', 12),
    long: await make('Long', 300),
    explicit: await make('Explicit', 40, { rating: 'Explicit' }),
    death: await make('Death', 40, { warnings: ['Major Character Death'] }),
    fm: await make('FM', 40, { categories: ['F/M'] }),
  };
  const { store, events } = h.archive;
  const tagId = async (name: string) => (await store.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  await makeSynonym(store, events, await tagId('Angsty Feelings'), await tagId('Angst'));
  await addMetatag(store, events, await tagId('Whump'), await tagId('Hurt/Comfort'));
  const loud = (await store.db.selectFrom('pseuds').select('id').where('name', '=', 'Loud Pen').executeTakeFirstOrThrow()).id;
  const all = Object.values(w).map((x) => x.id);
  return { h, w, loud, all };
}

type Library = Awaited<ReturnType<typeof library>>;

/** Searches everything as a guest with `rules` and returns the titles left and the hidden count. */
async function run(lib: Library, rules: Partial<FilterRules>, query = searchQuery({ perPage: 100 })) {
  const r = await lib.h.archive.search.search(GUEST, query, { hide: toHideRules(normalizeRules(rules)) });
  return { titles: r.items.map((i) => i.work.title).sort(), total: r.total, hidden: r.hiddenByFilters };
}

function without(lib: Library, ...gone: (keyof Library['w'])[]): string[] {
  return Object.entries(lib.w).filter(([k]) => !gone.includes(k as keyof Library['w'])).map(([, v]) => v.title).sort();
}

test('each kind of rule removes exactly its works and reports how many it hid', async (t) => {
  const lib = await library(t);
  const cases: [string, Partial<FilterRules>, (keyof Library['w'])[]][] = [
    ['a tag, with its synonym', { tags: ['Angst'] }, ['angst', 'synonym']],
    ['a synonym by name: its canonical tag', { tags: ['angsty feelings'] }, ['angst', 'synonym']],
    ['a metatag, with its subtag', { tags: ['Hurt/Comfort'] }, ['meta', 'subtag']],
    ['a subtag only', { tags: ['Whump'] }, ['subtag']],
    ['a pen name (a co-created work too)', { creators: [lib.loud] }, ['byLoud']],
    ['crossovers', { crossovers: true }, ['crossover']],
    ['a language', { languages: ['fr'] }, ['french']],
    ['shorter than', { wordsMin: 20 }, ['short']],
    ['longer than', { wordsMax: 100 }, ['long']],
    ['a rating', { ratings: ['Explicit'] }, ['explicit']],
    ['a rating typed as a tag', { tags: ['explicit'] }, ['explicit']],
    ['a warning', { warnings: ['Major Character Death'] }, ['death']],
    ['a category', { categories: ['F/M'] }, ['fm']],
    ['a tag nobody uses', { tags: ['Nothing Like This'] }, []],
  ];
  for (const [what, rules, gone] of cases) {
    const r = await run(lib, rules);
    assert.deepEqual(r.titles, without(lib, ...gone), what);
    assert.deepEqual([r.total, r.hidden], [lib.all.length - gone.length, gone.length], `${what}: total and hidden count`);
  }
  const everything = await run(lib, { tags: ['Angst', 'Hurt/Comfort'], creators: [lib.loud], crossovers: true, languages: ['fr'], wordsMin: 20, wordsMax: 100, ratings: ['Explicit'], warnings: ['Major Character Death'], categories: ['F/M'] });
  assert.deepEqual(everything.titles, ['Plain']);
  assert.equal(everything.hidden, lib.all.length - 1);
});

test('the hidden count covers only works the search matched; facets leave hidden works out', async (t) => {
  const lib = await library(t);
  const angstOnly = searchQuery({ include: ['Angst'], perPage: 100 });
  assert.deepEqual(await run(lib, { languages: ['fr'] }, angstOnly), { titles: ['Angst', 'Synonym'], total: 2, hidden: 0 });
  assert.deepEqual(await run(lib, { tags: ['Angsty Feelings'] }, angstOnly), { titles: [], total: 0, hidden: 2 });
  const r = await lib.h.archive.search.search(GUEST, searchQuery({}), { hide: toHideRules(normalizeRules({ ratings: ['Explicit'] })) });
  assert.equal(r.facets.rating.find((f) => f.name === 'Explicit'), undefined);
});

test('hideRulesFor: a member gets saved rules and mutes; a guest the cookie; the operator nothing', async (t) => {
  const lib = await library(t);
  const { h } = lib;
  const ann = await h.member('ann');
  const loudAccount = await h.member('loudmouth');
  await h.work({ title: 'By loudmouth', creators: ['loudmouth'], chapters: [{ html: prose(40) }] });
  assert.equal(await hideRulesFor(h.archive, ann), undefined, 'nothing saved, nobody muted');
  await h.archive.filterProfiles.save(ann.accountId!, { tags: ['Angst'], wordsMax: 100 });
  await h.archive.interactions.mutes.add(ann.accountId!, { username: 'loudmouth' });
  const rules = await hideRulesFor(h.archive, ann);
  assert.deepEqual(rules, { tags: ['Angst'], pseudIds: loudAccount.pseudIds, wordsMax: 100 });
  const r = await h.archive.search.search(ann, searchQuery({ perPage: 100 }), { hide: rules });
  assert.deepEqual(r.items.map((i) => i.work.title).sort(), without(lib, 'angst', 'synonym', 'long'));
  assert.equal(r.hiddenByFilters, 4, 'two by tag, one by length, one by the mute');

  const cookie = encodeCookieRules(normalizeRules({ languages: ['fr'], creators: [lib.loud] }));
  assert.deepEqual(await hideRulesFor(h.archive, GUEST, cookie), { pseudIds: [lib.loud], languages: ['fr'] });
  assert.equal(await hideRulesFor(h.archive, GUEST, 'garbled!'), undefined);
  assert.equal(await hideRulesFor(h.archive, GUEST), undefined);
  assert.deepEqual(await hideRulesFor(h.archive, ann, cookie), rules, 'a member’s cookie from before logging in is not theirs to apply');
  assert.equal(await hideRulesFor(h.archive, OPERATOR, cookie), undefined);
});
