import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { parsePage } from '../testing.ts';
import { readerApp, submitOn } from './reader.testing.ts';

const chapter = (n: number) => ({ html: `<p>Chapter ${n} of the long road home.</p>` });

test('subscribe on a work, a creator\'s page and a series page; the inbox lists the updates, marks read and deletes', async (t) => {
  const h = await readerApp(t);
  const ann = await h.member('ann');
  const serial = await h.work({ title: 'Road Home', creators: ['roadie'], complete: false, chapters: [chapter(1)], series: [{ title: 'Roads' }] });
  let res = await submitOn(ann, `/works/${serial.id}`, '/subscriptions');
  assert.equal(res.headers.location, `/works/${serial.id}?done=subscribed`);
  res = await submitOn(ann, '/creators/roadie', '/subscriptions');
  assert.equal(res.statusCode, 303);
  res = await submitOn(ann, `/series/${serial.series[0]!.id}`, '/subscriptions');
  assert.equal(res.statusCode, 303);
  const subs = parsePage(await ann.get('/subscriptions'));
  assert.deepEqual(subs.all('li').filter((li) => /Unsubscribe/.test(subs.text(li))).map((li) => subs.text(li).replace(/ Unsubscribe.*/, '')), ['Series Roads', 'Creator roadie', 'Work Road Home']);

  await h.archive.works.update(serial.id, buildWork({ title: 'Road Home', creators: ['roadie'], complete: false, chapters: [chapter(1), chapter(2)], series: [{ title: 'Roads' }] }));
  await h.work({ title: 'Side Road', creators: ['roadie'] });
  let inbox = parsePage(await ann.get('/inbox'));
  assert.match(inbox.text(), /2 unread notices/);
  assert.match(inbox.text(), /New work by roadie: Side Road/);
  assert.match(inbox.text(), /New chapter: Chapter 2 of Road Home by roadie/);
  assert.ok(inbox.hrefs().includes(`/works/${serial.id}/chapters/2`));
  assert.match(parsePage(await ann.get('/')).text(), /Inbox/);

  const ids = [...(await ann.get('/inbox')).body.matchAll(/name="ids" value="(\d+)"/g)].map((m) => m[1]!);
  assert.equal(ids.length, 2);
  const page = await ann.get('/inbox');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  res = await ann.post('/inbox', { _csrf: token, action: 'read', ids: ids[0]! });
  assert.equal(res.headers.location, '/inbox?done=read');
  inbox = parsePage(await ann.get('/inbox'));
  assert.match(inbox.text(), /1 unread notice\b/);
  res = await submitOn(ann, '/inbox', '/inbox/delete-read');
  assert.equal(parsePage(await ann.get('/inbox')).all('li', 'inbox-item').length, 1);
  res = await submitOn(ann, '/inbox', '/inbox/read-all');
  assert.match(parsePage(await ann.get('/inbox')).text(), /0 unread notices/);
  res = await submitOn(ann, '/inbox', '/inbox/digest');
  assert.equal(res.headers.location, '/inbox?done=digest-off');
  assert.equal((await h.archive.interactions.prefs.get((await h.archive.accounts.byUsername('ann'))!.id)).emailDigest, false);

  const bob = await h.member('bob');
  assert.equal(parsePage(await bob.get('/inbox')).all('li', 'inbox-item').length, 0, 'each member sees only their own inbox');
  assert.equal((await h.guest().get('/inbox')).headers.location, '/login?return_to=%2Finbox');
});

test('history: recorded when a member reads, private, paused and cleared from its page; mark for later', async (t) => {
  const h = await readerApp(t);
  const ann = await h.member('ann');
  const a = await h.work({ title: 'Lighthouse Letters' });
  const b = await h.work({ title: 'Harbour Songs' });
  await ann.get(`/works/${a.id}`);
  await ann.get(`/works/${a.id}`);
  await ann.get(`/works/${b.id}`);
  let text = parsePage(await ann.get('/history')).text();
  assert.match(text, /Harbour Songs.*visited 1 time.*Lighthouse Letters.*visited 2 times/);
  let res = await submitOn(ann, '/history', '/history/pause');
  assert.equal(res.headers.location, '/history?done=paused');
  await ann.get(`/works/${a.id}`);
  text = parsePage(await ann.get('/history')).text();
  assert.match(text, /It is paused/);
  assert.match(text, /Lighthouse Letters.*visited 2 times/);
  res = await submitOn(ann, '/history', `/history/${a.id}/delete`);
  assert.doesNotMatch(parsePage(await ann.get('/history')).text(), /Lighthouse Letters/);
  res = await submitOn(ann, '/history', '/history/clear');
  assert.match(parsePage(await ann.get('/history')).text(), /No works in your history/);

  res = await submitOn(ann, `/works/${b.id}`, `/works/${b.id}/later`);
  assert.equal(res.headers.location, `/works/${b.id}?done=later-added#reader-actions`);
  assert.match(parsePage(await ann.get('/later')).text(), /Harbour Songs/);
  res = await submitOn(ann, '/later', `/later/${b.id}/delete`);
  assert.equal(res.headers.location, '/later?done=later-removed#reader-actions');
  assert.match(parsePage(await ann.get('/later')).text(), /Nothing marked for later/);
});

test('block and mute from a creator\'s page and the account pages; muted works leave the listings', async (t) => {
  const h = await readerApp(t);
  const ann = await h.member('ann');
  await h.member('loud');
  await h.work({ title: 'Loud Work', creators: ['loud'] });
  await h.work({ title: 'Quiet Work', creators: ['quiet'] });
  let res = await submitOn(ann, '/creators/loud', '/account/muted');
  assert.equal(res.headers.location, '/creators/loud?done=muted');
  const creator = parsePage(await ann.get(String(res.headers.location)));
  assert.match(creator.text(), /You muted this creator/);
  assert.match(creator.text(), /Unmute/);
  for (const path of ['/', '/works', '/tags/Test%20Fandom']) {
    const text = parsePage(await ann.get(path)).text();
    assert.doesNotMatch(text, /Loud Work/, `${path} leaves muted works out`);
    assert.match(text, /Quiet Work/);
  }
  assert.match(parsePage(await h.guest().get('/works')).text(), /Loud Work/, 'others still see them');
  assert.match(parsePage(await ann.get('/account/muted')).text(), /loud since/);
  res = await submitOn(ann, '/account/blocked', '/account/blocked', { username: 'nobody_known' });
  assert.equal(res.statusCode, 422);
  assert.match(parsePage(res).text(), /Username is not the username of any account/);
  res = await submitOn(ann, '/account/blocked', '/account/blocked', { username: 'loud' });
  assert.equal(res.headers.location, '/account/blocked?done=blocked');
  assert.match(parsePage(await ann.get('/account/blocked')).text(), /loud since/);
  const loudId = (await h.archive.accounts.byUsername('loud'))!.id;
  res = await submitOn(ann, '/account/muted', `/account/muted/${loudId}/delete`);
  assert.match(parsePage(await ann.get('/works')).text(), /Loud Work/);
  assert.doesNotMatch((await ann.get('/creators/quiet')).body, /action="\/account\/blocked"/, 'an imported creator has no account to block');
  assert.doesNotMatch((await h.guest().get('/creators/loud')).body, /action="\/account\/(blocked|muted)"/);
});

test('hits: once a day per account or address, counted on the work page, not behind the adult gate', async (t) => {
  const h = await readerApp(t);
  const work = await h.work({ creators: ['writer'] });
  const adult = await h.work({ creators: ['writer'], rating: 'Explicit' });
  const ann = await h.member('ann');
  await ann.get(`/works/${work.id}`);
  await ann.get(`/works/${work.id}/chapters/1`);
  await h.guest('198.51.100.1').get(`/works/${work.id}`);
  await h.guest('198.51.100.1').get(`/works/${work.id}`);
  await h.guest('198.51.100.2').get(`/works/${work.id}`);
  assert.equal((await h.archive.works.get(work.id))!.stats.hits, 3);
  h.advance(24 * 3600 * 1000);
  await ann.get(`/works/${work.id}`);
  assert.equal((await h.archive.works.get(work.id))!.stats.hits, 4);
  const gate = await h.guest('198.51.100.3').get(`/works/${adult.id}`);
  assert.match(gate.body, /adult content/i);
  assert.equal((await h.archive.works.get(adult.id))!.stats.hits, 0);
});
