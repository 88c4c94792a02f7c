import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { searchQuery } from '../search/query.ts';
import { GUEST, OPERATOR, type Viewer } from '../works/visibility.ts';
import { findTagByName } from './tag.repository.ts';
import { tagRelations } from './tag-relations.ts';
import { queueSummaries, unwrangledQueue } from './wrangling.queue.ts';

let WRANGLER: Viewer;
let MEMBER: Viewer;

async function setup() {
  const a = await testArchive();
  await a.search.prepare();
  const sorter = await a.accounts.create({ username: 'sorter', email: 'sorter@example.org', password: 'a long quiet lantern' }, 'wrangler');
  const reader = await a.accounts.create({ username: 'reader', email: 'reader@example.org', password: 'a long quiet lantern' }, 'member');
  WRANGLER = { kind: 'member', accountId: sorter.id, pseudIds: [], role: 'wrangler', username: 'sorter' };
  MEMBER = { kind: 'member', accountId: reader.id, pseudIds: [], role: 'member', username: 'reader' };
  const tag = async (name: string) => (await findTagByName(a.store.db, name))!;
  const total = async (include: string[]) => (await a.search.search(GUEST, searchQuery({ include }))).total;
  const facet = async (type: 'additional' | 'fandom' | 'character', name: string) =>
    (await a.search.search(GUEST, searchQuery({ facetLimit: 50 }))).facets[type].find((f) => f.name === name)?.count ?? 0;
  return { a, tag, total, facet };
}

test('merge as synonym: search and facet counts change at once, and the audit log says who did it', async () => {
  const { a, tag, total, facet } = await setup();
  await a.works.create(buildWork({ tags: ['Fluff'] }));
  await a.works.create(buildWork({ tags: ['Fluffy Stuff'] }));
  await a.works.create(buildWork({ tags: ['fluff and more fluff'] }));
  assert.equal(await total(['Fluff']), 1);
  assert.equal(await facet('additional', 'Fluff'), 1);
  await a.wrangling.canonical(WRANGLER, (await tag('Fluff')).id);
  await a.wrangling.synonym(WRANGLER, (await tag('Fluffy Stuff')).id, (await tag('Fluff')).id);
  assert.equal(await total(['Fluff']), 2, 'the synonym’s work is found under the canonical tag');
  assert.equal(await facet('additional', 'Fluff'), 2, 'and the facet count agrees');
  assert.equal(await facet('additional', 'Fluffy Stuff'), 0, 'the synonym is no longer a filter tag');
  const log = await a.wrangling.audit(WRANGLER);
  assert.deepEqual(log.map((e) => [e.actor, e.action, e.tagName]), [['sorter', 'synonym', 'Fluffy Stuff'], ['sorter', 'canonical', 'Fluff']]);
  assert.equal(log[0]!.details.of, 'Fluff');
  assert.equal(log[0]!.actorId, WRANGLER.accountId);
});

test('metatags and subtags: a filter on the metatag finds subtag works; removing undoes it at once', async () => {
  const { a, tag, total } = await setup();
  await a.works.create(buildWork({ tags: ['Hurt/Comfort'] }));
  await a.works.create(buildWork({ tags: ['Angst'] }));
  const [angst, hc] = [await tag('Angst'), await tag('Hurt/Comfort')];
  await a.wrangling.addMetatag(WRANGLER, hc.id, angst.id);
  assert.equal(await total(['Angst']), 2);
  assert.deepEqual((await tagRelations(a.store.db, angst)).subtags.map((t) => t.name), ['Hurt/Comfort']);
  await assert.rejects(a.wrangling.addMetatag(WRANGLER, angst.id, hc.id), /already a subtag/);
  await a.wrangling.removeMetatag(WRANGLER, hc.id, angst.id);
  assert.equal(await total(['Angst']), 1);
  assert.deepEqual((await a.wrangling.audit(WRANGLER)).map((e) => e.action), ['remove_metatag', 'add_metatag']);
});

test('merging moves the synonym’s metatags and parent fandoms to its canonical tag', async () => {
  const { a, tag, total } = await setup();
  await a.works.create(buildWork({ fandoms: ['Pride and Prejudice'], characters: ['Lizzy'], tags: ['Banter'] }));
  await a.works.create(buildWork({ fandoms: ['Pride and Prejudice'], characters: ['Elizabeth Bennet'] }));
  await a.works.create(buildWork({ tags: ['Wit'] }));
  const [lizzy, eliza, pp] = [await tag('Lizzy'), await tag('Elizabeth Bennet'), await tag('Pride and Prejudice')];
  await a.wrangling.addParentFandom(WRANGLER, lizzy.id, pp.id);
  await a.wrangling.addMetatag(WRANGLER, (await tag('Banter')).id, (await tag('Wit')).id);
  await a.wrangling.synonym(WRANGLER, lizzy.id, eliza.id);
  const rel = await tagRelations(a.store.db, await tag('Elizabeth Bennet'));
  assert.deepEqual(rel.synonyms.map((t) => t.name), ['Lizzy']);
  assert.deepEqual(rel.parentFandoms.map((t) => t.name), ['Pride and Prejudice']);
  assert.equal(await total(['Elizabeth Bennet']), 2);
  assert.equal(await total(['Wit']), 2, 'Banter (a subtag) still counts under Wit');
});

test('unwrangleable: never a filter tag; refused while the tag has synonyms', async () => {
  const { a, tag, total } = await setup();
  await a.works.create(buildWork({ tags: ['things happen'] }));
  await a.works.create(buildWork({ tags: ['Stuff'] }));
  await a.works.create(buildWork({ tags: ['Stuffs'] }));
  assert.equal(await total(['things happen']), 1);
  await a.wrangling.unwrangleable(WRANGLER, (await tag('things happen')).id);
  assert.equal(await total(['things happen']), 0, 'gone from filters at once');
  assert.equal((await tag('things happen')).unwrangleable, true);
  await a.wrangling.synonym(WRANGLER, (await tag('Stuffs')).id, (await tag('Stuff')).id);
  await assert.rejects(a.wrangling.unwrangleable(WRANGLER, (await tag('Stuff')).id), (e: Error & { code?: string }) => e.code === 'validation_failed' && /has synonyms/.test(e.message));
  await assert.rejects(a.wrangling.synonym(WRANGLER, (await tag('Stuff')).id, (await tag('things happen')).id), /unwrangleable/);
});

test('rename: the new name is searchable at once; a name another tag holds is a clear tag_name_taken error', async () => {
  const { a, tag, total } = await setup();
  await a.works.create(buildWork({ characters: ['Mr Darcey'] }));
  await a.works.create(buildWork({ characters: ['Mr Bingley'] }));
  const darcey = await tag('Mr Darcey');
  await a.wrangling.rename(WRANGLER, darcey.id, 'Fitzwilliam Darcy');
  assert.equal(await total(['Fitzwilliam Darcy']), 1);
  assert.equal((await a.search.search(GUEST, searchQuery({ q: 'tag:"Fitzwilliam Darcy"' }))).total, 1, 'the full-text tag field too');
  await assert.rejects(a.wrangling.rename(WRANGLER, darcey.id, 'mr  BINGLEY'), (e: Error & { code?: string }) => e.code === 'tag_name_taken' && /"Mr Bingley" already has that name/.test(e.message));
  await a.wrangling.rename(WRANGLER, darcey.id, 'fitzwilliam darcy');
  assert.equal((await tag('Fitzwilliam Darcy')).name, 'fitzwilliam darcy', 'a change of case alone is allowed');
  const log = await a.wrangling.audit(WRANGLER);
  assert.deepEqual(log.map((e) => e.details.from), ['Fitzwilliam Darcy', 'Mr Darcey'], 'only the successful renames are logged');
});

test('only wranglers, administrators and the operator may wrangle; a refused change writes nothing', async () => {
  const { a, tag } = await setup();
  await a.works.create(buildWork({ tags: ['Picnics'] }));
  const picnics = await tag('Picnics');
  for (const viewer of [GUEST, MEMBER]) {
    await assert.rejects(a.wrangling.canonical(viewer, picnics.id), (e: Error & { code?: string }) => e.code === 'forbidden');
    await assert.rejects(a.wrangling.audit(viewer), (e: Error & { code?: string }) => e.code === 'forbidden');
  }
  assert.equal((await tag('Picnics')).canonical, false);
  const boss = await a.accounts.create({ username: 'boss', email: 'boss@example.org', password: 'a long quiet lantern' }, 'admin');
  await a.wrangling.canonical({ kind: 'member', accountId: boss.id, role: 'admin', admin: true, username: 'boss' }, picnics.id);
  await a.wrangling.unwrangleable(OPERATOR, picnics.id);
  assert.deepEqual((await a.wrangling.audit(OPERATOR)).map((e) => e.actor), ['cli', 'boss']);
});

test('queues: unwrangled tags per canonical fandom with counts, fandom tags, and works with no canonical fandom', async () => {
  const { a, tag, total } = await setup();
  await a.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Anne Elliot'], tags: ['Letters'] }));
  await a.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Anne Elliot'] }));
  await a.works.create(buildWork({ fandoms: ['Emma'], tags: ['Matchmaking'] }));
  await a.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Hidden Draft Person'], status: 'draft' }));
  const persuasion = await tag('Persuasion');
  assert.deepEqual((await unwrangledQueue(a.store.db, 'fandoms')).map((e) => [e.tag.name, e.uses]), [['Persuasion', 2], ['Emma', 1]]);
  await a.wrangling.canonical(WRANGLER, persuasion.id);
  assert.deepEqual((await unwrangledQueue(a.store.db, persuasion.id)).map((e) => [e.tag.name, e.uses]), [['Anne Elliot', 2], ['Letters', 1]], 'drafts do not count');
  assert.deepEqual((await unwrangledQueue(a.store.db, 'none')).map((e) => e.tag.name), ['Matchmaking']);
  assert.deepEqual((await queueSummaries(a.store.db)).map((s) => [s.fandom.name, s.unwrangled]), [['Persuasion', 2]]);
  const anne = await tag('Anne Elliot');
  await a.wrangling.bulk(WRANGLER, 'canonical', [anne.id, (await tag('Letters')).id]);
  await a.wrangling.bulk(WRANGLER, 'parent', [anne.id], persuasion.id);
  assert.deepEqual(await unwrangledQueue(a.store.db, persuasion.id), []);
  assert.deepEqual((await tagRelations(a.store.db, persuasion)).children.map((t) => t.name), ['Anne Elliot']);
  assert.equal(await total(['Anne Elliot']), 2);
  assert.equal((await a.wrangling.audit(WRANGLER)).filter((e) => e.details.bulk === true).length, 3);
});

test('bulk is all or nothing: one bad tag leaves every tag as it was', async () => {
  const { a, tag, total } = await setup();
  await a.works.create(buildWork({ tags: ['Snow', 'Snowfall'] }));
  await a.works.create(buildWork({ characters: ['Snowman'] }));
  const [snow, snowfall, snowman] = [await tag('Snow'), await tag('Snowfall'), await tag('Snowman')];
  await assert.rejects(a.wrangling.bulk(WRANGLER, 'synonym', [snowfall.id, snowman.id], snow.id), /character tag/);
  assert.equal((await tag('Snowfall')).synonymOf, null);
  assert.equal((await tag('Snow')).canonical, false);
  assert.deepEqual(await a.wrangling.audit(WRANGLER), []);
  await a.wrangling.bulk(WRANGLER, 'synonym', [snowfall.id, snow.id], snow.id);
  assert.equal((await tag('Snowfall')).synonymOf, snow.id);
  assert.equal(await total(['Snowfall']), 1, 'a search for the synonym finds the canonical tag’s works');
});
