import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { searchQuery } from '../../search/query.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { GUEST } from '../../works/visibility.ts';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';

async function setup(t: Parameters<typeof accountsApp>[0]) {
  const h = await accountsApp(t);
  const { archive, app } = h;
  await archive.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Anne Elliot', 'Nan'], tags: ['Letters'] }));
  await archive.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Anne Elliot'] }));
  await archive.wrangling.canonical({ kind: 'operator' }, (await findTagByName(archive.store.db, 'Persuasion'))!.id);
  const wrangler = new Browser(app, '203.0.113.20');
  assert.equal((await wrangler.signUp('sorter')).statusCode, 303);
  await archive.accounts.setRole('sorter', 'wrangler');
  const member = new Browser(app, '203.0.113.21');
  assert.equal((await member.signUp('reader')).statusCode, 303);
  const tag = async (name: string) => (await findTagByName(archive.store.db, name))!;
  return { ...h, wrangler, member, guest: new Browser(app, '203.0.113.22'), tag };
}

test('wrangling pages: 403 for guests and plain members, on every page and form', async (t) => {
  const { wrangler, member, guest, tag } = await setup(t);
  const fandom = (await tag('Persuasion')).id;
  const anne = (await tag('Anne Elliot')).id;
  const pages = ['/wrangling', `/wrangling/queue?fandom=${fandom}`, '/wrangling/queue?fandom=fandoms', `/wrangling/tags/${anne}`, '/wrangling/tags?name=Nan', '/wrangling/audit'];
  for (const url of pages) {
    assert.equal((await guest.get(url)).statusCode, 403, `guest ${url}`);
    assert.equal((await member.get(url)).statusCode, 403, `member ${url}`);
    const ok = await wrangler.get(url);
    assert.ok([200, 303].includes(ok.statusCode), `wrangler ${url}: ${ok.statusCode}`);
  }
  // A member holding a valid CSRF token (from a page they may see) is still refused.
  const account = await member.get('/account');
  const token = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
  const post = await member.post(`/wrangling/tags/${anne}`, { _csrf: token, action: 'canonical', target: '', target_id: '', name: '' });
  assert.equal(post.statusCode, 403);
  const bulk = await member.post('/wrangling/queue', { _csrf: token, action: 'canonical', target: '', fandom: String(fandom), tags: [String(anne)] });
  assert.equal(bulk.statusCode, 403);
  assert.equal((await tag('Anne Elliot')).canonical, false);
});

test('the queue lists unwrangled tags with counts; bulk wrangling works and search agrees at once', async (t) => {
  const { archive, wrangler, tag } = await setup(t);
  const fandom = (await tag('Persuasion')).id;
  const queueUrl = `/wrangling/queue?fandom=${fandom}`;
  const page = parsePage(await wrangler.get(queueUrl));
  const cells = page.all('td').map((td) => page.text(td));
  assert.deepEqual(cells, ['', 'Anne Elliot edit Anne Elliot', 'character', '2', '', 'Letters edit Letters', 'additional', '1', '', 'Nan edit Nan', 'character', '1']);
  const index = parsePage(await wrangler.get('/wrangling'));
  const indexCells = index.all('td').map((td) => index.text(td));
  assert.deepEqual(indexCells, ['Fandom tags', '0', 'Works with no canonical fandom', '0', 'Persuasion', '3']);

  const [anne, nan] = [(await tag('Anne Elliot')).id, (await tag('Nan')).id];
  const res = await wrangler.submit(queueUrl, '/wrangling/queue', { action: 'canonical', target: '', fandom: String(fandom), tags: [String(anne)] });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${queueUrl}&done=1`);
  const merged = await wrangler.submit(queueUrl, '/wrangling/queue', { action: 'synonym', target: 'anne elliot', fandom: String(fandom), tags: [String(nan)] });
  assert.equal(merged.statusCode, 303);
  assert.equal((await tag('Nan')).synonymOf, anne);
  assert.equal((await archive.search.search(GUEST, searchQuery({ include: ['Nan'] }))).total, 2, 'the synonym finds both works at once');
  const after = parsePage(await wrangler.get(queueUrl));
  assert.deepEqual(after.all('label').map((l) => after.text(l)).filter((x) => ['Anne Elliot', 'Nan', 'Letters'].includes(x)), ['Letters']);

  const noToken = await wrangler.post('/wrangling/queue', { action: 'canonical', target: '', fandom: String(fandom), tags: [String((await tag('Letters')).id)] });
  assert.equal(noToken.statusCode, 403, 'a wrangler without the CSRF token is refused');
  const forged = await wrangler.post(`/wrangling/tags/${anne}`, { _csrf: 'forged', action: 'unwrangleable' });
  assert.equal(forged.statusCode, 403);
  assert.equal((await tag('Letters')).canonical, false);
  assert.equal((await tag('Anne Elliot')).unwrangleable, false);

  const bad = await wrangler.submit(queueUrl, '/wrangling/queue', { action: 'synonym', target: 'Nobody', fandom: String(fandom), tags: [String((await tag('Letters')).id)] });
  assert.equal(bad.statusCode, 422);
  assert.match(parsePage(bad).text(), /There is a problem there is no tag "Nobody"/);
  assert.equal((await tag('Letters')).canonical, false);

  const audit = parsePage(await wrangler.get('/wrangling/audit'));
  const rows = audit.all('tr').slice(1).map((tr) => audit.all('td').filter((td) => td.parent === tr).slice(1).map((td) => audit.text(td)));
  assert.deepEqual(rows, [['sorter', 'synonym', 'Nan', 'of: Anne Elliot; bulk: true'], ['sorter', 'canonical', 'Anne Elliot', 'bulk: true'], ['cli', 'canonical', 'Persuasion', '']]);
});

test('tag page: rename clash shows the error; metatag, parent fandom and rename forms work', async (t) => {
  const { wrangler, tag } = await setup(t);
  const anne = (await tag('Anne Elliot')).id;
  const url = `/wrangling/tags/${anne}`;
  const clash = await wrangler.submit(url, url, { action: 'rename', name: 'NAN' });
  assert.equal(clash.statusCode, 422);
  assert.match(parsePage(clash).text(), /the character tag "Nan" already has that name/);
  assert.equal((await wrangler.submit(url, url, { action: 'add_parent', target: 'Persuasion' })).statusCode, 303);
  assert.equal((await wrangler.submit(url, url, { action: 'add_subtag', target: 'Nan' })).statusCode, 303);
  assert.equal((await wrangler.submit(url, url, { action: 'rename', name: 'Anne  Elliot of Kellynch' })).statusCode, 303);
  const page = parsePage(await wrangler.get(url));
  assert.match(page.text(), /Wrangle Anne Elliot of Kellynch/);
  assert.match(page.text(), /Subtags Nan/);
  assert.match(page.text(), /Parent fandoms Persuasion/);
  const remove = await wrangler.submit(url, url, { action: 'remove_parent', target_id: String((await tag('Persuasion')).id) });
  assert.equal(remove.statusCode, 303);
  assert.match(parsePage(await wrangler.get(url)).text(), /Parent fandoms None\./);
});

test('a tag only a draft carries: 404 on its page, its queue and the find box; a blind bulk change is refused and not logged', async (t) => {
  const { archive, wrangler, tag } = await setup(t);
  await archive.works.create(buildWork({ fandoms: ['Secret Fandom'], characters: ['Secret Person'], status: 'draft' }));
  const [person, fandom, anne] = [(await tag('Secret Person')).id, (await tag('Secret Fandom')).id, (await tag('Anne Elliot')).id];
  for (const url of [`/wrangling/tags/${person}`, `/wrangling/queue?fandom=${fandom}`, '/wrangling/tags?name=Secret%20Person']) {
    const res = await wrangler.get(url);
    assert.equal(res.statusCode, 404, url);
    assert.doesNotMatch(res.body, /Secret (Person|Fandom)"?</, `${url} does not name the tag`);
  }
  const queueUrl = `/wrangling/queue?fandom=${(await tag('Persuasion')).id}`;
  const bulk = await wrangler.submit(queueUrl, '/wrangling/queue', { action: 'canonical', target: '', fandom: String((await tag('Persuasion')).id), tags: [String(anne), String(person)] });
  assert.equal(bulk.statusCode, 422);
  assert.match(parsePage(bulk).text(), new RegExp(`tag ${person} not found`));
  const renamed = await wrangler.submit(`/wrangling/tags/${anne}`, `/wrangling/tags/${anne}`, { action: 'synonym', target: 'Secret Person' });
  assert.equal(renamed.statusCode, 422);
  assert.match(parsePage(renamed).text(), /there is no tag "Secret Person"/);
  assert.equal((await tag('Secret Person')).canonical, false);
  assert.equal((await tag('Anne Elliot')).canonical, false);
  assert.doesNotMatch(parsePage(await wrangler.get('/wrangling/audit')).text(), /Secret/);
});

test('a bulk form with more than 1,000 tags is refused whole, not cut short', async (t) => {
  const { wrangler, tag } = await setup(t);
  const fandom = String((await tag('Persuasion')).id);
  const anne = String((await tag('Anne Elliot')).id);
  const queueUrl = `/wrangling/queue?fandom=${fandom}`;
  const res = await wrangler.submit(queueUrl, '/wrangling/queue', { action: 'canonical', target: '', fandom, tags: Array.from({ length: 1001 }, () => anne) });
  assert.equal(res.statusCode, 422);
  assert.match(parsePage(res).text(), /choose at most 1000 tags at once/);
  assert.equal((await tag('Anne Elliot')).canonical, false);
});
