import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { searchQuery } from '../search/query.ts';
import { Moderation } from './moderation.ts';
import { GUEST, OPERATOR, type Viewer } from './visibility.ts';

const admin: Viewer = { kind: 'member', accountId: 1, pseudIds: [], admin: true, role: 'admin', username: 'warden' };

/** A fresh archive whose account 1 is the admin `warden` (the audit row points at the account). */
async function archiveWithAdmin(): Promise<Awaited<ReturnType<typeof testArchive>>> {
  const a = await testArchive();
  const account = await a.accounts.create({ username: 'warden', email: 'warden@example.org', password: 'a long lantern night' }, 'admin');
  assert.equal(account.id, admin.accountId);
  return a;
}
const member: Viewer = { kind: 'member', accountId: 2, pseudIds: [], role: 'member', username: 'reader' };
const ids = (r: { items: { work: { id: number } }[] }) => r.items.map((i) => i.work.id);

test('an admin hides a work: gone from lists and search at once, audit row written; unhide brings it back', async () => {
  let now = Date.parse('2025-04-01T10:00:00Z');
  const a = await archiveWithAdmin();
  await a.search.prepare();
  const moderation = new Moderation(a.works, () => new Date(now));
  const w = await a.works.create(buildWork({ title: 'Lamplighter', chapters: [{ html: '<p>The lamplighter walked the quay at dusk.</p>' }] }));
  const other = await a.works.create(buildWork({ title: 'Harbour Bells' }));

  const hidden = await moderation.hide(admin, w.id, '  reported   twice ');
  assert.equal(hidden.changed, true);
  assert.equal(hidden.work.hidden, true);
  assert.deepEqual((await a.works.list(GUEST)).items.map((x) => x.id), [other.id], 'listing drops it for guests');
  assert.deepEqual((await a.works.list(member)).items.map((x) => x.id), [other.id], 'and for members');
  assert.equal((await a.search.search(GUEST, searchQuery({ q: 'lamplighter' }))).total, 0, 'search drops it with no reload');
  assert.equal((await a.search.search(member, searchQuery({ q: 'lamplighter' }))).total, 0);
  assert.deepEqual(ids(await a.search.search(admin, searchQuery({ q: 'lamplighter' }))), [w.id], 'admins still find it');
  await assert.rejects(a.works.read(member, w.id), { code: 'not_found' });
  assert.equal((await a.works.read(admin, w.id)).id, w.id);

  now += 60_000;
  const again = await moderation.hide(admin, w.id);
  assert.equal(again.changed, false, 'hiding twice changes nothing');
  const shown = await moderation.unhide(OPERATOR, w.id, 'appeal upheld');
  assert.equal(shown.changed, true);
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ q: 'lamplighter' }))), [w.id]);
  assert.equal((await a.works.list(GUEST)).total, 2);

  const log = await moderation.history(w.id);
  assert.deepEqual(
    log.map((e) => [e.action, e.actor, e.accountId, e.reason, e.workTitle]),
    [
      ['hide', 'warden', 1, 'reported twice', 'Lamplighter'],
      ['unhide', 'operator (CLI)', null, 'appeal upheld', 'Lamplighter'],
    ],
  );
  assert.equal(log[0]!.createdAt, '2025-04-01T10:00:00.000Z');
  await a.close();
});

test('only admins and the operator may hide; nobody may hide what they cannot see', async () => {
  const a = await testArchive();
  const moderation = new Moderation(a.works);
  const posted = await a.works.create(buildWork());
  const draft = await a.works.create(buildWork({ status: 'draft' }));
  const creator: Viewer = { kind: 'member', accountId: 3, pseudIds: [posted.creators[0]!.id] };
  for (const [who, viewer] of [['guest', GUEST], ['member', member], ['creator', creator]] as const) {
    await assert.rejects(moderation.hide(viewer, posted.id), { code: 'not_found' }, `${who} cannot hide`);
  }
  await assert.rejects(moderation.hide(admin, draft.id), { code: 'not_found' }, 'an admin does not see drafts, so cannot hide one');
  await assert.rejects(moderation.hide(admin, 9999), { code: 'not_found' });
  await assert.rejects(moderation.hide(admin, posted.id, 'x'.repeat(1001)), { code: 'bad_request' });
  assert.equal((await a.works.get(posted.id))!.hidden, false);
  assert.deepEqual(await moderation.history(posted.id), []);
  assert.equal((await moderation.hide(OPERATOR, draft.id)).changed, true, 'the operator may hide a draft');
  await a.close();
});

test('a failed write leaves neither the flag nor an audit row', async () => {
  const a = await archiveWithAdmin();
  const w = await a.works.create(buildWork());
  a.events.addIndexer({
    indexWorks: async () => {
      throw new Error('index down');
    },
  });
  await assert.rejects(new Moderation(a.works).hide(admin, w.id), /index down/);
  assert.equal((await a.works.get(w.id))!.hidden, false);
  assert.equal((await a.store.db.selectFrom('work_moderation').select('id').execute()).length, 0);
  await a.close();
});
