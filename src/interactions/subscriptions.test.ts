import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../test/factories.ts';
import { GUEST } from '../works/visibility.ts';
import { readerArchive } from './interactions.testing.ts';

const chapter = (n: number) => ({ html: `<p>Chapter number ${n} goes on for a while.</p>` });

test('subscribing to a work brings a notice for each new chapter, not for other edits', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const work = await h.work({ title: 'Serial', creators: ['writer'], complete: false, chapters: [chapter(1)] });
  const subs = h.archive.interactions.subscriptions;
  await subs.subscribe(ann, 'work', work.id);
  await subs.subscribe(ann, 'work', work.id);
  assert.equal((await subs.list(ann)).length, 1, 'subscribing twice is one subscription');
  await h.archive.works.update(work.id, buildWork({ title: 'Serial', creators: ['writer'], complete: false, chapters: [chapter(1)], summary: '<p>New summary</p>' }));
  assert.equal((await h.archive.interactions.inbox.page(ann)).total, 0);
  await h.archive.works.update(work.id, buildWork({ title: 'Serial', creators: ['writer'], complete: false, chapters: [chapter(1), chapter(2), chapter(3)] }));
  const inbox = await h.archive.interactions.inbox.page(ann);
  assert.deepEqual(inbox.items.map((n) => [n.kind, n.work?.title, n.chapterPosition]), [['chapter', 'Serial', 3], ['chapter', 'Serial', 2]]);
  assert.equal(await h.archive.interactions.inbox.unreadCount(ann), 2);
  await assert.rejects(subs.subscribe(GUEST, 'work', work.id), { code: 'forbidden' });
});

test('subscribing to a creator or a series brings a notice for each new work; drafts wait until posted', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const writer = await h.member('writer');
  const subs = h.archive.interactions.subscriptions;
  const inbox = h.archive.interactions.inbox;
  const first = await h.work({ title: 'Part One', creators: ['writer'], series: [{ title: 'Harbour Cycle' }] });
  await subs.subscribe(ann, 'pseud', writer.pseudIds![0]!);
  await subs.subscribe(ann, 'series', first.series[0]!.id);
  const bob = await h.member('bob');
  await subs.subscribe(bob, 'series', first.series[0]!.id);
  await h.work({ title: 'Part Two', creators: ['other'], series: [{ title: 'Harbour Cycle' }] });
  const draft = await h.work({ title: 'Unfinished', creators: ['writer'], status: 'draft' });
  assert.deepEqual((await inbox.page(ann)).items.map((n) => [n.kind, n.work?.title, n.series?.title]), [['series_work', 'Part Two', 'Harbour Cycle']]);
  await h.archive.works.update(draft.id, buildWork({ title: 'Unfinished', creators: ['writer'], status: 'posted' }));
  const items = (await inbox.page(ann)).items;
  assert.deepEqual(items.map((n) => [n.kind, n.work?.title, n.creator?.name ?? null]), [['work', 'Unfinished', 'writer'], ['series_work', 'Part Two', null]]);
  await h.work({ title: 'Part Three', creators: ['writer'], series: [{ title: 'Harbour Cycle' }] });
  const kinds = (await inbox.page(ann)).items.filter((n) => n.work?.title === 'Part Three').map((n) => n.kind);
  assert.deepEqual(kinds, ['work'], 'one notice per reader even when two subscriptions match');
  assert.equal((await inbox.page(bob)).total, 2);
  assert.equal((await inbox.page(writer)).total, 0, 'creators are not told of their own works');
});

test('the inbox: mark read, delete, and notices about works the reader can no longer see are left out', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const subs = h.archive.interactions.subscriptions;
  const inbox = h.archive.interactions.inbox;
  await h.work({ creators: ['writer'] });
  const pseud = (await h.archive.store.db.selectFrom('pseuds').select('id').where('name', '=', 'writer').executeTakeFirstOrThrow()).id;
  await subs.subscribe(ann, 'pseud', pseud);
  const a = await h.work({ title: 'A', creators: ['writer'] });
  await h.work({ title: 'B', creators: ['writer'] });
  await h.work({ title: 'C', creators: ['writer'] });
  let page = await inbox.page(ann);
  assert.equal(page.total, 3);
  await inbox.markRead(ann.accountId!, [page.items[0]!.id]);
  assert.equal(await inbox.unreadCount(ann), 2);
  assert.deepEqual((await inbox.page(ann, { unread: true })).items.map((n) => n.work?.title), ['B', 'A']);
  await inbox.remove(ann.accountId!, 'read');
  assert.equal((await inbox.page(ann)).total, 2);
  const bob = await h.member('bob');
  await inbox.remove(bob.accountId!, (await inbox.page(ann)).items.map((n) => n.id));
  assert.equal((await inbox.page(ann)).total, 2, 'nobody deletes another\'s notices');
  await h.archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', a.id).execute();
  page = await inbox.page(ann);
  assert.deepEqual(page.items.map((n) => n.work?.title), ['B']);
  assert.equal(page.total, 1);
  await inbox.markRead(ann.accountId!, 'all');
  assert.equal(await inbox.unreadCount(ann), 0);
});

test('the digest mails each member their unread notices once, and not to those who turned it off', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const cat = await h.member('cat');
  const subs = h.archive.interactions.subscriptions;
  const first = await h.work({ creators: ['writer'] });
  const pseud = first.creators[0]!.id;
  for (const v of [ann, ben, cat]) await subs.subscribe(v, 'pseud', pseud);
  await h.archive.interactions.prefs.set(cat.accountId!, { emailDigest: false });
  await h.work({ title: 'Fresh Snow', creators: ['writer'] });
  await h.archive.interactions.inbox.markRead(ben.accountId!, 'all');
  const report = await h.archive.interactions.digest.send();
  assert.deepEqual(report, { messages: 1, notices: 1, failed: 0 });
  const mail = (h.archive.mailer as unknown as { messages: string[] }).messages;
  assert.equal(mail.length, 1);
  assert.match(mail[0]!, /^To: ann@example\.org$/m);
  assert.match(mail[0]!, /^Subject: 1 update on Quire$/m);
  assert.match(mail[0]!, /New work by writer: "Fresh Snow"\r\n {2}http:\/\/localhost:8080\/works\/\d+/);
  assert.deepEqual(await h.archive.interactions.digest.send(), { messages: 0, notices: 0, failed: 0 }, 'a notice is mailed once');
});
