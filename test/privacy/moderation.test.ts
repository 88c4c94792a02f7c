import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src/archive.ts';
import { readerApp } from '../../src/web/routes/reader.testing.ts';
import { csrfTokenIn } from '../../src/web/routes/account.testing.ts';
import { Moderation } from '../../src/works/moderation.ts';
import { buildWork, testConfig } from '../factories.ts';
import { runCli } from '../cli/run.ts';

test('an admin hides and unhides a work from its page; nobody else can, and the work leaves every listing at once', async (t) => {
  const h = await readerApp(t);
  const work = await h.work({ title: 'The Quay Lamp', creators: ['Author'], fandoms: ['Harbour Lights'] });
  await h.work({ title: 'Another Pier', fandoms: ['Harbour Lights'] });
  const warden = await h.member('Warden');
  await h.archive.accounts.setRole('Warden', 'admin');
  const reader = await h.member('Reader');
  const guest = h.guest();
  await h.archive.search.prepare();

  const asReader = await reader.get(`/works/${work.id}`);
  assert.doesNotMatch(asReader.body, /Hide work|admin\/works/, 'members see no moderation form');
  const page = await warden.get(`/works/${work.id}`);
  assert.match(page.body, /Hide work/);
  const token = csrfTokenIn(page.body, `/admin/works/${work.id}/hide`);

  // Someone else's token and cookie: a member gets 404, as for a work that does not exist; a guest with no token 403.
  const readerToken = csrfTokenIn(asReader.body);
  assert.equal((await reader.post(`/admin/works/${work.id}/hide`, { _csrf: readerToken })).statusCode, 404);
  assert.equal((await reader.post('/admin/works/99999/hide', { _csrf: readerToken })).statusCode, 404);
  assert.equal((await guest.post(`/admin/works/${work.id}/hide`, {})).statusCode, 403);
  assert.equal((await warden.post(`/admin/works/${work.id}/hide`, {})).statusCode, 403, 'no CSRF token, no action');
  assert.equal((await h.archive.works.get(work.id))!.hidden, false);

  const hid = await warden.post(`/admin/works/${work.id}/hide`, { _csrf: token, reason: 'reported', back: `/works/${work.id}` });
  assert.equal(hid.statusCode, 303);
  assert.equal(hid.headers.location, `/works/${work.id}#moderation`);
  assert.equal((await h.archive.works.get(work.id))!.hidden, true);
  const hiddenPage = await warden.get(`/works/${work.id}`);
  assert.match(hiddenPage.body, /<strong>Hidden\.<\/strong>/);
  assert.match(hiddenPage.body, /Unhide work/);
  for (const url of ['/works', '/', '/tags/Harbour%20Lights', '/search?q=quay', '/fandoms']) {
    const res = await guest.get(url);
    assert.doesNotMatch(res.body, /The Quay Lamp/, `gone from ${url} for guests`);
    assert.doesNotMatch((await reader.get(url)).body, /The Quay Lamp/, `and for members on ${url}`);
  }
  assert.equal((await guest.get(`/works/${work.id}`)).statusCode, 404);
  assert.equal((await reader.get(`/works/${work.id}`)).statusCode, 404);
  assert.match((await warden.get('/search?q=quay')).body, /The Quay Lamp/, 'administrators still find it');

  const unhid = await warden.post(`/admin/works/${work.id}/unhide`, { _csrf: csrfTokenIn(hiddenPage.body, `/admin/works/${work.id}/unhide`) });
  assert.equal(unhid.statusCode, 303);
  assert.match((await guest.get('/works')).body, /The Quay Lamp/);
  assert.match((await guest.get('/search?q=quay')).body, /The Quay Lamp/);

  const record = await new Moderation(h.archive.works).history(work.id);
  assert.deepEqual(record.map((r) => [r.action, r.actor, r.reason]), [['hide', 'Warden', 'reported'], ['unhide', 'Warden', '']]);
});

test('quire works hide and unhide, as the operator', async (t) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-moderation-'));
  t.after(() => fs.rmSync(data, { recursive: true, force: true }));
  let archive = await openArchive({ ...testConfig(), dataDir: data });
  const w = await archive.works.create(buildWork({ title: 'Signal Fire' }));
  await archive.close();

  const hid = runCli(['--data', data, 'works', 'hide', String(w.id), '--reason', 'spam report']);
  assert.equal(hid.code, 0, hid.stderr);
  assert.equal(hid.stdout, `Work ${w.id} (“Signal Fire”) is hidden.\n`);
  assert.equal(runCli(['--data', data, 'works', 'hide', String(w.id)]).stdout, `Work ${w.id} (“Signal Fire”) was already hidden; nothing changed.\n`);
  const missing = runCli(['--data', data, 'works', 'unhide', '999']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /work 999 not found/);
  assert.equal(runCli(['--data', data, 'works', 'hide', 'abc']).code, 1);

  archive = await openArchive({ ...testConfig(), dataDir: data });
  t.after(() => archive.close());
  assert.equal((await archive.works.get(w.id))!.hidden, true);
  const record = await new Moderation(archive.works).history(w.id);
  assert.deepEqual(record.map((r) => [r.action, r.actor, r.accountId, r.reason]), [['hide', 'operator (CLI)', null, 'spam report']]);
  await archive.close();
  const shown = runCli(['--data', data, 'works', 'unhide', String(w.id)]);
  assert.equal(shown.stdout, `Work ${w.id} (“Signal Fire”) is visible to readers again.\n`);
  archive = await openArchive({ ...testConfig(), dataDir: data });
  assert.equal((await archive.works.get(w.id))!.hidden, false);
});
