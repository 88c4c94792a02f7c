import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GUEST } from '../works/visibility.ts';
import { actor, readerArchive } from './interactions.testing.ts';
import { RELATION_LIMIT } from './relations.ts';

const HOUR = 3600 * 1000;

test('reading history: visits are recorded with the last time and a count, can be paused and cleared', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const history = h.archive.interactions.history;
  const a = await h.work({ title: 'A' });
  const b = await h.work({ title: 'B' });
  assert.equal(await history.record(GUEST, a.id, null), false, 'guests have no history');
  await history.record(ann, a.id, null);
  h.advance(HOUR);
  await history.record(ann, b.id, null);
  h.advance(HOUR);
  await history.record(ann, a.id, 1);
  let page = await history.page(ann);
  assert.deepEqual(page.items.map((e) => [e.work.title, e.visits, e.lastVisitedAt]), [['A', 2, '2025-03-01T14:00:00.000Z'], ['B', 1, '2025-03-01T13:00:00.000Z']]);
  assert.equal((await history.page(ben)).total, 0, 'another member sees nothing of it');
  await history.setPaused(ann.accountId!, true);
  assert.equal(await history.record(ann, b.id, null), false);
  assert.equal((await history.page(ann)).items.find((e) => e.work.title === 'B')!.visits, 1);
  await history.setPaused(ann.accountId!, false);
  await history.clear(ann.accountId!, b.id);
  assert.deepEqual((await history.page(ann)).items.map((e) => e.work.title), ['A']);
  await history.clear(ann.accountId!);
  page = await history.page(ann);
  assert.equal(page.total, 0);
});

test('mark for later: a private list of readable works', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const later = h.archive.interactions.later;
  const a = await h.work({ title: 'A' });
  const draft = await h.work({ title: 'D', status: 'draft', creators: ['someone'] });
  await later.add(ann, a.id);
  await later.add(ann, a.id);
  await assert.rejects(later.add(ann, draft.id), { code: 'not_found' });
  await assert.rejects(later.add(GUEST, a.id), { code: 'forbidden' });
  assert.deepEqual((await later.page(ann)).items.map((w) => w.title), ['A']);
  assert.equal(await later.has(ann.accountId!, a.id), true);
  await later.remove(ann.accountId!, a.id);
  assert.equal((await later.page(ann)).total, 0);
});

test('hits count once per account or address per day, never the creator\'s own', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const writer = await h.member('writer');
  const work = await h.work({ creators: ['writer'] });
  const hits = h.archive.interactions.hits;
  assert.equal(await hits.record(actor(ann, '192.0.2.1'), work), true);
  assert.equal(await hits.record(actor(ann, '192.0.2.2'), work), false, 'the same account from another address');
  assert.equal(await hits.record(actor(GUEST, '192.0.2.1'), work), true, 'a guest at that address is another reader');
  assert.equal(await hits.record(actor(GUEST, '192.0.2.1'), work), false);
  assert.equal(await hits.record(actor(writer), work), false);
  assert.equal((await h.archive.works.get(work.id))!.stats.hits, 2);
  h.advance(24 * HOUR);
  assert.equal(await hits.record(actor(ann), work), true, 'a new day counts again');
  assert.equal((await h.archive.works.get(work.id))!.stats.hits, 3);
  const rows = await h.archive.store.db.selectFrom('work_hits').selectAll().execute();
  assert.deepEqual(rows.map((r) => r.day), ['2025-03-02'], 'only today\'s rows are kept');
  assert.doesNotMatch(rows[0]!.viewer, /192\.0\.2|ann|account/);
});

test('mute: works by every pen name of a muted account leave the listings; mutedPseudIds lists them', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const loud = await h.member('loud');
  await h.archive.accounts.penNames.add(loud.accountId!, 'Loud Again');
  await h.work({ title: 'By loud', creators: ['loud'] });
  await h.work({ title: 'By the other pen name', creators: ['Loud Again'] });
  await h.work({ title: 'Shared', creators: ['someone', 'loud'] });
  await h.work({ title: 'Fine', creators: ['someone'] });
  const mutes = h.archive.interactions.mutes;
  await mutes.add(ann.accountId!, { username: 'LOUD' });
  const muted = await h.archive.interactions.mutedPseudIds(ann.accountId!);
  assert.equal(muted.length, 2);
  const list = await h.archive.works.list(ann, { excludePseudIds: muted });
  assert.deepEqual(list.items.map((w) => w.title), ['Fine']);
  assert.equal(list.total, 1);
  assert.equal((await h.archive.works.list(GUEST)).total, 4, 'others still see them');
  assert.deepEqual((await mutes.list(ann.accountId!)).map((m) => m.name), ['loud']);
  await assert.rejects(mutes.add(ann.accountId!, { username: 'ann' }), { code: 'validation_failed', message: /yourself/ });
  await assert.rejects(mutes.add(ann.accountId!, { username: 'nobody_at_all' }), { code: 'validation_failed' });
  await mutes.remove(ann.accountId!, loud.accountId!);
  assert.deepEqual(await h.archive.interactions.mutedPseudIds(ann.accountId!), []);
});

test('blocks: by pen name or username, shown by the name chosen, at most 2,000', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const other = await h.member('other');
  const pseud = await h.archive.accounts.penNames.add(other.accountId!, 'Masked');
  const blocks = h.archive.interactions.blocks;
  await blocks.add(ann.accountId!, { pseudId: pseud.id });
  assert.deepEqual((await blocks.list(ann.accountId!)).map((b) => b.name), ['Masked'], 'the pen name chosen, not the account behind it');
  assert.equal(await blocks.has(ann.accountId!, other.accountId!), true);
  assert.equal(await h.archive.interactions.mutes.has(ann.accountId!, other.accountId!), false, 'a block is not a mute');
  const db = h.archive.store.db;
  const filler = Array.from({ length: RELATION_LIMIT - 1 }, (_, i) => i);
  // Fill the list to its limit with other accounts' rows (made directly: signing up 2,000 accounts is slow).
  for (const i of filler) {
    const row = await db.insertInto('accounts').values({ username: `u${i}`, username_key: `u${i}`, email: `u${i}@example.org`, email_key: `u${i}@example.org`, password_hash: 'x', role: 'member', default_pseud_id: null, created_at: '2025-01-01', updated_at: '2025-01-01' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('account_relations').values({ account_id: ann.accountId!, kind: 'block', target_account_id: row.id, via_pseud_id: null, created_at: '2025-01-01' }).execute();
  }
  await h.member('last_one');
  await assert.rejects(blocks.add(ann.accountId!, { username: 'last_one' }), { code: 'validation_failed', message: /2,000/ });
});
