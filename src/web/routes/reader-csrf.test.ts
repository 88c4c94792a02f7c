import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../testing.ts';
import { readerApp } from './reader.testing.ts';

/** Every POST route of the reader's features, with the fields a real form would send. */
const ROUTES = [
  '/works/:work/kudos', '/works/:work/comments', '/works/:work/comment-settings', '/works/:work/bookmark', '/works/:work/later',
  '/comments/:comment/edit', '/comments/:comment/delete', '/comments/:comment/freeze', '/comments/:comment/unfreeze', '/comments/:comment/approve',
  '/bookmarks/:bookmark/delete', '/subscriptions', '/subscriptions/:subscription/delete',
  '/inbox', '/inbox/read-all', '/inbox/delete-read', '/inbox/digest',
  '/history/pause', '/history/clear', '/history/:work/delete', '/later/:work/delete',
  '/account/blocked', '/account/blocked/:account/delete', '/account/muted', '/account/muted/:account/delete',
];

test('every reader POST route refuses a request without a valid CSRF token (403) and changes nothing', async (t) => {
  const h = await readerApp(t);
  const writer = await h.member('writer');
  await h.member('other');
  const work = await h.work({ creators: ['writer'] });
  const { interactions, accounts } = h.archive;
  const me = (await accounts.byUsername('writer'))!;
  const viewer = { kind: 'member' as const, accountId: me.id, pseudIds: [me.defaultPseudId!], username: 'writer' };
  const other = (await accounts.byUsername('other'))!;
  const comment = await interactions.comments.post({ viewer, ip: '203.0.113.7' }, work.id, { text: 'A comment' });
  const bookmark = await interactions.bookmarks.save(viewer, work.id, { notes: 'mine' });
  const subscription = await interactions.subscriptions.subscribe(viewer, 'work', work.id);
  await writer.get(`/works/${work.id}`);
  assert.ok(writer.cookies.get('_csrf'), 'the browser holds a CSRF secret: only the token is missing');
  const ids: Record<string, number> = { work: work.id, comment: comment.id, bookmark: bookmark.id, subscription, account: other.id };
  const fields = { comment: 'forged', permission: 'nobody', notes: 'forged', kind: 'work', target: String(work.id), action: 'delete', ids: '1', username: 'other', paused: '1', digest: '0' };
  const registered = h.app.printRoutes({ commonPrefix: false });
  for (const route of ROUTES) {
    const url = route.replace(/:([a-z]+)/g, (_, k: string) => String(ids[k]));
    assert.ok(registered.includes(route.split('/').pop()!), `${route} is registered`);
    for (const token of [undefined, 'forged-token']) {
      const res = await writer.post(url, token ? { ...fields, _csrf: token } : fields);
      assert.equal(res.statusCode, 403, `POST ${url} without a valid token`);
      assert.match(parsePage(res).text(), /This form has expired or was sent from another site/);
    }
  }
  assert.equal((await interactions.comments.view(viewer, work)).threads[0]!.comment.html, '<p>A comment</p>');
  assert.equal((await interactions.comments.settings(work.id)).permission, 'everyone');
  assert.equal((await interactions.bookmarks.mine(me.id, work.id))!.notes, '<p>mine</p>');
  assert.equal((await interactions.subscriptions.list(viewer)).length, 1);
  assert.equal((await interactions.blocks.list(me.id)).length, 0);
  assert.equal((await interactions.mutes.list(me.id)).length, 0);
  assert.equal(await interactions.history.isPaused(me.id), false);
});
