import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { webApp } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';
import { api, get, member } from './api.testing.ts';

const NEW_WORK = {
  title: 'Harbour Lights',
  summary: 'Two keepers and one storm.',
  rating: 'teen',
  warnings: ['No Archive Warnings Apply'],
  categories: ['F/F'],
  fandoms: ['Lighthouse Keepers'],
  relationships: ['Ada/Wren'],
  tags: ['Storms', 'Tea'],
  language: 'English',
  chapters: [
    { title: 'Dusk', text: 'The lamp was lit at six.\n\nWren counted the ships.' },
    { text: '<p>By morning the sea was <em>glass</em>.</p>' },
  ],
};

test('writing needs a token with the write scope: none is 401, a read token 403, a cookie nothing', async (t) => {
  const h = await accountsApp(t);
  const reader = await member(h.archive, 'reader');
  const none = await api(h.app, 'POST', '/works', { body: NEW_WORK });
  assert.equal(none.status, 401);
  assert.equal(none.body.error.code, 'unauthorized');
  const readOnly = await api(h.app, 'POST', '/works', { token: reader.token, body: NEW_WORK });
  assert.equal(readOnly.status, 403);
  assert.deepEqual(readOnly.body, { error: { code: 'forbidden', message: 'This token may only read: writing needs a token with the write scope.' } });

  const browser = new Browser(h.app);
  assert.equal((await browser.signUp('cookie1')).statusCode, 303);
  const viaCookie = await browser.send('/api/v1/works', 'application/json', JSON.stringify(NEW_WORK));
  assert.equal(viaCookie.statusCode, 401, 'a signed-in browser cannot write through the API: no CSRF is possible');
  const viaForm = await browser.post('/api/v1/works', { title: 'x' });
  assert.equal(viaForm.statusCode, 401);
  assert.equal((await get(h.app, '/works')).body.total, 0, 'nothing was posted');
});

test('a work is posted through the same checks as the forms, and shows at once', async (t) => {
  const { archive, app } = await webApp(t);
  const writer = await member(archive, 'writer', ['read', 'write']);
  const res = await api(app, 'POST', '/works', { token: writer.token, body: NEW_WORK });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.headers.location, `http://localhost:8080/api/v1/works/${res.body.id}`);
  assert.equal(res.body.title, 'Harbour Lights');
  assert.equal(res.body.rating, 'Teen And Up Audiences');
  assert.equal(res.body.language, 'en');
  assert.equal(res.body.summary_html, '<p>Two keepers and one storm.</p>');
  assert.deepEqual(res.body.creators.map((c: any) => c.name), ['writer']);
  assert.equal(res.body.status, 'posted');
  assert.deepEqual(res.body.chapters.map((c: any) => c.title), ['Dusk', '']);
  const chapter = await get(app, `/works/${res.body.id}/chapters/1`);
  assert.equal(chapter.body.text_html, '<p>The lamp was lit at six.</p>\n<p>Wren counted the ships.</p>');
  assert.deepEqual((await get(app, '/works?include=Storms')).body.items.map((w: any) => w.id), [res.body.id], 'findable at once');
  assert.equal((await app.inject(`/works/${res.body.id}`)).statusCode, 200, 'and on the web');

  const draft = await api(app, 'POST', '/works', { token: writer.token, body: { ...NEW_WORK, title: 'Not yet', status: 'draft' } });
  assert.equal(draft.body.status, 'draft');
  assert.equal((await get(app, `/works/${draft.body.id}`)).status, 404, 'a draft is its creator’s only');
  assert.equal((await get(app, `/works/${draft.body.id}`, writer.token)).status, 200);
});

test('validation errors list every field as the client named it', async (t) => {
  const { archive, app } = await webApp(t);
  const writer = await member(archive, 'writer', ['read', 'write']);
  const other = await member(archive, 'other');
  const otherPen = (await get(app, '/me', other.token)).body.pen_names[0].id;
  const bad = await api(app, 'POST', '/works', {
    token: writer.token,
    body: { ...NEW_WORK, title: '   ', rating: 'R', warnings: ['none', 'Spoilers'], fandoms: [], language: 'Klingon', pen_names: [otherPen], chapters: [{ text: 'Short' }, { text: 'Long enough to count as a chapter.', end_notes: 'x'.repeat(6000) }] },
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.code, 'validation_failed');
  const fields: string[] = bad.body.error.issues.map((i: any) => i.field);
  for (const field of ['rating', 'warnings', 'language', 'pen_names', 'title', 'fandoms', 'chapters[1].text', 'chapters[2].end_notes']) assert.ok(fields.includes(field), `${field} in ${fields.join(', ')}: every problem at once`);
  assert.ok(bad.body.error.issues.every((i: any) => typeof i.field === 'string' && typeof i.message === 'string'));
  assert.match(bad.body.error.message, /rating: "R" is not one of/);
  assert.match(bad.body.error.message, /warnings: "Spoilers" is not an archive warning/);

  const shape = await api(app, 'POST', '/works', { token: writer.token, body: { ...NEW_WORK, titel: 'typo', chapters: [{ text: 42 }], complete: 'yes' } });
  assert.equal(shape.status, 422);
  assert.deepEqual(shape.body.error.issues.map((i: any) => i.field).sort(), ['chapters[1].text', 'complete', 'titel']);
  assert.equal(shape.body.error.issues.find((i: any) => i.field === 'titel').message, 'is not a field of this body');

  assert.equal((await api(app, 'POST', '/works', { token: writer.token, body: '{"title":', headers: { 'content-type': 'application/json' } })).body.error.code, 'bad_request');
  const form = await api(app, 'POST', '/works', { token: writer.token, body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  assert.equal(form.body.error.code, 'unsupported_format');
  assert.equal((await get(app, '/works', writer.token)).body.total, 0, 'nothing was stored');
});

test('a work’s metadata is changed, a draft posted; only its creators may', async (t) => {
  const { archive, app } = await webApp(t);
  const writer = await member(archive, 'writer', ['read', 'write']);
  const stranger = await member(archive, 'stranger', ['read', 'write']);
  const made = (await api(app, 'POST', '/works', { token: writer.token, body: { ...NEW_WORK, status: 'draft', series: { title: 'Beacons' } } })).body;
  assert.equal(made.series[0].title, 'Beacons');
  const changed = await api(app, 'PATCH', `/works/${made.id}`, { token: writer.token, body: { title: 'Harbour Lights (revised)', tags: ['Storms'], complete: false, expected_chapters: 3 } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.title, 'Harbour Lights (revised)');
  assert.deepEqual(changed.body.tags, ['Storms']);
  assert.deepEqual(changed.body.fandoms, ['Lighthouse Keepers'], 'what the body leaves out stays');
  assert.equal(changed.body.series[0].title, 'Beacons');
  assert.equal(changed.body.status, 'draft');
  assert.equal(changed.body.expected_chapters, 3);

  const posted = await api(app, 'PATCH', `/works/${made.id}`, { token: writer.token, body: { status: 'posted', series: null } });
  assert.equal(posted.body.status, 'posted');
  assert.deepEqual(posted.body.series, []);
  assert.equal((await get(app, `/works/${made.id}`)).status, 200, 'posted: guests see it');

  assert.equal((await api(app, 'PATCH', `/works/${made.id}`, { token: stranger.token, body: { title: 'Mine now' } })).status, 404);
  assert.equal((await api(app, 'DELETE', `/works/${made.id}`, { token: stranger.token })).status, 404);
  const invalidPatch = await api(app, 'PATCH', `/works/${made.id}`, { token: writer.token, body: { title: '', status: 'draft' } });
  assert.equal(invalidPatch.status, 422);
  assert.deepEqual(invalidPatch.body.error.issues.map((i: any) => i.field), ['status']);
  const empty = await api(app, 'PATCH', `/works/${made.id}`, { token: writer.token, body: { title: ' ' } });
  assert.deepEqual(empty.body.error.issues.map((i: any) => i.field), ['title']);

  assert.equal((await api(app, 'DELETE', `/works/${made.id}`, { token: writer.token })).status, 204);
  assert.equal((await get(app, `/works/${made.id}`, writer.token)).status, 404);
});

test('chapters are added, changed and deleted one at a time', async (t) => {
  const { archive, app } = await webApp(t);
  const writer = await member(archive, 'writer', ['read', 'write']);
  const id = (await api(app, 'POST', '/works', { token: writer.token, body: NEW_WORK })).body.id;
  const added = await api(app, 'POST', `/works/${id}/chapters`, { token: writer.token, body: { title: 'Dawn', text: 'The gulls came back at first light.' } });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.body.position, 3);
  assert.equal(added.body.title, 'Dawn');
  const short = await api(app, 'POST', `/works/${id}/chapters`, { token: writer.token, body: { text: 'Tiny' } });
  assert.equal(short.status, 422);
  assert.deepEqual(short.body.error.issues.map((i: any) => i.field), ['text']);

  const edited = await api(app, 'PATCH', `/works/${id}/chapters/2`, { token: writer.token, body: { title: 'Glass' } });
  assert.equal(edited.body.title, 'Glass');
  assert.equal(edited.body.text_html, '<p>By morning the sea was <em>glass</em>.</p>', 'the text stays when not sent');
  assert.equal((await api(app, 'DELETE', `/works/${id}/chapters/1`, { token: writer.token })).status, 204);
  const work = await get(app, `/works/${id}`);
  assert.deepEqual(work.body.chapters.map((c: any) => [c.position, c.title]), [[1, 'Glass'], [2, 'Dawn']]);
  assert.equal((await api(app, 'PATCH', `/works/${id}/chapters/9`, { token: writer.token, body: { title: 'x' } })).status, 404);
});

test('kudos, bookmarks, comments, subscriptions and later through the API', async (t) => {
  const { archive, app } = await webApp(t);
  const fan = await member(archive, 'fan', ['read', 'write']);
  const work = await archive.works.create(buildWork({ title: 'Loved', creators: ['wren'] }));

  const kudos = await api(app, 'POST', `/works/${work.id}/kudos`, { token: fan.token });
  assert.deepEqual(kudos.body, { result: 'given', kudos: 1 });
  assert.equal((await api(app, 'POST', `/works/${work.id}/kudos`, { token: fan.token })).body.result, 'already');

  const bookmark = await api(app, 'PUT', `/works/${work.id}/bookmark`, { token: fan.token, body: { notes: 'So good.', tags: ['comfort', 'sea'], rec: true } });
  assert.equal(bookmark.status, 200, JSON.stringify(bookmark.body));
  assert.deepEqual([bookmark.body.tags, bookmark.body.rec, bookmark.body.notes_html], [['comfort', 'sea'], true, '<p>So good.</p>']);
  const comment = await api(app, 'POST', `/works/${work.id}/comments`, { token: fan.token, body: { text: 'Made my day.' } });
  assert.equal(comment.status, 201, JSON.stringify(comment.body));
  assert.equal(comment.body.html, '<p>Made my day.</p>');
  const sub = await api(app, 'POST', '/me/subscriptions', { token: fan.token, body: { kind: 'work', target_id: work.id } });
  assert.equal(sub.status, 201);
  assert.deepEqual([sub.body.kind, sub.body.label], ['work', 'Loved']);
  assert.equal((await api(app, 'PUT', `/me/later/${work.id}`, { token: fan.token })).status, 204);
  assert.equal((await api(app, 'POST', '/me/subscriptions', { token: fan.token, body: { kind: 'work', target_id: 999 } })).status, 404);

  const lists = await Promise.all(['bookmarks', 'kudos', 'comments', 'subscriptions', 'later'].map((l) => get(app, `/me/${l}`, fan.token)));
  assert.deepEqual(lists.map((l) => l.body.total), [1, 1, 1, 1, 1]);

  assert.equal((await api(app, 'DELETE', `/me/bookmarks/${bookmark.body.id}`, { token: fan.token })).status, 204);
  assert.equal((await api(app, 'DELETE', `/me/subscriptions/${sub.body.id}`, { token: fan.token })).status, 204);
  assert.equal((await api(app, 'DELETE', `/me/later/${work.id}`, { token: fan.token })).status, 204);
  const after = await Promise.all(['bookmarks', 'subscriptions', 'later'].map((l) => get(app, `/me/${l}`, fan.token)));
  assert.deepEqual(after.map((l) => l.body.total), [0, 0, 0]);
});
