import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { QuireError } from '../errors.ts';
import { GUEST, OPERATOR } from './visibility.ts';

test('create stores every field and reads it back', async () => {
  const a = await testArchive();
  const work = await a.works.create(buildWork({
    title: '  The   Lighthouse ',
    rating: 'Mature',
    warnings: ['Major Character Death'],
    categories: ['F/F', 'Gen'],
    fandoms: ['Saltmarsh Chronicles'],
    relationships: ['Ada/Bea'],
    characters: ['Ada', 'Bea'],
    tags: ['Angst', 'angst', 'Hurt/Comfort'],
    language: 'English',
    series: [{ title: 'Tides' }],
    creators: ['gullwing'],
    publishedOn: '2020-02-29',
    chapters: [{ title: 'One', html: '<p>First chapter text here.</p>' }, { html: '<p>Second chapter text, longer.</p>', notes: '<p>note</p>' }],
  }));
  assert.equal(work.title, 'The Lighthouse');
  assert.equal(work.rating, 'Mature');
  assert.deepEqual(work.categories, ['F/F', 'Gen']);
  assert.deepEqual(work.tags, ['Angst', 'Hurt/Comfort']);
  assert.equal(work.language, 'en');
  assert.equal(work.chapterCount, 2);
  assert.equal(work.words, 8);
  assert.equal(work.publishedOn, '2020-02-29');
  assert.deepEqual(work.series.map((s) => [s.title, s.position]), [['Tides', 1]]);
  assert.deepEqual(work.creators.map((c) => c.name), ['gullwing']);
  const full = await a.works.read(GUEST, work.id);
  assert.equal(full.chapters[1]!.notes, '<p>note</p>');
  assert.equal(full.chapters[0]!.title, 'One');
});

test('limits of REFERENCE §1 are enforced with every problem named', async () => {
  const a = await testArchive();
  await assert.rejects(
    a.works.create(buildWork({ title: '', fandoms: [], warnings: [], language: 'Klingonese', chapters: [{ html: 'short' }], publishedOn: '2999-01-01' })),
    (err: unknown) => {
      assert.ok(err instanceof QuireError);
      assert.equal(err.code, 'validation_failed');
      const fields = err.issues.map((i) => i.field);
      for (const f of ['title', 'fandoms', 'warnings', 'language', 'chapters[1].text', 'publishedOn']) assert.ok(fields.includes(f), `${f} in ${fields}`);
      return true;
    },
  );
  assert.equal((await a.works.list(OPERATOR)).total, 0, 'nothing half-written');
});

test('more than 75 free tags is refused; summary over 1,250 characters is refused', async () => {
  const a = await testArchive();
  const tags = Array.from({ length: 75 }, (_, i) => `Tag ${i}`);
  await assert.rejects(a.works.create(buildWork({ tags })), /limit is 75/);
  await assert.rejects(a.works.create(buildWork({ summary: 'x'.repeat(1300) })), /summary: is 1300 characters/);
});

test('a failing write leaves nothing behind (tag type conflict inside the transaction)', async () => {
  const a = await testArchive();
  await a.works.create(buildWork({ fandoms: ['Lanterns'] }));
  await assert.rejects(a.works.create(buildWork({ characters: ['Brand New Character', 'Lanterns'] })), /already exists as a fandom tag/);
  const tags = await a.store.db.selectFrom('tags').select('name').where('name', '=', 'Brand New Character').execute();
  assert.equal(tags.length, 0);
  assert.equal((await a.works.list(OPERATOR)).total, 1);
});

test('HTML is sanitized on write whatever the caller sent', async () => {
  const a = await testArchive();
  const w = await a.works.create(buildWork({ summary: '<p onclick="x()">hi<script>alert(1)</script></p>', chapters: [{ html: '<p>ok text <a href="javascript:alert(1)">link</a> <img src="x" onerror="y"></p>' }] }));
  const full = await a.works.read(OPERATOR, w.id);
  assert.equal(full.summary, '<p>hi</p>');
  assert.doesNotMatch(full.chapters[0]!.html, /javascript|onerror|script/);
});

test('drafts, restricted and hidden works are invisible to guests, in reads and lists', async () => {
  const a = await testArchive();
  const posted = await a.works.create(buildWork());
  const draft = await a.works.create(buildWork({ status: 'draft' }));
  const restricted = await a.works.create(buildWork({ restricted: true }));
  const hidden = await a.works.create(buildWork());
  await a.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
  const guest = await a.works.list(GUEST);
  assert.deepEqual(guest.items.map((w) => w.id), [posted.id]);
  assert.equal(guest.total, 1);
  for (const w of [draft, restricted, hidden]) await assert.rejects(a.works.read(GUEST, w.id), /not found/);
  assert.equal((await a.works.list({ kind: 'member' })).total, 2);
  assert.equal((await a.works.list(OPERATOR)).total, 4);
});

test('update replaces chapters and tags and bumps the revision; delete removes the work', async () => {
  const a = await testArchive();
  const w = await a.works.create(buildWork({ tags: ['Fluff'] }));
  const changed: number[] = [];
  a.events.subscribe({ worksChanged: (ids) => void changed.push(...ids), worksDeleted: (ids) => void changed.push(...ids.map((i) => -i)) });
  const u = await a.works.update(w.id, buildWork({ tags: ['Angst'], chapters: [{ html: '<p>Replaced text of the chapter.</p>' }, { html: '<p>And a second chapter.</p>' }] }));
  assert.equal(u.revision, 2);
  assert.deepEqual(u.tags, ['Angst']);
  assert.equal(u.chapterCount, 2);
  await a.works.delete(w.id);
  assert.deepEqual(changed, [w.id, -w.id]);
  await assert.rejects(a.works.read(OPERATOR, w.id), /work \d+ not found/);
  assert.equal((await a.store.db.selectFrom('chapters').select('id').execute()).length, 0);
});

test('published date may be backdated but never in the future; a WIP keeps its expected count', async () => {
  const a = await testArchive();
  const w = await a.works.create(buildWork({ publishedOn: '2001-09-01', complete: false, expectedChapters: 5 }));
  assert.equal(w.publishedOn, '2001-09-01');
  assert.equal(w.complete, false);
  assert.equal(w.expectedChapters, 5);
  await assert.rejects(a.works.create(buildWork({ publishedOn: '2001-02-30' })), /not a date/);
  await assert.rejects(a.works.create(buildWork({ complete: true, expectedChapters: 3 })), /complete work has all its chapters/);
});

test('drafts are for their creators only, not admins; hidden works for admins and creators', async () => {
  const a = await testArchive();
  const draft = await a.works.create(buildWork({ status: 'draft', creators: ['drafter'] }));
  const hidden = await a.works.create(buildWork({ creators: ['hider'] }));
  await a.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
  const admin = { kind: 'member' as const, accountId: 1, pseudIds: [], admin: true };
  await assert.rejects(a.works.read(admin, draft.id), /not found/);
  assert.equal((await a.works.read(admin, hidden.id)).id, hidden.id);
  assert.deepEqual((await a.works.list(admin)).items.map((w) => w.id), [hidden.id]);
  const drafter = { kind: 'member' as const, accountId: 2, pseudIds: [draft.creators[0]!.id] };
  assert.equal((await a.works.read(drafter, draft.id)).id, draft.id);
  assert.deepEqual((await a.works.list(drafter)).items.map((w) => w.id), [draft.id]);
  const hider = { kind: 'member' as const, accountId: 3, pseudIds: [hidden.creators[0]!.id] };
  assert.equal((await a.works.read(hider, hidden.id)).id, hidden.id);
});
