import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GUEST } from '../works/visibility.ts';
import { actor, readerArchive } from './interactions.testing.ts';

test('kudos: once per account, once per guest address; the count and the list follow', async (t) => {
  const h = await readerArchive(t);
  const alice = await h.member('alice');
  const bob = await h.member('bob');
  const work = await h.work({ creators: ['writer'] });
  const kudos = h.archive.interactions.kudos;
  assert.equal(await kudos.give(actor(alice), work.id), 'given');
  assert.equal(await kudos.give(actor(alice, '192.0.2.99'), work.id), 'already', 'another address does not make alice a new reader');
  assert.equal(await kudos.give(actor(bob), work.id), 'given');
  assert.equal(await kudos.give(actor(GUEST, '192.0.2.1'), work.id), 'given');
  assert.equal(await kudos.give(actor(GUEST, '192.0.2.1'), work.id), 'already');
  assert.equal(await kudos.give(actor(GUEST, '192.0.2.2'), work.id), 'given');
  assert.deepEqual(await kudos.list(work.id), { names: ['alice', 'bob'], guests: 2 });
  assert.equal((await h.archive.works.get(work.id))!.stats.kudos, 4);
  const stored = await h.archive.store.db.selectFrom('kudos').select('guest_hash').where('guest_hash', 'is not', null).execute();
  assert.ok(stored.every((r) => r.guest_hash && !r.guest_hash.includes('192.0.2')), 'addresses are stored only as keyed hashes');
});

test('kudos: refused on one\'s own work, from a blocked reader, and (as not found) on a work the reader cannot see', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const reader = await h.member('reader');
  const work = await h.work({ creators: ['writer'] });
  const restricted = await h.work({ creators: ['writer'], restricted: true });
  const kudos = h.archive.interactions.kudos;
  await assert.rejects(kudos.give(actor(writer), work.id), { code: 'forbidden', message: /own work/ });
  await assert.rejects(kudos.give(actor(GUEST), restricted.id), { code: 'not_found' });
  await h.archive.interactions.blocks.add(writer.accountId!, { username: 'reader' });
  await assert.rejects(kudos.give(actor(reader), work.id), { code: 'forbidden', message: /blocked/ });
  await h.archive.interactions.blocks.remove(writer.accountId!, reader.accountId!);
  assert.equal(await kudos.give(actor(reader), restricted.id), 'given');
  assert.equal((await h.archive.works.get(work.id))!.stats.kudos, 0);
});

test('a kudos tells the work events, so the search engine sees the new sort key', async (t) => {
  const h = await readerArchive(t);
  const work = await h.work();
  const heard: number[] = [];
  h.archive.events.subscribe({ worksChanged: (ids) => void heard.push(...ids), worksDeleted: () => {} });
  await h.archive.interactions.kudos.give(actor(GUEST), work.id);
  assert.deepEqual(heard, [work.id]);
});
