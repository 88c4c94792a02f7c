import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser, csrfTokenIn } from './account.testing.ts';
import { submitForm, workForm, workIdFrom } from './post.testing.ts';

const OPERATOR = { kind: 'operator' } as const;
const DAY = 24 * 3600 * 1000;

async function writer(h: Awaited<ReturnType<typeof accountsApp>>) {
  const b = new Browser(h.app, '203.0.113.80');
  assert.equal((await b.signUp('ren_writes')).statusCode, 303);
  const pseudId = (await h.archive.accounts.byUsername('ren_writes'))!.defaultPseudId!;
  const id = workIdFrom(await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { progress: 'in_progress', expected_chapters: '' })));
  return { b, id };
}

function chapterFields(text: string, extra: Record<string, string> = {}): Record<string, string> {
  return { chapter_title: '', chapter_summary: '', chapter_notes: '', chapter_end_notes: '', text_format: 'text', chapter_text: text, action: 'save', ...extra };
}

test('adding chapters: preview first, then post; a posted work is updated today', async (t) => {
  const h = await accountsApp(t);
  const { b, id } = await writer(h);
  h.advance(3 * DAY);
  const form = await b.get(`/works/${id}/chapters/new`);
  assert.equal(form.statusCode, 200);
  assert.match(parsePage(form).text(), /Add chapter 2 to The Salt Road/);
  const token = csrfTokenIn(form.body, `/works/${id}/chapters/new`);

  const preview = await b.post(`/works/${id}/chapters/new`, { ...chapterFields('The sea, at last, was grey and wide.', { chapter_title: 'The Sea' }), action: 'preview', _csrf: token });
  assert.equal(preview.statusCode, 200);
  assert.match(parsePage(preview).text(), /Chapter 2: The Sea/);
  assert.equal((await h.archive.works.get(id))!.chapterCount, 1, 'a preview stores nothing');

  const tooShort = await b.post(`/works/${id}/chapters/new`, { ...chapterFields('Tiny.'), _csrf: token });
  assert.equal(tooShort.statusCode, 422);
  assert.match(parsePage(tooShort).text(), /Chapter text is 5 characters; at least 10 are needed/);

  const res = await b.post(`/works/${id}/chapters/new`, { ...chapterFields('The sea, at last, was grey and wide.', { chapter_title: 'The Sea', chapter_notes: 'Thank you for reading.' }), _csrf: token });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/works/${id}/chapters/2`);
  const work = await h.archive.works.read(OPERATOR, id);
  assert.equal(work.chapterCount, 2);
  assert.equal(work.updatedOn, '2025-03-04');
  assert.equal(work.publishedOn, '2025-03-01');
  assert.equal(work.chapters[1]!.notes, '<p>Thank you for reading.</p>');
  assert.equal(work.words, work.chapters[0]!.words + work.chapters[1]!.words);
  const page = parsePage(await new Browser(h.app, '203.0.113.81').get(`/works/${id}/chapters/2`));
  assert.match(page.text(), /Chapter 2: The Sea/);
  assert.match(page.text(), /Updated: 2025-03-04/);
});

test('editing, reordering and deleting chapters through the chapter list', async (t) => {
  const h = await accountsApp(t);
  const { b, id } = await writer(h);
  for (const title of ['Two', 'Three']) {
    const form = await b.get(`/works/${id}/chapters/new`);
    await b.post(`/works/${id}/chapters/new`, { ...chapterFields(`Chapter ${title} goes along the road.`, { chapter_title: title }), _csrf: csrfTokenIn(form.body, `/works/${id}/chapters/new`) });
  }
  let work = await h.archive.works.read(OPERATOR, id);
  const [one, two, three] = work.chapters.map((c) => c.id) as [number, number, number];

  // Edit chapter two: the form is filled with its HTML.
  const edit = await b.get(`/works/${id}/chapters/${two}/edit`);
  assert.match(edit.body, /<textarea id="chapter-chapter-text"[^>]*>\n&lt;p&gt;Chapter Two goes along the road\.&lt;\/p&gt;<\/textarea>/);
  const saved = await b.post(`/works/${id}/chapters/${two}/edit`, { ...chapterFields('<p>Chapter Two, <b>rewritten</b>.</p>', { text_format: 'html', chapter_title: 'Two, again' }), _csrf: csrfTokenIn(edit.body, `/works/${id}/chapters/${two}/edit`) });
  assert.equal(saved.statusCode, 303);
  work = await h.archive.works.read(OPERATOR, id);
  assert.equal(work.chapters[1]!.title, 'Two, again');
  assert.equal(work.chapters[1]!.html, '<p>Chapter Two, <b>rewritten</b>.</p>');

  // Reorder: the same number twice is refused, with the error beside the box.
  const manage = await b.get(`/works/${id}/chapters/manage`);
  const token = csrfTokenIn(manage.body, `/works/${id}/chapters/order`);
  const clash = await b.post(`/works/${id}/chapters/order`, { [`position_${one}`]: '1', [`position_${two}`]: '1', [`position_${three}`]: '2', _csrf: token });
  assert.equal(clash.statusCode, 422);
  assert.match(parsePage(clash).text(), /the same as another chapter’s/);
  const reordered = await b.post(`/works/${id}/chapters/order`, { [`position_${one}`]: '3', [`position_${two}`]: '1', [`position_${three}`]: '2', _csrf: token });
  assert.equal(reordered.statusCode, 303);
  work = await h.archive.works.read(OPERATOR, id);
  assert.deepEqual(work.chapters.map((c) => c.id), [two, three, one]);
  assert.match(parsePage(await b.get(reordered.headers.location as string)).text(), /The chapters were reordered\./);

  // Delete the middle chapter; the last one left cannot be deleted.
  const confirm = await b.get(`/works/${id}/chapters/${three}/delete`);
  assert.match(parsePage(confirm).text(), /Delete Chapter 2: Three of “The Salt Road”\?/);
  assert.equal((await b.post(`/works/${id}/chapters/${three}/delete`, { _csrf: csrfTokenIn(confirm.body, `/works/${id}/chapters/${three}/delete`) })).statusCode, 303);
  work = await h.archive.works.read(OPERATOR, id);
  assert.deepEqual(work.chapters.map((c) => [c.id, c.position]), [[two, 1], [one, 2]]);
  const second = await b.get(`/works/${id}/chapters/${one}/delete`);
  await b.post(`/works/${id}/chapters/${one}/delete`, { _csrf: csrfTokenIn(second.body, `/works/${id}/chapters/${one}/delete`) });
  const last = await b.get(`/works/${id}/chapters/manage`);
  assert.equal(parsePage(last).linksNamed('Delete Chapter 1: Two, again').length, 0, 'no delete link for the only chapter');
  const refused = await b.post(`/works/${id}/chapters/${two}/delete`, { _csrf: csrfTokenIn(last.body, `/works/${id}/chapters/order`) });
  assert.equal(refused.statusCode, 409);
  assert.match(parsePage(refused).text(), /Delete the work instead/);
  assert.equal((await h.archive.works.get(id))!.chapterCount, 1);
});
