import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../testing.ts';
import { readerApp, submitOn } from './reader.testing.ts';

test('the bookmark form creates and then edits one bookmark; the bookmarks page searches and filters recs', async (t) => {
  const h = await readerApp(t);
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const moth = await h.work({ title: 'Moth Season', creators: ['writer'] });
  const kite = await h.work({ title: 'Kite Weather', creators: ['writer'] });
  let res = await submitOn(ann, `/works/${moth.id}`, `/works/${moth.id}/bookmark`, { notes: 'Soft and strange', tags: 'insects, quiet', rec: '1' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/works/${moth.id}?done=bookmarked#bookmark`);
  let page = parsePage(await ann.get(`/works/${moth.id}`));
  assert.match(page.text(), /Your bookmark/);
  assert.match((await ann.get(`/works/${moth.id}`)).body, />Soft and strange|&lt;p&gt;Soft and strange/);
  res = await submitOn(ann, `/works/${moth.id}`, `/works/${moth.id}/bookmark`, { notes: 'Soft and strange, again', tags: 'insects', rec: '1' });
  await submitOn(ann, `/works/${kite.id}`, `/works/${kite.id}/bookmark`, { notes: 'Windy', tags: 'sky', private: '1' });
  assert.equal((await h.archive.store.db.selectFrom('bookmarks').select('id').execute()).length, 2);
  assert.equal((await h.archive.works.get(moth.id))!.stats.bookmarks, 1);
  assert.equal((await h.archive.works.get(kite.id))!.stats.bookmarks, 0);

  const titles = (body: string) => parsePage(body).all('h2', 'bookmark-work').map((el) => parsePage(body).text(el).replace(/ by .*/, ''));
  assert.deepEqual(titles((await ann.get('/users/ann/bookmarks')).body), ['Kite Weather', 'Moth Season']);
  assert.deepEqual(titles((await ben.get('/users/ann/bookmarks')).body), ['Moth Season'], 'private bookmarks are the owner\'s only');
  assert.deepEqual(titles((await h.guest().get('/users/ann/bookmarks?q=strange')).body), ['Moth Season']);
  assert.deepEqual(titles((await ann.get('/users/ann/bookmarks?q=sky')).body), ['Kite Weather']);
  assert.deepEqual(titles((await ann.get('/users/ann/bookmarks?rec=1')).body), ['Moth Season']);
  page = parsePage(await ann.get('/users/ann/bookmarks?q=nothing+like+this'));
  assert.match(page.text(), /No bookmarks match/);
  assert.equal((await ann.get('/users/ANN/bookmarks')).statusCode, 301);
  assert.equal((await ann.get('/users/nobody_here/bookmarks')).statusCode, 404);
  assert.equal((await ann.get('/bookmarks')).headers.location, '/users/ann/bookmarks');

  res = await submitOn(ann, '/users/ann/bookmarks', `/bookmarks/${(await h.archive.interactions.bookmarks.mine((await h.archive.accounts.byUsername('ann'))!.id, moth.id))!.id}/delete`);
  assert.equal(res.statusCode, 303);
  assert.equal((await h.archive.works.get(moth.id))!.stats.bookmarks, 0);
});

test('bookmarks page: restricted works hidden from guests, drafts from everyone but their creators; long notes come back with an error', async (t) => {
  const h = await readerApp(t);
  const ann = await h.member('ann');
  const open = await h.work({ title: 'Open Door', creators: ['writer'] });
  const closed = await h.work({ title: 'Closed Door', creators: ['writer'], restricted: true });
  for (const w of [open, closed]) await submitOn(ann, `/works/${w.id}`, `/works/${w.id}/bookmark`, { notes: 'door' });
  const guestText = parsePage(await h.guest().get('/users/ann/bookmarks')).text();
  assert.match(guestText, /Open Door/);
  assert.doesNotMatch(guestText, /Closed Door/);
  assert.match(guestText, /1 bookmark\b/);
  await h.archive.store.db.updateTable('works').set({ status: 'draft' }).where('id', '=', open.id).execute();
  assert.doesNotMatch(parsePage(await ann.get('/users/ann/bookmarks')).text(), /Open Door/);
  const res = await submitOn(ann, `/works/${closed.id}`, `/works/${closed.id}/bookmark`, { notes: 'x'.repeat(5001) });
  assert.equal(res.statusCode, 422);
  assert.match(parsePage(res).text(), /Notes are too long: 5,001 characters, at most 5,000/);
});
