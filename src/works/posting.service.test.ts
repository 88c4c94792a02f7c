import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archiveOn, type Archive } from '../archive.ts';
import { isQuireError } from '../errors.ts';
import { memoryStore } from '../store/store.ts';
import { testConfig } from '../../test/factories.ts';
import type { WorkFields } from './posting.types.ts';
import { GUEST, canView } from './visibility.ts';
import { suggestTags, commonTags } from './posting-tags.ts';

let now = Date.parse('2025-03-01T12:00:00Z');
const DAY = 24 * 3600 * 1000;

async function setup(): Promise<Archive> {
  return archiveOn(testConfig(), await memoryStore(), { clock: () => new Date(now) });
}

async function member(archive: Archive, username: string): Promise<{ id: number; pseudId: number }> {
  const account = await archive.accounts.create({ username, email: `${username}@example.org`, password: 'a quiet lantern' });
  return { id: account.id, pseudId: account.defaultPseudId! };
}

function fields(pseudId: number, overrides: Partial<WorkFields> = {}): WorkFields {
  return {
    title: 'The Lamplighter', summary: '', notes: '', endNotes: '', rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'], categories: ['Gen'], fandoms: ['Harbour Lights'],
    relationships: [], characters: ['Odile Marsh'], tags: [], language: 'en', pseudIds: [pseudId],
    coCreators: [], complete: true, expectedChapters: null, restricted: false,
    ...overrides,
  };
}

const chapter = (text = 'The lamps along the quay went out one by one.') => ({ html: `<p>${text}</p>` });

async function rejects(p: Promise<unknown>, field: string): Promise<string> {
  try {
    await p;
  } catch (err) {
    assert.ok(isQuireError(err) && err.code === 'validation_failed', String(err));
    const issue = err.issues.find((i) => i.field === field);
    assert.ok(issue, `an issue on ${field} among ${JSON.stringify(err.issues)}`);
    return issue.message;
  }
  assert.fail(`expected a validation failure on ${field}`);
}

test('a draft is dated the day it is posted unless backdated; posting it dates its chapters', async (t) => {
  const archive = await setup();
  t.after(() => archive.close());
  const ren = await member(archive, 'ren');
  const draft = await archive.posting.create(ren.id, fields(ren.pseudId), [chapter()], 'draft');
  assert.equal(draft.status, 'draft');
  assert.equal(canView(GUEST, draft), false);
  assert.equal((await archive.posting.own(ren.id, draft.id)).chosenPublishedOn, undefined);

  now += 3 * DAY;
  await archive.posting.chapters.add(ren.id, draft.id, chapter('A second night, and the lamps stayed lit.'));
  now += 2 * DAY;
  const posted = await archive.posting.post(ren.id, draft.id);
  assert.equal(posted.status, 'posted');
  assert.equal(posted.publishedOn, '2025-03-06');
  assert.equal(posted.updatedOn, '2025-03-06');
  assert.equal(posted.chapterCount, 2);
  assert.ok(posted.revision > draft.revision);
  const read = await archive.works.read(GUEST, draft.id);
  assert.deepEqual(read.chapters.map((c) => c.publishedOn), ['2025-03-06', '2025-03-06']);

  const backdated = await archive.posting.create(ren.id, fields(ren.pseudId, { title: 'Old Lamps', publishedOn: '2024-12-24' }), [chapter()], 'draft');
  assert.equal((await archive.posting.own(ren.id, backdated.id)).chosenPublishedOn, '2024-12-24');
  now += DAY;
  assert.equal((await archive.posting.post(ren.id, backdated.id)).publishedOn, '2024-12-24');

  assert.match(await rejects(archive.posting.create(ren.id, fields(ren.pseudId, { publishedOn: '2031-01-01' }), [chapter()], 'post'), 'publishedOn'), /future/);
});

test('chapters: added to a posted work update it today; reorder and delete keep positions whole', async (t) => {
  const archive = await setup();
  t.after(() => archive.close());
  const ada = await member(archive, 'ada');
  const work = await archive.posting.create(ada.id, fields(ada.pseudId, { complete: false, expectedChapters: null }), [chapter('First: the tide came in over the stones.')], 'post');
  const day0 = work.updatedOn;
  now += DAY;
  await archive.posting.chapters.add(ada.id, work.id, { ...chapter('Second: the gulls argued over the nets.'), title: 'Gulls' });
  await archive.posting.chapters.add(ada.id, work.id, { ...chapter('Third: a boat that nobody owned.'), title: 'Boat' });
  let w = await archive.works.read(GUEST, work.id);
  assert.notEqual(w.updatedOn, day0);
  assert.equal(w.chapterCount, 3);
  assert.equal(w.complete, false);

  const [a, b, c] = w.chapters.map((ch) => ch.id) as [number, number, number];
  await archive.posting.chapters.reorder(ada.id, work.id, [c, a, b]);
  w = await archive.works.read(GUEST, work.id);
  assert.deepEqual(w.chapters.map((ch) => [ch.id, ch.position]), [[c, 1], [a, 2], [b, 3]]);
  await rejects(archive.posting.chapters.reorder(ada.id, work.id, [a, b]), 'order');

  await archive.posting.chapters.delete(ada.id, work.id, a);
  w = await archive.works.read(GUEST, work.id);
  assert.deepEqual(w.chapters.map((ch) => [ch.id, ch.position]), [[c, 1], [b, 2]]);
  assert.equal(w.chapterCount, 2);
  assert.equal(w.words, w.chapters.reduce((n, ch) => n + ch.words, 0));

  await archive.posting.chapters.update(ada.id, work.id, b, { html: '<p>Gulls, rewritten: they argued less, and ate more.</p><script>x()</script>', title: 'Gulls again' });
  w = await archive.works.read(GUEST, work.id);
  assert.equal(w.chapters[1]!.title, 'Gulls again');
  assert.doesNotMatch(w.chapters[1]!.html, /script/);
  await assert.rejects(archive.posting.chapters.delete(ada.id, work.id, 999), /not found/);
  await archive.posting.chapters.delete(ada.id, work.id, c);
  await assert.rejects(archive.posting.chapters.delete(ada.id, work.id, b), (err) => isQuireError(err) && err.code === 'conflict');
  assert.match(await rejects(archive.posting.chapters.add(ada.id, work.id, { html: '<p>tiny</p>' }), 'text'), /at least 10/);
});

test('only creators may change a work, and only with their own pen names and series', async (t) => {
  const archive = await setup();
  t.after(() => archive.close());
  const ren = await member(archive, 'ren');
  const kit = await member(archive, 'kit');
  const work = await archive.posting.create(ren.id, fields(ren.pseudId, { series: { newTitle: 'Harbour Nights' } }), [chapter()], 'post');
  await assert.rejects(archive.posting.update(kit.id, work.id, fields(kit.pseudId)), (err) => isQuireError(err) && err.code === 'not_found');
  await assert.rejects(archive.posting.chapters.add(kit.id, work.id, chapter()), (err) => isQuireError(err) && err.code === 'not_found');
  await assert.rejects(archive.posting.deleteWork(kit.id, work.id), (err) => isQuireError(err) && err.code === 'not_found');
  await rejects(archive.posting.create(kit.id, fields(ren.pseudId), [chapter()], 'post'), 'creators');
  await rejects(archive.posting.create(kit.id, fields(kit.pseudId, { series: { seriesId: work.series[0]!.id } }), [chapter()], 'post'), 'series');
  // Two creators may use the same series title: each gets their own series.
  const kits = await archive.posting.create(kit.id, fields(kit.pseudId, { series: { newTitle: 'Harbour Nights' } }), [chapter()], 'post');
  assert.notEqual(kits.series[0]!.id, work.series[0]!.id);
  const second = await archive.posting.create(ren.id, fields(ren.pseudId, { title: 'Part Two', series: { seriesId: work.series[0]!.id } }), [chapter()], 'post');
  assert.deepEqual(second.series.map((s) => [s.id, s.position]), [[work.series[0]!.id, 2]]);
  const clash = await rejects(archive.posting.create(ren.id, fields(ren.pseudId, { characters: ['Harbour Lights'] }), [chapter()], 'post'), 'characters');
  assert.match(clash, /already a fandom tag/);
});

test('co-creators are invited, and credited only once they accept', async (t) => {
  const archive = await setup();
  t.after(() => archive.close());
  const ren = await member(archive, 'ren');
  const kit = await member(archive, 'kit');
  const sol = await member(archive, 'sol');
  const work = await archive.posting.create(ren.id, fields(ren.pseudId, { coCreators: ['Kit', 'sol'] }), [chapter()], 'post');
  assert.deepEqual(work.creators.map((c) => c.name), ['ren']);
  assert.deepEqual((await archive.posting.own(ren.id, work.id)).pendingCoCreators, ['kit', 'sol']);
  await rejects(archive.posting.create(ren.id, fields(ren.pseudId, { coCreators: ['nobody here'] }), [chapter()], 'post'), 'coCreators');

  const [forKit] = await archive.posting.coCreators.pendingFor(kit.id);
  assert.equal(forKit!.workTitle, 'The Lamplighter');
  assert.equal(forKit!.invitedBy, 'ren');
  await assert.rejects(archive.posting.coCreators.accept(sol.id, forKit!.id), (err) => isQuireError(err) && err.code === 'not_found');
  await archive.posting.coCreators.accept(kit.id, forKit!.id);
  const [forSol] = await archive.posting.coCreators.pendingFor(sol.id);
  await archive.posting.coCreators.decline(sol.id, forSol!.id);
  const after = await archive.works.get(work.id);
  assert.deepEqual(after!.creators.map((c) => c.name), ['ren', 'kit']);
  assert.ok(after!.revision > work.revision);
  assert.deepEqual(await archive.posting.coCreators.pendingFor(sol.id), []);
  // Kit may now edit; removing Kit's own pen name leaves Ren's in place.
  const own = await archive.posting.own(kit.id, work.id);
  assert.equal(own.work.id, work.id);
  await archive.posting.update(kit.id, work.id, fields(kit.pseudId, { pseudIds: [] }));
  assert.deepEqual((await archive.works.get(work.id))!.creators.map((c) => c.name), ['ren']);
});

test('tag suggestions never reveal tags used only on drafts or, to guests, on restricted works', async (t) => {
  const archive = await setup();
  t.after(() => archive.close());
  const ren = await member(archive, 'ren');
  await archive.posting.create(ren.id, fields(ren.pseudId, { characters: ['Elinor Public'] }), [chapter()], 'post');
  await archive.posting.create(ren.id, fields(ren.pseudId, { characters: ['Eliza Secret'] }), [chapter()], 'draft');
  await archive.posting.create(ren.id, fields(ren.pseudId, { characters: ['Elias Restricted'], restricted: true }), [chapter()], 'post');
  const db = archive.store.db;
  const canonical = await db.insertInto('tags').values({ type: 'character', name: 'Elisabeth Canon', name_key: 'elisabeth canon', canonical: 1, synonym_of: null, unwrangleable: 0, created_at: '2025-01-01' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('tags').values({ type: 'character', name: 'Lizzie', name_key: 'lizzie', canonical: 0, synonym_of: canonical.id, unwrangleable: 0, created_at: '2025-01-01' }).execute();
  await db.insertInto('tags').values({ type: 'character', name: 'Elisabeth 100%', name_key: 'elisabeth 100%', canonical: 0, synonym_of: canonical.id, unwrangleable: 0, created_at: '2025-01-01' }).execute();

  const guest = await suggestTags(db, 'character', 'eli', GUEST);
  assert.deepEqual(guest.map((s) => s.name), ['Elisabeth Canon', 'Elinor Public', 'Elisabeth 100%']);
  assert.deepEqual(guest[2], { name: 'Elisabeth 100%', canonical: false, synonymOf: 'Elisabeth Canon' });
  const members = await suggestTags(db, 'character', 'ELI', { kind: 'member', accountId: ren.id, pseudIds: [ren.pseudId] });
  assert.deepEqual(members.map((s) => s.name), ['Elisabeth Canon', 'Elias Restricted', 'Elinor Public', 'Elisabeth 100%']);
  assert.deepEqual((await suggestTags(db, 'character', 'lizz', GUEST)).map((s) => s.synonymOf), ['Elisabeth Canon']);
  assert.deepEqual((await suggestTags(db, 'character', '100%', GUEST)).map((s) => s.name), ['Elisabeth 100%'], 'a LIKE wildcard is taken literally');
  assert.deepEqual(await suggestTags(db, 'character', 'e_i', GUEST), []);
  assert.deepEqual((await suggestTags(db, 'fandom', 'eli', GUEST)), []);
  const common = await commonTags(db, 'character');
  assert.ok(common.includes('Elisabeth Canon') && common.includes('Elinor Public'));
  assert.ok(!common.includes('Eliza Secret') && !common.includes('Lizzie'));
});

test('a new series title the writer already uses joins that series; deleting accounts takes their invitations along', async (t) => {
  const archive = await setup();
  t.after(() => archive.close());
  const ren = await member(archive, 'ren');
  const kit = await member(archive, 'kit');
  const first = await archive.posting.create(ren.id, fields(ren.pseudId, { series: { newTitle: 'Harbour Nights' } }), [chapter()], 'post');
  const second = await archive.posting.create(ren.id, fields(ren.pseudId, { title: 'Two', series: { newTitle: ' harbour  NIGHTS ' } }), [chapter()], 'post');
  assert.deepEqual(second.series.map((s) => [s.id, s.position]), [[first.series[0]!.id, 2]]);

  const shared = await archive.posting.create(ren.id, fields(ren.pseudId, { title: 'Shared', coCreators: ['kit'] }), [chapter()], 'post');
  assert.equal((await archive.posting.coCreators.pendingFor(kit.id)).length, 1);
  await archive.accounts.deleteAccount(kit.id, 'a quiet lantern', 'delete', '127.0.0.1');
  assert.deepEqual((await archive.posting.own(ren.id, shared.id)).pendingCoCreators, [], 'the invitation went with the invited account');

  const sol = await member(archive, 'sol');
  await archive.posting.create(ren.id, fields(ren.pseudId, { title: 'Another', coCreators: ['sol'] }), [chapter()], 'post');
  await archive.accounts.deleteAccount(ren.id, 'a quiet lantern', 'orphan', '127.0.0.1');
  const [left] = await archive.posting.coCreators.pendingFor(sol.id);
  assert.equal(left!.invitedBy, null, 'the inviting pen name is gone; the invitation stays, from "a creator"');
  await archive.posting.coCreators.accept(sol.id, left!.id);
  assert.deepEqual((await archive.works.get(left!.workId))!.creators.map((c) => c.name), ['orphan_account', 'sol']);
});
