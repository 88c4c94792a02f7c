import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GUEST } from '../../works/visibility.ts';
import { actor, readerArchive } from '../interactions.testing.ts';
import { findNode } from './comment-threads.ts';

const DAY = 24 * 3600 * 1000;

test('comments thread: replies to replies nest, and the count follows approved comments', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const work = await h.work({ creators: ['writer'], chapters: [{ html: '<p>The first chapter of it.</p>' }, { html: '<p>The second chapter of it.</p>' }] });
  const comments = h.archive.interactions.comments;
  const root = await comments.post(actor(ann), work.id, { text: 'The ending of chapter one!', chapterPosition: 1 });
  const reply = await comments.post(actor(ben), work.id, { text: 'Agreed.', parentId: root.id, chapterPosition: 2 });
  const deeper = await comments.post(actor(ann), work.id, { text: 'Glad you think so.', parentId: reply.id });
  await comments.post(actor(GUEST), work.id, { text: 'On two.', chapterPosition: 2, guestName: 'Passerby', guestEmail: 'p@example.org' });
  assert.equal(reply.chapterPosition, 1, 'a reply belongs to its parent\'s chapter');
  assert.equal(deeper.depth, 2);
  const all = await comments.view(GUEST, work);
  assert.equal(all.count, 4);
  assert.equal(all.threads.length, 2);
  assert.equal(all.threads[0]!.replies[0]!.replies[0]!.comment.id, deeper.id);
  assert.equal((await comments.view(GUEST, work, 2)).count, 1, 'a chapter shows its own comments');
  assert.equal((await h.archive.works.get(work.id))!.stats.comments, 4);
  const guestComment = (await comments.view(GUEST, work, 2)).threads[0]!.comment;
  assert.deepEqual(guestComment.author, { kind: 'guest', name: 'Passerby' }, 'a guest\'s e-mail address is never part of what readers get');
});

test('who may comment: everyone, registered users, nobody; guests need a name and an address', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const work = await h.work({ creators: ['writer'] });
  const comments = h.archive.interactions.comments;
  await assert.rejects(comments.post(actor(GUEST), work.id, { text: 'Hello', guestName: '', guestEmail: 'nope' }), (err: { code: string; issues: { field: string }[] }) => {
    assert.equal(err.code, 'validation_failed');
    assert.deepEqual(err.issues.map((i) => i.field), ['name', 'email']);
    return true;
  });
  await comments.changeSettings(writer, work.id, { permission: 'registered', moderated: false });
  await assert.rejects(comments.post(actor(GUEST), work.id, { text: 'Hello', guestName: 'G', guestEmail: 'g@example.org' }), { code: 'forbidden', message: /Only registered users/ });
  await comments.post(actor(ann), work.id, { text: 'Members may.' });
  await comments.changeSettings(writer, work.id, { permission: 'nobody', moderated: false });
  await assert.rejects(comments.post(actor(ann), work.id, { text: 'Now?' }), { code: 'forbidden', message: /turned off/ });
  await assert.rejects(comments.changeSettings(ann, work.id, { permission: 'everyone', moderated: false }), { code: 'forbidden' });
  assert.equal((await comments.view(ann, work)).count, 1, 'existing comments stay visible');
});

test('moderation: held comments are seen by creators and their author only, and count once approved', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const work = await h.work({ creators: ['writer'] });
  const comments = h.archive.interactions.comments;
  await comments.changeSettings(writer, work.id, { permission: 'everyone', moderated: true });
  const held = await comments.post(actor(ann), work.id, { text: 'Please approve me.' });
  assert.equal(held.status, 'pending');
  assert.equal((await comments.view(ben, work)).count, 0);
  assert.equal((await comments.view(ann, work)).count, 1);
  assert.equal((await comments.view(writer, work)).count, 1);
  assert.equal((await h.archive.works.get(work.id))!.stats.comments, 0);
  await assert.rejects(comments.post(actor(ben), work.id, { text: 'Reply', parentId: held.id }), { code: 'not_found' });
  await assert.rejects(comments.approve(actor(ben), held.id), { code: 'not_found' });
  await comments.approve(actor(writer), held.id);
  assert.equal((await comments.view(ben, work)).count, 1);
  assert.equal((await h.archive.works.get(work.id))!.stats.comments, 1);
  const own = await comments.post(actor(writer), work.id, { text: 'Creators are not held.' });
  assert.equal(own.status, 'approved');
});

test('freezing a thread stops replies and edits below it; thawing allows them again', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const work = await h.work({ creators: ['writer'] });
  const comments = h.archive.interactions.comments;
  const root = await comments.post(actor(ann), work.id, { text: 'Root' });
  const child = await comments.post(actor(writer), work.id, { text: 'Child', parentId: root.id });
  await assert.rejects(comments.setFrozen(actor(ann), root.id, true), { code: 'forbidden' });
  await comments.setFrozen(actor(writer), root.id, true);
  await assert.rejects(comments.post(actor(ann), work.id, { text: 'More', parentId: child.id }), { code: 'forbidden', message: /frozen/ });
  await assert.rejects(comments.edit(actor(ann), root.id, 'Changed'), { code: 'forbidden', message: /frozen/ });
  const view = await comments.view(ann, work);
  assert.equal(findNode(view.threads, child.id)!.frozen, true, 'replies inherit the freeze');
  await comments.setFrozen(actor(writer), root.id, false);
  await comments.post(actor(ann), work.id, { text: 'More', parentId: child.id });
});

test('authors edit and delete their comments; creators delete any; a deleted comment with replies stays as a placeholder', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const work = await h.work({ creators: ['writer'] });
  const comments = h.archive.interactions.comments;
  const root = await comments.post(actor(ann), work.id, { text: 'First' });
  const reply = await comments.post(actor(ben), work.id, { text: 'Second', parentId: root.id });
  const edited = await comments.edit(actor(ann), root.id, 'First, <em>edited</em>');
  assert.equal(edited.html, '<p>First, <em>edited</em></p>');
  assert.ok(edited.editedAt);
  await assert.rejects(comments.edit(actor(ben), root.id, 'Not mine'), { code: 'forbidden' });
  await assert.rejects(comments.delete(actor(ben), root.id), { code: 'forbidden' });
  await comments.delete(actor(ann), root.id);
  let view = await comments.view(GUEST, work);
  assert.equal(view.threads[0]!.comment.deleted, true);
  assert.equal(view.threads[0]!.comment.html, '');
  assert.equal(view.count, 1);
  assert.equal((await h.archive.works.get(work.id))!.stats.comments, 1);
  await assert.rejects(comments.post(actor(ben), work.id, { text: 'To nothing', parentId: root.id }), { code: 'conflict' });
  await comments.delete(actor(writer), reply.id);
  view = await comments.view(GUEST, work);
  assert.equal(view.threads.length, 0, 'the placeholder goes with its last reply');
  assert.equal((await h.archive.store.db.selectFrom('comments').select('id').execute()).length, 0);
  assert.equal((await h.archive.works.get(work.id))!.stats.comments, 0);
});

test('new accounts post at most 3 comments per 15 minutes; older accounts are not limited', async (t) => {
  const h = await readerArchive(t);
  const fresh = await h.member('fresh');
  const work = await h.work();
  const comments = h.archive.interactions.comments;
  for (let i = 1; i <= 3; i++) await comments.post(actor(fresh), work.id, { text: `Comment ${i}` });
  await assert.rejects(comments.post(actor(fresh), work.id, { text: 'Fourth' }), { code: 'rate_limited', message: /at most 3 comments every 15 minutes.*wait 15 minutes/ });
  h.advance(15 * 60 * 1000 + 1000);
  await comments.post(actor(fresh), work.id, { text: 'Fourth, later' });
  h.advance(7 * DAY);
  for (let i = 5; i <= 9; i++) await comments.post(actor(fresh), work.id, { text: `Comment ${i}` });
  for (let i = 1; i <= 3; i++) await comments.post(actor(GUEST, '192.0.2.5'), work.id, { text: `Guest ${i}`, guestName: 'G', guestEmail: 'g@example.org' });
  await assert.rejects(comments.post(actor(GUEST, '192.0.2.5'), work.id, { text: 'Guest 4', guestName: 'G', guestEmail: 'g@example.org' }), { code: 'rate_limited' });
});

test('comment text is sanitized on AO3\'s allowlist, must not be empty, and is at most 10,000 characters', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const work = await h.work();
  const comments = h.archive.interactions.comments;
  const c = await comments.post(actor(ann), work.id, { text: 'Nice<script>alert(1)</script> <img src="https://example.org/a.png" onerror="alert(2)"> <a href="javascript:alert(3)">x</a>\nline two' });
  assert.doesNotMatch(c.html, /script|onerror|javascript|alert/);
  assert.match(c.html, /^<p>Nice <img src="https:\/\/example.org\/a.png" \/> <a rel="nofollow">x<\/a><br \/>\nline two<\/p>$/);
  await assert.rejects(comments.post(actor(ann), work.id, { text: '<script>only</script>' }), { code: 'validation_failed', message: /empty/ });
  await assert.rejects(comments.post(actor(ann), work.id, { text: 'x'.repeat(10_001) }), { code: 'validation_failed', message: /10,000/ });
  await comments.post(actor(ann), work.id, { text: 'é'.repeat(10_000) });
});

test('creators hear of new comments in their inbox, and commenters of replies to them', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const work = await h.work({ creators: ['writer'] });
  const comments = h.archive.interactions.comments;
  const inbox = h.archive.interactions.inbox;
  const root = await comments.post(actor(ann), work.id, { text: 'Lovely' });
  await comments.post(actor(writer), work.id, { text: 'Thank you!', parentId: root.id });
  await comments.post(actor(ben), work.id, { text: 'Me too', parentId: root.id });
  const writerInbox = await inbox.page(writer);
  assert.deepEqual(writerInbox.items.map((n) => [n.kind, n.comment?.author]), [['comment', 'ben'], ['comment', 'ann']], 'not told of their own reply');
  const annInbox = await inbox.page(ann);
  assert.deepEqual(annInbox.items.map((n) => [n.kind, n.comment?.author, n.comment?.excerpt]), [['reply', 'ben', 'Me too'], ['reply', 'writer', 'Thank you!']]);
});

test('a blocked reader cannot comment on the blocker\'s works nor reply to their comments', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const troll = await h.member('troll');
  const mine = await h.work({ creators: ['writer'] });
  const other = await h.work({ creators: ['someone'] });
  const comments = h.archive.interactions.comments;
  const annComment = await comments.post(actor(ann), other.id, { text: 'Hi' });
  await h.archive.interactions.blocks.add(writer.accountId!, { username: 'troll' });
  await h.archive.interactions.blocks.add(ann.accountId!, { username: 'troll' });
  await assert.rejects(comments.post(actor(troll), mine.id, { text: 'x' }), { code: 'forbidden', message: /blocked/ });
  assert.match((await comments.view(troll, mine)).refusal ?? '', /blocked/);
  await assert.rejects(comments.post(actor(troll), other.id, { text: 'x', parentId: annComment.id }), { code: 'forbidden', message: /blocked/ });
  await comments.post(actor(troll), other.id, { text: 'Top-level elsewhere is fine' });
});

test('comments follow their chapter when chapters are reordered or deleted', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const work = await h.work({ chapters: [{ html: '<p>The first chapter of it.</p>' }, { html: '<p>The second chapter of it.</p>' }, { html: '<p>The third chapter of it.</p>' }] });
  const comments = h.archive.interactions.comments;
  const on = async (n: number) => (await comments.post(actor(ann), work.id, { text: `About chapter ${n}`, chapterPosition: n })).id;
  const [one, two, three] = [await on(1), await on(2), await on(3)];
  const { followChapterMoves } = await import('./chapter-moves.ts');
  await h.archive.store.db.transaction().execute((trx) => followChapterMoves(trx, work.id, [{ from: 1, to: 2 }, { from: 2, to: 1 }, { from: 3, to: null }]));
  const rows = await h.archive.store.db.selectFrom('comments').select(['id', 'chapter_position']).orderBy('id').execute();
  assert.deepEqual(rows.map((r) => [r.id, r.chapter_position]), [[one, 2], [two, 1], [three, null]]);
});

test('reordering and deleting chapters through the posting service carries their comments along', async (t) => {
  const h = await readerArchive(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const work = await h.work({ creators: ['writer'], chapters: [{ html: '<p>The first chapter of it.</p>' }, { html: '<p>The second chapter of it.</p>' }, { html: '<p>The third chapter of it.</p>' }] });
  const comments = h.archive.interactions.comments;
  const on = async (n: number) => (await comments.post(actor(ann), work.id, { text: `About chapter ${n}`, chapterPosition: n })).id;
  const [one, two, three] = [await on(1), await on(2), await on(3)];
  const position = async () => new Map((await h.archive.store.db.selectFrom('comments').select(['id', 'chapter_position']).execute()).map((r) => [r.id, r.chapter_position]));
  const full = await h.archive.works.read(writer, work.id);
  const [c1, c2, c3] = full.chapters.map((c) => c.id);
  await h.archive.posting.chapters.reorder(writer.accountId!, work.id, [c3!, c1!, c2!]);
  assert.deepEqual([...(await position())].sort(), [[one, 2], [two, 3], [three, 1]].sort());
  await h.archive.posting.chapters.delete(writer.accountId!, work.id, c1!);
  // Now chapter 3 (was first) stays 1, old chapter 2 (at 3) moves up to 2, the deleted chapter's comment goes to the work.
  assert.deepEqual([...(await position())].sort(), [[one, null], [two, 2], [three, 1]].sort());
});
