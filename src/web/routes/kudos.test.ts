import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../testing.ts';
import { csrfTokenIn } from './account.testing.ts';
import { readerApp, submitOn } from './reader.testing.ts';

test('kudos through the work page: once per account, once per guest address, listed under the work', async (t) => {
  const h = await readerApp(t);
  const work = await h.work({ creators: ['writer'] });
  const page = `/works/${work.id}`;
  const action = `/works/${work.id}/kudos`;
  const ann = await h.member('ann');
  let res = await submitOn(ann, page, action);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${page}?done=kudos#kudos`);
  const after = parsePage(await ann.get(String(res.headers.location)));
  assert.match(after.text(), /Thank you for leaving kudos!/);
  assert.match(after.text(), /You left kudos\./);
  const guest = h.guest('198.51.100.7');
  res = await submitOn(guest, page, action);
  assert.equal(res.headers.location, `${page}?done=kudos#kudos`);
  // The guest's page no longer offers the button; a second POST from the same address changes nothing.
  const again = await guest.get(page);
  assert.doesNotMatch(again.body, new RegExp(`action="${action}"`));
  res = await guest.post(action, { _csrf: csrfTokenIn(again.body) });
  assert.equal(res.headers.location, `${page}?done=kudos-already#kudos`);
  await submitOn(h.guest('198.51.100.8'), page, action);
  const text = parsePage(await h.guest('192.0.2.200').get(page)).text();
  assert.match(text, /Kudos from ann and 2 guests\./);
  assert.equal((await h.archive.works.get(work.id))!.stats.kudos, 3);
});

test('no kudos button for a work\'s creator, and a POST is refused; a blocked reader is refused; a guest cannot reach a restricted work', async (t) => {
  const h = await readerApp(t);
  const writer = await h.member('writer');
  const troll = await h.member('troll', '203.0.113.50');
  const work = await h.work({ creators: ['writer'] });
  const restricted = await h.work({ creators: ['writer'], restricted: true });
  const mine = await writer.get(`/works/${work.id}`);
  assert.doesNotMatch(mine.body, /action="\/works\/\d+\/kudos"/);
  const token = csrfTokenIn(mine.body);
  const own = await writer.post(`/works/${work.id}/kudos`, { _csrf: token });
  assert.equal(own.statusCode, 403);
  assert.match(parsePage(own).text(), /You can't leave kudos on your own work/);
  const block = await submitOn(writer, '/account/blocked', '/account/blocked', { username: 'troll' });
  assert.equal(block.statusCode, 303);
  const refused = await submitOn(troll, `/works/${work.id}`, `/works/${work.id}/kudos`);
  assert.equal(refused.statusCode, 403);
  assert.match(parsePage(refused).text(), /blocked you/);
  const guest = h.guest();
  const page = await guest.get(`/works/${work.id}`);
  const res = await guest.post(`/works/${restricted.id}/kudos`, { _csrf: csrfTokenIn(page.body, `/works/${work.id}/kudos`) });
  assert.equal(res.statusCode, 404);
  assert.equal((await h.archive.works.get(work.id))!.stats.kudos, 0);
});
