import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../testing.ts';
import { readerApp, submitOn } from './reader.testing.ts';

const TWO_CHAPTERS = [{ html: '<p>The first chapter of the tale.</p>' }, { html: '<p>The second chapter of the tale.</p>' }];

test('comments on the page: posted per chapter, replies nested through the reply page, guests give a name', async (t) => {
  const h = await readerApp(t);
  const work = await h.work({ creators: ['writer'], chapters: TWO_CHAPTERS });
  const ch2 = `/works/${work.id}/chapters/2`;
  const ann = await h.member('ann');
  let res = await submitOn(ann, ch2, `/works/${work.id}/comments`, { comment: 'The storm in <em>this</em> chapter!<script>alert(1)</script>' });
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), new RegExp(`^${ch2}\\?done=comment-posted#comment-\\d+$`));
  const rootId = /#comment-(\d+)/.exec(String(res.headers.location))![1]!;
  const guest = h.guest();
  res = await submitOn(guest, `/comments/${rootId}/reply`, `/works/${work.id}/comments`, { comment: 'Agreed, from a guest.', name: 'Wanderer', email: 'wanderer@example.org' });
  assert.equal(res.statusCode, 303);
  const replyId = /#comment-(\d+)/.exec(String(res.headers.location))![1]!;
  res = await submitOn(ann, `/comments/${replyId}/reply`, `/works/${work.id}/comments`, { comment: 'Thanks, wanderer.' });
  assert.equal(res.statusCode, 303);

  const page = await guest.get(ch2);
  assert.doesNotMatch(page.body, /alert\(1\)|<script>alert/);
  assert.doesNotMatch(page.body, /wanderer@example\.org/, 'a guest\'s address is never shown');
  const p = parsePage(page);
  assert.match(p.text(p.all('h2').find((h2) => p.text(h2).startsWith('Comments'))), /Comments \(3\)/);
  const root = p.all('li', 'comment').find((li) => li.attribs.id === `comment-${rootId}`)!;
  const nested = p.all('li', 'comment').filter((li) => li.attribs.id !== `comment-${rootId}`);
  assert.equal(nested.length, 2);
  assert.match(p.text(root), /ann on Chapter 2 .*The storm in this chapter!.*Wanderer Guest .*Agreed, from a guest\..*ann .*Thanks, wanderer\./);
  assert.equal(p.all('ol', 'comment-replies').length, 2, 'a reply to a reply is nested one level deeper');
  const ch1 = parsePage(await guest.get(`/works/${work.id}/chapters/1`));
  assert.match(ch1.text(), /Comments \(0\)/, 'chapter 1 shows its own comments only');
  const full = parsePage(await guest.get(`/works/${work.id}?view=full`));
  assert.match(full.text(), /Comments \(3\)/);
  assert.equal((await h.archive.works.get(work.id))!.stats.comments, 3);
});

test('past five levels replies line up and say whom they answer', async (t) => {
  const h = await readerApp(t);
  const work = await h.work({ creators: ['writer'] });
  const { comments } = h.archive.interactions;
  const ann = await h.member('ann');
  const viewer = (await h.archive.accounts.byUsername('ann'))!;
  const actor = { viewer: { kind: 'member' as const, accountId: viewer.id, pseudIds: [viewer.defaultPseudId!], username: 'ann' }, ip: '203.0.113.7' };
  h.advance(8 * 24 * 3600 * 1000); // past the new-account limit
  let parent: number | undefined;
  const ids: number[] = [];
  for (let i = 0; i < 8; i++) {
    const c = await comments.post(actor, work.id, { text: `Level ${i}`, parentId: parent });
    ids.push(c.id);
    parent = c.id;
  }
  const p = parsePage(await ann.get(`/works/${work.id}`));
  assert.equal(p.all('ol', 'comment-replies').length, 5);
  assert.equal(p.text(p.all('p', 'comment-byline').find((b) => b.attribs.id === `comment-${ids[6]}-by`)).includes('in reply to ann'), true);
  assert.deepEqual(p.linksNamed('ann').filter((href) => href.startsWith('#')), [`#comment-${ids[5]}`, `#comment-${ids[6]}`]);
});

test('settings: registered users only, nobody, moderation with approval; creators see the settings form, others do not', async (t) => {
  const h = await readerApp(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const work = await h.work({ creators: ['writer'] });
  const page = `/works/${work.id}`;
  assert.doesNotMatch((await ann.get(page)).body, /comment-settings/);
  let res = await submitOn(writer, page, `/works/${work.id}/comment-settings`, { permission: 'registered' });
  assert.equal(res.statusCode, 303);
  const guest = h.guest();
  let text = parsePage(await guest.get(page)).text();
  assert.match(text, /Only registered users can comment on this work/);
  assert.doesNotMatch((await guest.get(page)).body, /action="\/works\/\d+\/comments"/);
  res = await submitOn(writer, page, `/works/${work.id}/comment-settings`, { permission: 'everyone', moderated: '1' });
  res = await submitOn(ann, page, `/works/${work.id}/comments`, { comment: 'Held for now.' });
  assert.equal(res.headers.location, `${page}?done=comment-held#comments`);
  assert.match(parsePage(await ann.get(String(res.headers.location))).text(), /It will appear once a creator of the work approves it\..*Awaiting approval/);
  assert.match(parsePage(await guest.get(page)).text(), /Comments \(0\)/);
  const id = (await h.archive.store.db.selectFrom('comments').select('id').executeTakeFirstOrThrow()).id;
  const approve = await submitOn(ann, page, `/comments/${id}/delete`);
  assert.equal(approve.statusCode, 303, 'the author may delete their held comment');
  res = await submitOn(ann, page, `/works/${work.id}/comments`, { comment: 'Held again.' });
  const again = (await h.archive.store.db.selectFrom('comments').select('id').executeTakeFirstOrThrow()).id;
  res = await submitOn(writer, page, `/comments/${again}/approve`);
  assert.equal(res.headers.location, `${page}?done=comment-approved#comments`);
  assert.match(parsePage(await guest.get(page)).text(), /Comments \(1\).*Held again\./);
  res = await submitOn(writer, page, `/works/${work.id}/comment-settings`, { permission: 'nobody' });
  text = parsePage(await ann.get(page)).text();
  assert.match(text, /Comments are turned off on this work\./);
  assert.match(text, /Held again\./, 'existing comments stay');
  const forged = await submitOn(ann, page, `/works/${work.id}/comments`, {}).catch(() => undefined);
  assert.equal(forged, undefined, 'no comment form is offered');
});

test('edit, delete, freeze from the page; a deleted comment with replies shows a placeholder', async (t) => {
  const h = await readerApp(t);
  const writer = await h.member('writer');
  const ann = await h.member('ann');
  const ben = await h.member('ben');
  const work = await h.work({ creators: ['writer'] });
  const page = `/works/${work.id}`;
  let res = await submitOn(ann, page, `/works/${work.id}/comments`, { comment: 'Original words' });
  const id = /#comment-(\d+)/.exec(String(res.headers.location))![1]!;
  res = await submitOn(ann, `/comments/${id}/edit`, `/comments/${id}/edit`, { comment: 'Better words' });
  assert.equal(res.statusCode, 303);
  assert.match(parsePage(await ben.get(page)).text(), /Better words \(edited\)|\(edited\).*Better words/);
  assert.equal((await ben.get(`/comments/${id}/edit`)).statusCode, 403);
  res = await submitOn(ben, `/comments/${id}/reply`, `/works/${work.id}/comments`, { comment: 'A reply' });
  assert.equal(res.statusCode, 303);
  assert.doesNotMatch((await ben.get(page)).body, new RegExp(`action="/comments/${id}/delete"`), 'no delete button on others\' comments');
  res = await submitOn(writer, page, `/comments/${id}/freeze`);
  assert.equal(res.statusCode, 303);
  assert.equal((await ben.get(`/comments/${id}/reply`)).statusCode, 403);
  assert.match(parsePage(await ben.get(page)).text(), /Frozen/);
  res = await submitOn(writer, page, `/comments/${id}/unfreeze`);
  res = await submitOn(ann, page, `/comments/${id}/delete`);
  assert.equal(res.statusCode, 303);
  const text = parsePage(await ben.get(page)).text();
  assert.match(text, /\(Previous comment deleted\.\).*A reply/);
  assert.doesNotMatch(text, /Better words/);
  assert.equal((await h.archive.works.get(work.id))!.stats.comments, 1);
});

test('a new account\'s fourth comment in 15 minutes comes back with the text kept and a clear message (429)', async (t) => {
  const h = await readerApp(t);
  const work = await h.work({ creators: ['writer'] });
  const ann = await h.member('ann');
  for (let i = 1; i <= 3; i++) assert.equal((await submitOn(ann, `/works/${work.id}`, `/works/${work.id}/comments`, { comment: `Note ${i}` })).statusCode, 303);
  const res = await submitOn(ann, `/works/${work.id}`, `/works/${work.id}/comments`, { comment: 'A fourth thought' });
  assert.equal(res.statusCode, 429);
  const p = parsePage(res);
  assert.match(p.text(), /New accounts \(younger than 7 days\) can post at most 3 comments every 15 minutes\. Please wait 15 minutes/);
  assert.match(res.body, />A fourth thought<\/textarea>/);
  const empty = await submitOn(ann, `/works/${work.id}`, `/works/${work.id}/comments`, { comment: '   ' });
  assert.equal(empty.statusCode, 422);
  assert.match(parsePage(empty).text(), /Comment is empty/);
});
