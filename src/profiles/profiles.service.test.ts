import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readerArchive } from '../interactions/interactions.testing.ts';
import { DEFAULT_PROFILE } from './profiles.service.ts';
import { emptyRules } from './rules.ts';

test('a profile is saved, read back cleaned, replaced, and cleared; one per account', async (t) => {
  const h = await readerArchive(t);
  const profiles = h.archive.filterProfiles;
  const ann = (await h.member('ann')).accountId!;
  const bea = (await h.member('bea')).accountId!;
  assert.deepEqual(await profiles.get(ann), emptyRules(), 'nothing saved yet');
  const saved = await profiles.save(ann, { tags: ['Angst', ' angst ', 'Explicit'], crossovers: true, languages: ['fr'], wordsMin: 500 });
  assert.deepEqual(saved, { ...emptyRules(), tags: ['Angst'], ratings: ['Explicit'], crossovers: true, languages: ['fr'], wordsMin: 500 });
  assert.deepEqual(await profiles.get(ann), saved);
  assert.deepEqual(await profiles.get(bea), emptyRules(), 'another account sees none of it');
  await profiles.save(ann, { warnings: ['Underage Sex'] });
  assert.deepEqual(await profiles.get(ann), { ...emptyRules(), warnings: ['Underage Sex'] }, 'a save replaces the whole profile');
  await profiles.update(ann, (r) => ({ ...r, tags: [...r.tags, 'Fluff'] }));
  assert.deepEqual((await profiles.get(ann)).tags, ['Fluff']);
  const rows = await h.archive.store.db.selectFrom('filter_profiles').selectAll().execute();
  assert.deepEqual(rows.map((r) => [r.account_id, r.name, JSON.parse(r.rules).v]), [[ann, DEFAULT_PROFILE, 2]]);
  assert.equal(rows[0]!.updated_at, '2025-03-01T12:00:00.000Z', 'stamped by the archive clock');
  await profiles.clear(ann);
  assert.deepEqual(await profiles.get(ann), emptyRules());
  await profiles.save(ann, { tags: ['Fluff'] });
  await profiles.save(ann, {});
  assert.equal((await h.archive.store.db.selectFrom('filter_profiles').selectAll().execute()).length, 0, 'saving nothing deletes the row');
});

test('save refuses rules past the limits, naming the field; nothing is written', async (t) => {
  const h = await readerArchive(t);
  const ann = (await h.member('ann')).accountId!;
  const profiles = h.archive.filterProfiles;
  await profiles.save(ann, { tags: ['Kept'] });
  const tags = Array.from({ length: 201 }, (_, i) => `Tag number ${i}`);
  await assert.rejects(profiles.save(ann, { tags }), (err: { code: string; issues: { field: string }[] }) => {
    assert.equal(err.code, 'validation_failed');
    assert.deepEqual(err.issues.map((i) => i.field), ['tags']);
    return true;
  });
  await assert.rejects(profiles.save(ann, { creators: Array.from({ length: 2001 }, (_, i) => i + 1) }), { code: 'validation_failed', message: /creators: .*at most 2,000/ });
  await assert.rejects(profiles.save(ann, { wordsMin: 10_000, wordsMax: 500 }), { code: 'validation_failed', message: /words_max/ });
  assert.deepEqual((await profiles.get(ann)).tags, ['Kept']);
  assert.equal((await profiles.save(ann, { tags: tags.slice(0, 200) })).tags.length, 200, '200 is allowed');
});

test('an older stored document loads upgraded; one that no longer reads is ignored (logged), never an error', async (t) => {
  const h = await readerArchive(t);
  const ann = (await h.member('ann')).accountId!;
  const db = h.archive.store.db;
  const put = (rules: string) =>
    db.insertInto('filter_profiles').values({ account_id: ann, name: DEFAULT_PROFILE, rules, updated_at: 'x' }).onConflict((oc) => oc.columns(['account_id', 'name']).doUpdateSet({ rules })).execute();
  await put('{"v":1,"tags":["Mature","Slow Burn"],"pseudIds":[3]}');
  assert.deepEqual(await h.archive.filterProfiles.get(ann), { ...emptyRules(), tags: ['Slow Burn'], ratings: ['Mature'], creators: [3] });
  await put('{"v":7,"everything":"new"}');
  assert.deepEqual(await h.archive.filterProfiles.get(ann), emptyRules(), 'from a newer Quire: hide nothing rather than fail');
  await put('not json at all');
  assert.deepEqual(await h.archive.filterProfiles.get(ann), emptyRules());
});

test('pen names resolve by name (case ignored), unknown ones are reported; the profile goes with its account', async (t) => {
  const h = await readerArchive(t);
  const ann = (await h.member('ann')).accountId!;
  const writer = await h.member('Inkwell');
  const profiles = h.archive.filterProfiles;
  const { found, unknown } = await profiles.pseudsByName(['inkwell', 'Nobody Here', 'ANN']);
  assert.deepEqual(found.map((p) => p.name), ['Inkwell', 'ann']);
  assert.deepEqual(unknown, ['Nobody Here']);
  assert.deepEqual((await profiles.pseudNames([writer.pseudIds![0]!, 99999])).map((p) => p.name), ['Inkwell'], 'a deleted pen name is left out');
  await h.work({ tags: ['Slow Burn'] });
  const kinds = await profiles.tagKinds(['slow burn', 'Test Fandom', 'Unheard Of']);
  assert.deepEqual([...kinds.entries()].sort(), [['slow burn', { name: 'Slow Burn', type: 'additional' }], ['test fandom', { name: 'Test Fandom', type: 'fandom' }]]);
  await profiles.save(ann, { tags: ['Slow Burn'] });
  await h.archive.accounts.deleteAccount(ann, 'a quiet lantern', 'orphan', '198.51.100.1');
  assert.equal((await h.archive.store.db.selectFrom('filter_profiles').selectAll().execute()).length, 0);
});

test('suggestions name tags of posted works, restricted ones only for members', async (t) => {
  const h = await readerArchive(t);
  await h.work({ tags: ['Open Tag', 'Shared Tag'] });
  await h.work({ tags: ['Shared Tag'] });
  await h.work({ tags: ['Members Only Tag'], restricted: true });
  await h.work({ tags: ['Draft Tag'], status: 'draft' });
  const profiles = h.archive.filterProfiles;
  assert.deepEqual(await profiles.suggestions('additional', { includeRestricted: false }), ['Shared Tag', 'Open Tag']);
  assert.deepEqual(await profiles.suggestions('additional', { includeRestricted: true }), ['Shared Tag', 'Members Only Tag', 'Open Tag']);
  await h.work({ language: 'fr' });
  assert.deepEqual(await profiles.languagesInUse(), ['en', 'fr']);
});
