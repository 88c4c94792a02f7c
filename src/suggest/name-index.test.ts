import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { findTagByName } from '../tags/tag.repository.ts';
import { addParentFandom, makeCanonical, makeSynonym } from '../tags/wrangle.ts';
import { createNameIndex, findFandom, nameVariants, pairKey, stripDisambiguation } from './name-index.ts';
import { buildNameIndex } from './name-index.repository.ts';
import { suggest } from './suggest.ts';

test('name variants: disambiguation dropped, "Surname, Given" turned round', () => {
  assert.equal(stripDisambiguation('Elizabeth Bennet (Pride and Prejudice)'), 'Elizabeth Bennet');
  assert.equal(stripDisambiguation('(Untitled)'), '(Untitled)', 'nothing left: keep the name');
  assert.deepEqual(nameVariants('Bennet, Elizabeth'), ['Bennet, Elizabeth', 'Elizabeth Bennet']);
  assert.deepEqual(nameVariants('Sherlock Holmes (BBC)'), ['Sherlock Holmes']);
});

test('names, parts and existing relationships are indexed', () => {
  const index = createNameIndex({
    fandoms: [{ id: 1, name: 'Pride and Prejudice - Jane Austen', synonyms: ['P&P'] }],
    characters: [
      { id: 10, name: 'Elizabeth Bennet', synonyms: ['Lizzy'], fandoms: [1] },
      { id: 11, name: 'Jane Bennet', fandoms: [1] },
      { id: 12, name: 'Mr. Darcy', fandoms: [1] },
    ],
    relationships: [{ id: 20, name: 'Fitzwilliam Darcy/Elizabeth Bennet' }, { id: 21, name: 'Elizabeth Bennet/Mr. Darcy' }, { id: 22, name: 'Jane Bennet & Elizabeth Bennet' }],
  });
  assert.deepEqual(index.names.get(['lizzy']), [{ character: 10, kind: 'alias' }]);
  assert.deepEqual(index.names.get(['bennet'])?.map((c) => c.character), [10, 11], 'a shared surname keeps both');
  assert.equal(index.names.get(['mr']), undefined, 'titles are not names');
  assert.deepEqual(index.pairs.get(pairKey(12, 10))?.map((r) => r.tag), ['Elizabeth Bennet/Mr. Darcy'], 'unknown members are skipped');
  assert.deepEqual(index.pairs.get(pairKey(10, 11))?.map((r) => r.kind), ['platonic']);
  assert.equal(findFandom(index, 'p&p'), 1);
  assert.equal(findFandom(index, 'Nope'), undefined);
});

test('buildNameIndex loads canonical characters, synonyms, parent fandoms and relationships from the archive', async () => {
  const a = await testArchive();
  await a.works.create(buildWork({
    fandoms: ['The Salt Roads'],
    characters: ['Mara Voss', 'Mars', 'Tobin Ash', 'Unwanted Tag'],
    relationships: ['Tobin Ash/Mara Voss'],
  }));
  await a.works.create(buildWork({ fandoms: ['Lanternfall'], characters: ['Mara Quill'] }));
  const id = async (name: string) => (await findTagByName(a.store.db, name))!.id;
  await makeSynonym(a.store, a.events, await id('Mars'), await id('Mara Voss'));
  await makeCanonical(a.store, a.events, await id('Tobin Ash'));
  await addParentFandom(a.store.db, await id('Tobin Ash'), await id('The Salt Roads'));
  await a.store.db.updateTable('tags').set({ unwrangleable: 1 }).where('name', '=', 'Unwanted Tag').execute();

  const index = await buildNameIndex(a.store.db);
  const byTag = new Map([...index.characters.values()].map((c) => [c.tag, c]));
  assert.deepEqual([...byTag.keys()].sort(), ['Mara Quill', 'Mara Voss', 'Tobin Ash'], 'no synonyms, no unwrangleable tags');
  assert.deepEqual(index.names.get(['mars']), [{ character: await id('Mara Voss'), kind: 'alias' }]);
  const saltRoads = await id('The Salt Roads');
  assert.deepEqual(byTag.get('Tobin Ash')!.fandoms, [saltRoads], 'from tag_links');
  assert.deepEqual(byTag.get('Mara Voss')!.fandoms, [saltRoads], 'no parent fandom yet: from the works tagged with it');
  assert.deepEqual(byTag.get('Mara Quill')!.fandoms, [await id('Lanternfall')]);
  assert.deepEqual(index.pairs.get(pairKey(await id('Mara Voss'), await id('Tobin Ash')))?.map((r) => r.tag), ['Tobin Ash/Mara Voss']);

  const s = suggest('Mars kissed Tobin, and then Mara laughed.', index);
  assert.deepEqual(s.characters.map((c) => [c.tag, c.mentions]), [['Mara Voss', 2], ['Tobin Ash', 1]]);
  assert.deepEqual(s.relationships.map((r) => r.tag), ['Tobin Ash/Mara Voss']);
  assert.deepEqual(s.fandoms.map((f) => f.tag), ['The Salt Roads']);
  await a.close();
});

test('buildNameIndex leaves out names only a draft or a hidden work carries, and their fandoms', async () => {
  const a = await testArchive();
  await a.works.create(buildWork({ fandoms: ['Hushed Orchard'], characters: ['Zephyrine Quill', 'Oda Marsh'], relationships: ['Oda Marsh/Zephyrine Quill'], status: 'draft' }));
  const hidden = await a.works.create(buildWork({ fandoms: ['Veiled Pier'], characters: ['Ilse Brand', 'Oda Marsh'] }));
  await a.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
  await a.works.create(buildWork({ fandoms: ['Open Field'], characters: ['Oda Marsh'] }));
  const index = await buildNameIndex(a.store.db);
  const byTag = new Map([...index.characters.values()].map((c) => [c.tag, c]));
  assert.deepEqual([...byTag.keys()], ['Oda Marsh'], 'names on a posted work only');
  assert.deepEqual(byTag.get('Oda Marsh')!.fandoms, [(await findTagByName(a.store.db, 'Open Field'))!.id], 'fandoms from posted works only');
  assert.equal(index.pairs.size, 0, 'no relationship only a draft carries');
  const s = suggest('Zephyrine Quill met Ilse Brand and Oda Marsh in the orchard. Zephyrine Quill smiled.', index);
  assert.deepEqual(s.characters.map((c) => c.tag), ['Oda Marsh']);
  assert.deepEqual(s.fandoms.map((f) => f.tag), ['Open Field']);
  // Once a wrangler makes it canonical, a tag is the archive's and is suggested.
  await makeCanonical(a.store, a.events, (await findTagByName(a.store.db, 'Zephyrine Quill'))!.id);
  assert.ok([...(await buildNameIndex(a.store.db)).characters.values()].some((c) => c.tag === 'Zephyrine Quill'));
});
