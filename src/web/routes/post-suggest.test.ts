import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAttributeValue } from 'domutils';
import { buildWork } from '../../../test/factories.ts';
import { foldName } from '../../tags/tag.types.ts';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser, csrfTokenIn, type AccountsHarness } from './account.testing.ts';
import { submitForm, upload, workForm, workIdFrom } from './post.testing.ts';

/** The post form's "Suggest tags from my text" step, accepting suggestions, the upload, and the stored rating hint. */

const OPERATOR = { kind: 'operator' } as const;

/** Character tags to suggest from: Elizabeth Bennet (synonym "Lizzy") and Fitzwilliam Darcy, in Pride and Prejudice. */
async function seedCast(h: AccountsHarness): Promise<void> {
  await h.archive.works.create(buildWork({ fandoms: ['Pride and Prejudice'], characters: ['Elizabeth Bennet', 'Fitzwilliam Darcy'] }));
  const db = h.archive.store.db;
  const liz = await db.selectFrom('tags').select('id').where('name', '=', 'Elizabeth Bennet').executeTakeFirstOrThrow();
  await db.updateTable('tags').set({ canonical: 1 }).where('id', '=', liz.id).execute();
  await db.insertInto('tags').values({ type: 'character', name: 'Lizzy', name_key: foldName('Lizzy'), canonical: 0, synonym_of: liz.id, unwrangleable: 0, created_at: '' }).execute();
  h.archive.suggest.invalidate();
}

async function writer(h: AccountsHarness, username: string, ip: string): Promise<{ b: Browser; pseudId: number }> {
  const b = new Browser(h.app, ip);
  assert.equal((await b.signUp(username)).statusCode, 303);
  return { b, pseudId: (await h.archive.accounts.byUsername(username))!.defaultPseudId! };
}

const workCount = async (h: AccountsHarness) => (await h.archive.store.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
const acceptValues = (body: string) => parsePage(body).all('input').filter((e) => getAttributeValue(e, 'name') === 'accept').map((e) => getAttributeValue(e, 'value'));
const inputValue = (body: string, name: string) => getAttributeValue(parsePage(body).all('input').find((e) => getAttributeValue(e, 'name') === name)!, 'value');
const checked = (body: string, name: string) => parsePage(body).all('input').filter((e) => getAttributeValue(e, 'name') === name && getAttributeValue(e, 'checked') !== undefined).map((e) => getAttributeValue(e, 'value'));

const TEXT = 'Lizzy walked to Netherfield in the rain. "I said <script>alert(1)</script> and I meant it," Lizzy told Darcy.\n\nDarcy laughed, and Lizzy laughed with him.';
const MATURE = 'Lizzy and Darcy made love slowly in the dark, naked in the narrow bed, and had sex twice before dawn. Afterward they lay tangled in the sheets, sweaty and spent.';

test('"Suggest tags from my text" shows suggestions with escaped evidence and saves nothing; accepting fills the fields', async (t) => {
  const h = await accountsApp(t);
  await seedCast(h);
  const { b, pseudId } = await writer(h, 'ren_writes', '203.0.113.60');
  const before = await workCount(h);
  const form = await b.get('/works/new');
  assert.match(form.body, /<button type="submit" name="action" value="suggest"[^>]*>Suggest tags from my text<\/button>/);

  const fields = workForm(pseudId, { fandoms: '', characters: 'Lizzy', chapter_text: TEXT, action: 'suggest' });
  const res = await submitForm(b, '/works/new', '/works/new', fields);
  assert.equal(res.statusCode, 200);
  assert.equal(await workCount(h), before, 'nothing saved');
  assert.match(res.body, /id="suggestions"/);
  assert.match(res.body, /Nothing has been applied/);
  const offered = acceptValues(res.body);
  assert.ok(offered.includes('fandom:Pride and Prejudice'), `fandom offered: ${offered.join(' | ')}`);
  assert.ok(offered.includes('character:Fitzwilliam Darcy'));
  assert.ok(!offered.includes('character:Elizabeth Bennet'), 'the form already holds Lizzy, a synonym of Elizabeth Bennet');
  assert.match(res.body, /Elizabeth Bennet<\/span> <span class="suggestion-present">\(already in your tags\)/);
  assert.match(res.body, /Chapter 1, character 1:<\/span> <q><mark>Lizzy<\/mark> walked/, 'evidence with its place and the match marked');
  assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text in the evidence is escaped');
  assert.ok(!res.body.includes('<script>alert(1)'), 'never raw');
  assert.equal(inputValue(res.body, 'characters'), 'Lizzy', 'the fields are as typed: nothing applied silently');

  // Accept Darcy, the fandom and a rating; the synonym Lizzy becomes its canonical name only when Elizabeth is accepted.
  const token = csrfTokenIn(res.body, '/works/new');
  const accepted = await b.post('/works/new', { ...fields, _csrf: token, action: 'accept_suggestions', accept: ['character:Fitzwilliam Darcy', 'fandom:Pride and Prejudice', 'character:Elizabeth Bennet', 'rating:Teen And Up Audiences'] });
  assert.equal(accepted.statusCode, 200);
  assert.equal(await workCount(h), before, 'accepting saves nothing either');
  assert.equal(inputValue(accepted.body, 'characters'), 'Elizabeth Bennet, Fitzwilliam Darcy', 'synonym replaced by the canonical name, Darcy added');
  assert.equal(inputValue(accepted.body, 'fandoms'), 'Pride and Prejudice');
  assert.deepEqual(checked(accepted.body, 'rating'), ['Teen And Up Audiences']);
  assert.deepEqual(acceptValues(accepted.body).filter((v) => v!.startsWith('character:')), [], 'accepted ones show as already in the tags');

  // Without the step, unticked suggestions never reach the work; the accepted values post as shown.
  const posted = await b.post('/works/new', { ...fields, _csrf: csrfTokenIn(accepted.body, '/works/new'), fandoms: inputValue(accepted.body, 'fandoms')!, characters: inputValue(accepted.body, 'characters')!, rating: 'Teen And Up Audiences', action: 'post' });
  assert.equal(posted.statusCode, 303);
  const work = await h.archive.works.read(OPERATOR, workIdFrom(posted));
  assert.deepEqual(work.characters, ['Elizabeth Bennet', 'Fitzwilliam Darcy']);
  assert.deepEqual(work.fandoms, ['Pride and Prejudice']);
});

test('the suggest step needs the form CSRF token, and a guest is sent to log in', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await writer(h, 'ren_writes', '203.0.113.61');
  const res = await b.post('/works/new', workForm(pseudId, { action: 'suggest' }));
  assert.equal(res.statusCode, 403);
  const guest = await new Browser(h.app, '203.0.113.62').get('/works/new');
  assert.equal(guest.statusCode, 303);
});

test('the edit form suggests from the saved chapters; a rating hint is stored on post and on edit', async (t) => {
  const h = await accountsApp(t);
  await seedCast(h);
  const { b, pseudId } = await writer(h, 'ren_writes', '203.0.113.63');
  const posted = await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { chapter_text: MATURE, rating: 'General Audiences' }));
  const id = workIdFrom(posted);
  const hint = await h.archive.ratingHints.get(id);
  assert.ok(hint, 'a hint is stored when the work is posted');
  assert.equal(hint.rating, 'Mature');
  assert.equal(hint.declared, 'General Audiences');
  assert.equal(hint.exceeds, true);
  const work = await h.archive.works.get(id);
  assert.equal(hint.revision, work!.revision);
  assert.ok(hint.evidence.length > 0 && hint.evidence.every((e) => e.chapter === 1 && typeof e.excerpt === 'string'));

  const page = await new Browser(h.app, '203.0.113.64').get(`/works/${id}`);
  assert.match(parsePage(page).text(), /General Audiences/, "readers see the author's rating");
  assert.doesNotMatch(parsePage(page).text(), /Mature/);

  const edit = await b.get(`/works/${id}/edit`);
  const values = { ...workForm(pseudId), _csrf: csrfTokenIn(edit.body, `/works/${id}/edit`), action: 'suggest', characters: '' };
  const suggested = await b.post(`/works/${id}/edit`, values);
  assert.equal(suggested.statusCode, 200);
  assert.match(suggested.body, /Read from the saved chapters: 1 chapter/);
  assert.ok(acceptValues(suggested.body).includes('rating:Mature'));
  assert.ok(acceptValues(suggested.body).includes('character:Elizabeth Bennet'));
  assert.equal((await h.archive.works.get(id))!.revision, work!.revision, 'suggesting on the edit form saves nothing');

  const updated = await b.post(`/works/${id}/edit`, { ...values, action: 'save', rating: 'Mature' });
  assert.equal(updated.statusCode, 303);
  const after = await h.archive.ratingHints.get(id);
  assert.equal(after!.declared, 'Mature', 'recomputed on edit');
  assert.equal(after!.exceeds, false);
  assert.equal(after!.revision, (await h.archive.works.get(id))!.revision);
});

test('an upload opens the edit form with suggestions from the file, for acceptance', async (t) => {
  const h = await accountsApp(t);
  await seedCast(h);
  const { b } = await writer(h, 'ren_writes', '203.0.113.65');
  const res = await upload(b, { name: 'walk.txt', content: `---\ntitle: The Walk\n---\n\n${TEXT}\n` });
  assert.equal(res.statusCode, 303);
  const id = workIdFrom(res);
  const edit = await b.get(String(res.headers.location));
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, /Suggestions from your text/);
  const offered = acceptValues(edit.body);
  assert.ok(offered.includes('character:Elizabeth Bennet') && offered.includes('character:Fitzwilliam Darcy'), offered.join(' | '));
  const work = await h.archive.works.read(OPERATOR, id);
  assert.deepEqual(work.characters, [], 'nothing applied to the draft');
});

test('asking with no chapter text says so and offers nothing', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await writer(h, 'ren_writes', '203.0.113.66');
  const res = await submitForm(b, '/works/new', '/works/new', workForm(pseudId, { chapter_text: '', title: '', action: 'suggest' }));
  assert.equal(res.statusCode, 200, 'no validation errors for a suggest step');
  assert.match(res.body, /There is no text to read yet/);
  assert.deepEqual(acceptValues(res.body), []);
});
