import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GUEST } from '../../works/visibility.ts';
import { readerArchive } from '../interactions.testing.ts';
import { parseBookmarkTags } from './bookmarks.service.ts';

test('one bookmark per account per work: saving again edits it; the count is of public bookmarks', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const work = await h.work({ title: 'Salt Roads' });
  const bookmarks = h.archive.interactions.bookmarks;
  const first = await bookmarks.save(ann, work.id, { notes: 'Read this\n\ntwice', tags: 'comfort read, Slow, comfort READ', rec: true });
  assert.equal(first.notes, '<p>Read this</p>\n<p>twice</p>');
  assert.deepEqual(first.tags, ['comfort read', 'Slow']);
  assert.equal(first.rec, true);
  const again = await bookmarks.save(ann, work.id, { notes: 'Changed <script>x</script><b onclick="y">bold</b>', tags: '', private: true });
  assert.equal(again.id, first.id);
  assert.equal(again.notes, '<p>Changed <b>bold</b></p>');
  assert.equal(again.private, true);
  assert.equal((await h.archive.works.get(work.id))!.stats.bookmarks, 0, 'private bookmarks are not counted');
  await bookmarks.save(ben, work.id, {});
  assert.equal((await h.archive.works.get(work.id))!.stats.bookmarks, 1);
  await assert.rejects(bookmarks.save(GUEST, work.id, {}), { code: 'forbidden' });
  await assert.rejects(bookmarks.remove(ben, first.id), { code: 'not_found' }, 'nobody deletes another\'s bookmark');
  await assert.rejects(bookmarks.save(ann, work.id, { notes: 'n'.repeat(5001) }), { code: 'validation_failed', message: /notes/ });
  assert.deepEqual(parseBookmarkTags(' a ,b,,  A , c  d '), ['a', 'b', 'c d']);
});

test('a bookmark list: the owner sees all, others the public ones; searchable and filtered by rec; paged', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const bookmarks = h.archive.interactions.bookmarks;
  const lantern = await h.work({ title: 'The Lantern Keeper' });
  const tides = await h.work({ title: 'Tides' });
  const secret = await h.work({ title: 'Quiet Secret' });
  await bookmarks.save(ann, lantern.id, { notes: 'Gentle and warm', tags: 'hurt/comfort', rec: true });
  await bookmarks.save(ann, tides.id, { notes: 'Sea stories', tags: 'ocean' });
  await bookmarks.save(ann, secret.id, { notes: 'Gentle too', private: true });
  const titles = async (viewer: typeof ann, q = {}) => (await bookmarks.list(viewer, 'ann', q)).page.items.map((i) => i.work.title);
  assert.deepEqual(await titles(ann), ['Quiet Secret', 'Tides', 'The Lantern Keeper']);
  assert.deepEqual(await titles(ben), ['Tides', 'The Lantern Keeper']);
  assert.deepEqual(await titles(GUEST), ['Tides', 'The Lantern Keeper']);
  assert.deepEqual(await titles(ann, { q: 'gentle' }), ['Quiet Secret', 'The Lantern Keeper'], 'notes are searched');
  assert.deepEqual(await titles(ben, { q: 'gentle' }), ['The Lantern Keeper']);
  assert.deepEqual(await titles(ben, { q: 'OCEAN' }), ['Tides'], 'tags are searched, case ignored');
  assert.deepEqual(await titles(ben, { q: 'lantern keeper' }), ['The Lantern Keeper'], 'titles are searched, every word must match');
  assert.deepEqual(await titles(ben, { q: '100%' }), [], 'LIKE wildcards are plain text');
  assert.deepEqual(await titles(ben, { rec: true }), ['The Lantern Keeper']);
  const paged = await bookmarks.list(ann, 'ann', { pageSize: 2, page: 2 });
  assert.deepEqual([paged.page.total, paged.page.pages, paged.page.items.length], [3, 2, 1]);
  await assert.rejects(bookmarks.list(GUEST, 'nobody_here'), { code: 'not_found' });
});

test('bookmarks of works a reader cannot see are not shown to them: restricted to guests, drafts and hidden works to all but those allowed', async (t) => {
  const h = await readerArchive(t);
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const writer = await h.member('writer');
  const bookmarks = h.archive.interactions.bookmarks;
  const restricted = await h.work({ title: 'Members Only', restricted: true });
  const open = await h.work({ title: 'Open Book' });
  const later = await h.work({ title: 'Becomes A Draft', creators: ['writer'] });
  const hidden = await h.work({ title: 'Hidden By Admin' });
  for (const w of [restricted, open, later, hidden]) await bookmarks.save(ann, w.id, {});
  // The creator takes the work back to a draft; an administrator hides another.
  await h.archive.store.db.updateTable('works').set({ status: 'draft' }).where('id', '=', later.id).execute();
  await h.archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
  const titles = async (viewer: typeof ann) => (await bookmarks.list(viewer, 'ann')).page.items.map((i) => i.work.title).sort();
  assert.deepEqual(await titles(GUEST), ['Open Book']);
  assert.deepEqual(await titles(ben), ['Members Only', 'Open Book']);
  assert.deepEqual(await titles(ann), ['Members Only', 'Open Book'], 'not even the bookmarker sees a draft or hidden work');
  assert.deepEqual(await titles(writer), ['Becomes A Draft', 'Members Only', 'Open Book'], 'the creator still sees their draft');
  assert.equal((await bookmarks.list(GUEST, 'ann')).page.total, 1, 'totals count only what is shown');
  await assert.rejects(bookmarks.save(ben, later.id, {}), { code: 'not_found' });
});
