import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { OPERATOR, type Viewer } from '../works/visibility.ts';
import { findTagByName } from './tag.repository.ts';
import { queueSummaries, specialCounts, unwrangledQueue } from './wrangling.queue.ts';

/**
 * Tags typed only on drafts, or only on works an administrator hid, must not reach a wrangler who
 * may not read those works: not in the queues or their counts, not by id or name, not by changing
 * them blind (which would put their names in the audit log).
 */

const notFound = (e: Error & { code?: string }) => e.code === 'not_found';

async function setup() {
  const a = await testArchive();
  await a.search.prepare();
  const sorter = await a.accounts.create({ username: 'sorter', email: 'sorter@example.org', password: 'a long quiet lantern' }, 'wrangler');
  const boss = await a.accounts.create({ username: 'boss', email: 'boss@example.org', password: 'a long quiet lantern' }, 'admin');
  const wrangler: Viewer = { kind: 'member', accountId: sorter.id, pseudIds: [], role: 'wrangler', admin: false, username: 'sorter' };
  const admin: Viewer = { kind: 'member', accountId: boss.id, pseudIds: [], role: 'admin', admin: true, username: 'boss' };
  await a.works.create(buildWork({ fandoms: ['Lanterns'], characters: ['Open Keeper'] }));
  await a.works.create(buildWork({ fandoms: ['Lanterns', 'Draft Fandom'], characters: ['Draft Secret'], status: 'draft' }));
  const hidden = await a.works.create(buildWork({ fandoms: ['Lanterns'], characters: ['Hidden Secret'], tags: ['Hidden Mood'] }));
  await a.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
  const id = async (name: string) => (await findTagByName(a.store.db, name))!.id;
  await a.wrangling.canonical(OPERATOR, await id('Lanterns'));
  return { a, wrangler, admin, id };
}

test('queues and their counts leave out tags only drafts carry, and for wranglers tags only hidden works carry', async () => {
  const { a, id } = await setup();
  const lanterns = await id('Lanterns');
  const names = async (includeHidden: boolean) => (await unwrangledQueue(a.store.db, lanterns, { includeHidden })).map((e) => e.tag.name);
  assert.deepEqual(await names(false), ['Open Keeper']);
  assert.deepEqual(await names(true), ['Hidden Mood', 'Hidden Secret', 'Open Keeper'], 'administrators may read hidden works');
  assert.deepEqual((await queueSummaries(a.store.db)).map((s) => [s.fandom.name, s.unwrangled]), [['Lanterns', 1]]);
  assert.deepEqual((await queueSummaries(a.store.db, { includeHidden: true })).map((s) => [s.fandom.name, s.unwrangled]), [['Lanterns', 3]]);
  assert.deepEqual(await specialCounts(a.store.db), { fandoms: 0, none: 0 }, 'the draft’s fandom is not counted');
});

test('a tag only a draft carries is "not found" to wranglers and administrators, by id, by name and as a target', async () => {
  const { a, wrangler, admin, id } = await setup();
  const [secret, draftFandom, keeper] = [await id('Draft Secret'), await id('Draft Fandom'), await id('Open Keeper')];
  for (const viewer of [wrangler, admin]) {
    await assert.rejects(a.wrangling.tag(viewer, secret), notFound);
    await assert.rejects(a.wrangling.byName('draft secret', viewer), (e: Error & { code?: string }) => notFound(e) && e.message === 'there is no tag "draft secret"');
    await assert.rejects(a.wrangling.canonical(viewer, secret), notFound);
    await assert.rejects(a.wrangling.rename(viewer, secret, 'Exposed'), notFound);
    await assert.rejects(a.wrangling.synonym(viewer, keeper, secret), notFound, 'not as a merge target either');
    await assert.rejects(a.wrangling.addParentFandom(viewer, keeper, draftFandom), notFound);
    await assert.rejects(a.wrangling.bulk(viewer, 'canonical', [keeper, secret]), notFound);
  }
  assert.deepEqual(await a.wrangling.audit(OPERATOR), [(await a.wrangling.audit(OPERATOR))[0]], 'only the setup’s change is logged');
  assert.equal((await findTagByName(a.store.db, 'Draft Secret'))!.canonical, false);
  assert.equal((await findTagByName(a.store.db, 'Open Keeper'))!.canonical, false, 'the bulk change was all or nothing');
  // The operator (CLI) sees everything; once wrangled, a tag is visible to wranglers too.
  await a.wrangling.canonical(OPERATOR, secret);
  assert.equal((await a.wrangling.tag(wrangler, secret)).name, 'Draft Secret');
});

test('a tag only a hidden work carries is visible to administrators only', async () => {
  const { a, wrangler, admin, id } = await setup();
  const mood = await id('Hidden Mood');
  await assert.rejects(a.wrangling.tag(wrangler, mood), notFound);
  await assert.rejects(a.wrangling.unwrangleable(wrangler, mood), notFound);
  assert.equal((await a.wrangling.byName('Hidden Mood', admin)).id, mood);
  await a.wrangling.unwrangleable(admin, mood);
  assert.equal((await findTagByName(a.store.db, 'Hidden Mood'))!.unwrangleable, true);
  // Fixed tags and tags on posted works are visible to every wrangler.
  assert.equal((await a.wrangling.byName('General Audiences', wrangler)).type, 'rating');
  assert.equal((await a.wrangling.byName('open keeper', wrangler)).name, 'Open Keeper');
});
