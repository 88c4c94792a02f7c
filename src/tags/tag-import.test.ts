import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { searchQuery } from '../search/query.ts';
import { GUEST, OPERATOR } from '../works/visibility.ts';
import { exportTagCsv } from './tag-export.ts';
import { importTagCsv } from './tag-import.ts';
import { findTagByName } from './tag.repository.ts';
import { tagRelations } from './tag-relations.ts';

const CSV = `type,name,synonym_of,parents
additional,Angst,,
additional,Hurt/Comfort,,Angst
additional,"Tea, Biscuits",,
additional,h/c,Hurt/Comfort,
fandom,Austen,,
fandom,Persuasion,,Austen
fandom,"Pride and Prejudice",,Austen
character,"Anne ""Nan"" Elliot",,Persuasion
character,Elizabeth Bennet,,Pride and Prejudice
character,Lizzy,Elizabeth Bennet,
character,Eliza,Elizabeth Bennet,
relationship,Anne Elliot/Frederick Wentworth,,Persuasion|Austen
`;

test('import creates and wrangles tags in one go; works already posted filter under them at once', async () => {
  const a = await testArchive();
  await a.search.prepare();
  await a.works.create(buildWork({ fandoms: ['Pride and Prejudice'], characters: ['Lizzy'], tags: ['h/c'] }));
  const progress: number[] = [];
  const report = await importTagCsv(a.wrangling, a.store.db, OPERATOR, CSV, 'tags.csv', (done) => progress.push(done));
  assert.deepEqual({ ...report }, { rows: 12, created: 9, changed: 12, works: 1 });
  assert.equal(progress.at(-1), 24);
  const total = async (t: string) => (await a.search.search(GUEST, searchQuery({ include: [t] }))).total;
  assert.equal(await total('Elizabeth Bennet'), 1);
  assert.equal(await total('Angst'), 1, 'h/c → Hurt/Comfort → Angst');
  assert.equal(await total('Austen'), 1, 'Pride and Prejudice → Austen');
  const rel = await tagRelations(a.store.db, (await findTagByName(a.store.db, 'Anne Elliot/Frederick Wentworth'))!);
  assert.deepEqual(rel.parentFandoms.map((t) => t.name), ['Austen', 'Persuasion']);
  const audit = await a.wrangling.audit(OPERATOR, { limit: 100 });
  assert.equal(audit.length, 12);
  assert.ok(audit.every((e) => e.actor === 'cli' && e.action === 'import' && e.details.file === 'tags.csv'));
  const again = await importTagCsv(a.wrangling, a.store.db, OPERATOR, CSV, 'tags.csv');
  assert.deepEqual({ ...again }, { rows: 12, created: 0, changed: 0, works: 1 }, 'importing the same file again changes nothing');
});

test('import → export → import → export is byte for byte the same', async () => {
  const first = await testArchive();
  await importTagCsv(first.wrangling, first.store.db, OPERATOR, `\uFEFF${CSV.replace(/\n/g, '\r\n')}`, 'tags.csv');
  const exported = await exportTagCsv(first.store.db);
  const second = await testArchive();
  await importTagCsv(second.wrangling, second.store.db, OPERATOR, exported, 'export.csv');
  assert.equal(await exportTagCsv(second.store.db), exported);
  assert.match(exported, /^type,name,synonym_of,parents\nfandom,Austen,,\nfandom,Persuasion,,Austen\n/);
  assert.match(exported, /\ncharacter,"Anne ""Nan"" Elliot",,Persuasion\n/);
  assert.match(exported, /\nrelationship,Anne Elliot\/Frederick Wentworth,,Austen\|Persuasion\nadditional,Angst,,\n/);
});

test('bad rows against the archive: every problem named by file, line and field, and nothing written', async () => {
  const a = await testArchive();
  await a.works.create(buildWork({ characters: ['Emma Woodhouse'] }));
  const bad = `type,name,synonym_of,parents
character,Knightley,,Emma
fandom,Emma Woodhouse,,
character,Harriet,Harriet Smith,
character,Mr K,Knightley,
character,Harry,Mr K,
additional,Fluff,,Fluff
additional,Fluff,,
`;
  await assert.rejects(importTagCsv(a.wrangling, a.store.db, OPERATOR, bad, 'tags.csv'), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'csv_invalid');
    assert.deepEqual(e.message.split('\n'), [
      'tags.csv line 2, parents: no tag "Emma" in the file or the archive',
      'tags.csv line 3, name: "Emma Woodhouse" already exists as a character tag, not a fandom tag',
      'tags.csv line 4, synonym_of: no tag "Harriet Smith" in the file or the archive',
      'tags.csv line 6, synonym_of: "Mr K" is a synonym; name its canonical tag instead',
      'tags.csv line 7, parents: a tag cannot be its own parent',
      'tags.csv line 8, name: "Fluff" is already on line 7',
    ]);
    return true;
  });
  assert.equal(await findTagByName(a.store.db, 'Knightley'), undefined, 'no tag was created');
  assert.deepEqual(await a.wrangling.audit(OPERATOR), []);
});
