import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src/archive.ts';
import { searchQuery } from '../../src/search/query.ts';
import { GUEST } from '../../src/works/visibility.ts';
import { buildWork, testConfig } from '../factories.ts';
import { runCli } from './run.ts';

const CSV = `type,name,synonym_of,parents
fandom,Persuasion,,
character,Anne Elliot,,Persuasion
character,Nan,Anne Elliot,
additional,"Letters, Unsent",,
`;

test('quire tags: import, list, wrangle, rename, export and audit, all through the real CLI', async (t) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-tags-'));
  t.after(() => fs.rmSync(data, { recursive: true, force: true }));
  const seed = await openArchive({ ...testConfig(), dataDir: data });
  await seed.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Nan', 'Captain W'], tags: ['rain'] }));
  await seed.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Captain W'] }));
  await seed.close();
  const cli = (...args: string[]) => runCli(['--data', data, 'tags', ...args]);

  fs.writeFileSync(path.join(data, 'tags.csv'), `\uFEFF${CSV.replace(/\n/g, '\r\n')}`);
  const imported = cli('import', path.join(data, 'tags.csv'));
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal(imported.stdout, 'Imported 4 rows from tags.csv: 2 tags created, 4 changed, 2 works refiltered.\n');

  const queue = cli('list', '--unwrangled', '--fandom', 'persuasion');
  assert.equal(queue.stdout, 'additional\train\tunwrangled\t1\ncharacter\tCaptain W\tunwrangled\t2\n');
  assert.equal(cli('list', '--type', 'character').stdout, 'character\tAnne Elliot\tcanonical\t0\ncharacter\tCaptain W\tunwrangled\t2\ncharacter\tNan\tsynonym of Anne Elliot\t1\n');

  assert.equal(cli('rename', 'Captain W', 'Frederick Wentworth').stdout, '"Captain W" is now "Frederick Wentworth" (2 works refiltered).\n');
  assert.equal(cli('canonical', 'frederick wentworth').code, 0);
  assert.equal(cli('parent', 'Frederick Wentworth', '--fandom', 'Persuasion').stdout, '"Persuasion" is a parent fandom of "Frederick Wentworth" (0 works refiltered).\n');
  assert.equal(cli('unwrangleable', 'rain').code, 0);
  assert.equal(cli('canonical', 'Weather').stderr, 'quire: there is no tag "Weather"\n');

  const clash = cli('rename', 'Frederick Wentworth', 'ANNE elliot');
  assert.equal(clash.code, 1);
  assert.equal(clash.stderr, 'quire: cannot rename "Frederick Wentworth" to "ANNE elliot": the character tag "Anne Elliot" already has that name (merge the two as synonyms instead)\n');
  const unknown = cli('synonym', 'Nan', '--of', 'Nobody');
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr, 'quire: there is no tag "Nobody"\n');
  assert.equal(cli('list', '--type', 'species').stderr, 'quire: --type must be fandom, relationship, character or additional, got "species"\n');

  const bad = path.join(data, 'bad.csv');
  fs.writeFileSync(bad, 'type,name,synonym_of,parents\ncharacter,Mary Musgrove,,Persuasion\ncharacter,Mrs Croft,Sophia Croft,\n');
  const refused = cli('import', bad);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, 'quire: bad.csv line 3, synonym_of: no tag "Sophia Croft" in the file or the archive\n');

  const out = path.join(data, 'out.csv');
  assert.equal(cli('export', out).code, 0);
  const exported = fs.readFileSync(out, 'utf8');
  assert.equal(exported, 'type,name,synonym_of,parents\nfandom,Persuasion,,\ncharacter,Anne Elliot,,Persuasion\ncharacter,Frederick Wentworth,,Persuasion\ncharacter,Nan,Anne Elliot,\nadditional,"Letters, Unsent",,\n');
  assert.equal(cli('export').stdout, exported, 'to standard output too');

  const audit = cli('audit').stdout.trim().split('\n').map((l) => l.split('\t').slice(1, 4).join(' '));
  assert.deepEqual(audit.slice(0, 4), ['cli unwrangleable rain', 'cli add_parent Frederick Wentworth', 'cli canonical Frederick Wentworth', 'cli rename Frederick Wentworth']);
  assert.equal(audit.filter((l) => l.startsWith('cli import ')).length, 4, 'one row per changed import row');

  const after = await openArchive({ ...testConfig(), dataDir: data });
  t.after(() => after.close());
  assert.equal((await after.search.search(GUEST, searchQuery({ include: ['Anne Elliot'] }))).total, 1);
  assert.equal((await after.search.search(GUEST, searchQuery({ include: ['Frederick Wentworth'] }))).total, 2);
});
