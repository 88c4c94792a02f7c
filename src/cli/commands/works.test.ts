import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWork, testConfig } from '../../../test/factories.ts';
import { openArchive } from '../../archive.ts';
import { DEMO_WORKS } from '../../demo/demo.ts';
import { displayWidth, fit } from './works.format.ts';

/** These tests run the real CLI as a child process against a fresh data directory. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dataDir: string;

function quire(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LOG_LEVEL: 'warn', QUIRE_PAGE_SIZE: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-cli-'));
});

after(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('works list on an empty archive says how to get started', () => {
  const r = quire(['works', 'list']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /No works in this archive yet.*quire demo/);
});

test('demo loads the library once; a second run adds nothing', () => {
  const first = quire(['demo']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, new RegExp(`^Added ${DEMO_WORKS.length} demo works\\.`));
  const second = quire(['demo']);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /already loaded.*nothing added/);
});

test('works list --json lists every work with the documented keys, drafts and hidden works marked', async () => {
  const archive = await openArchive(testConfig({ dataDir }));
  const draft = await archive.works.create(buildWork({ title: 'An Unposted Draft', status: 'draft' }));
  const hidden = await archive.works.create(buildWork({ title: 'A Hidden Work', restricted: true }));
  try {
    await archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();
    const r = quire(['works', 'list', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(list.length, DEMO_WORKS.length + 2);
    for (const key of ['id', 'title', 'creators', 'rating', 'words', 'chapters', 'status', 'restricted', 'hidden', 'updated']) {
      assert.ok(key in list[0]!, key);
    }
    const wip = list.find((w) => w.title === 'Smuggler’s Glass')!;
    assert.deepEqual([wip.chapters, wip.expectedChapters, wip.complete], [3, 5, false]);
    assert.equal(list.find((w) => w.id === draft.id)!.status, 'draft');
    assert.deepEqual([list.find((w) => w.id === hidden.id)!.hidden, list.find((w) => w.id === hidden.id)!.restricted], [true, true]);

    const table = quire(['works', 'list', '--all']).stdout;
    assert.match(table, /^\s*ID\s+TITLE\s+CREATORS\s+RATING\s+WORDS\s+CHAPTERS\s+STATUS/);
    assert.match(table, /Smuggler’s Glass .* 3\/5 +in progress/);
    assert.match(table, /An Unposted Draft .*draft/);
    assert.match(table, /A Hidden Work .*hidden, restricted/);
    assert.match(table, /15 works\./);
  } finally {
    for (const w of [draft, hidden]) await archive.works.delete(w.id);
    await archive.close();
  }
});

test('works list pages by QUIRE_PAGE_SIZE', () => {
  const r = quire(['works', 'list', '--page', '2'], { QUIRE_PAGE_SIZE: '5' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').filter((l) => /^\s*\d+\s/.test(l)).length, 5);
  assert.match(r.stdout, /Page 2 of 3 \(13 works\)\. Next: quire works list --page 3/);
});

test('works show --json prints the whole work with camelCase keys', () => {
  const r = quire(['works', 'show', '1', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const work = JSON.parse(r.stdout) as Record<string, unknown> & { chapters: Record<string, unknown>[] };
  const keys = ['id', 'title', 'summary', 'notes', 'endNotes', 'rating', 'warnings', 'categories', 'fandoms', 'relationships', 'characters',
    'tags', 'language', 'words', 'complete', 'chapters', 'creators', 'series', 'publishedOn', 'updatedOn', 'expectedChapters', 'status', 'restricted'];
  for (const key of keys) assert.ok(key in work, key);
  assert.equal(work.id, 1);
  assert.equal(work.title, 'Return to Sender');
  assert.deepEqual(work.creators, ['sortingoffice']);
  for (const key of ['title', 'notes', 'endNotes', 'words', 'html']) assert.ok(key in work.chapters[0]!, `chapters[].${key}`);
  assert.match(String(work.chapters[0]!.html), /^<p>The parcel came in/);
});

test('works show prints a readable summary with chapters and series', () => {
  const id = DEMO_WORKS.findIndex((d) => d.slug === 'what-the-furnace-keeps') + 1;
  const r = quire(['works', 'show', String(id)]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^What the Furnace Keeps {2}\(work \d+\)\nby ashandember\n/);
  assert.match(r.stdout, /Rating: +Teen And Up Audiences/);
  assert.match(r.stdout, /Series: +part 2 of Lessons in Glass/);
  assert.match(r.stdout, /Chapters:\n {2}1\. Cullet \(\d+ words, 2022-01-08\)\n {2}2\. The Grey Bead/);
});

test('works delete removes a work; unknown and malformed ids fail with one line and exit code 1', () => {
  const r = quire(['works', 'delete', '2']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Deleted work 2: “Soundcheck” by b_side_bee \(1 chapter, \d+ words\)\.\n$/);

  const gone = quire(['works', 'show', '2']);
  assert.deepEqual([gone.code, gone.stderr, gone.stdout], [1, 'quire: work 2 not found\n', '']);
  const missing = quire(['works', 'delete', '99']);
  assert.deepEqual([missing.code, missing.stderr], [1, 'quire: work 99 not found\n']);
  const bad = quire(['works', 'delete', 'abc']);
  assert.deepEqual([bad.code, bad.stderr], [1, 'quire: work id must be a positive whole number, got "abc"\n']);
  const badPage = quire(['works', 'list', '--page', '0']);
  assert.deepEqual([badPage.code, badPage.stderr], [1, 'quire: --page must be a positive whole number, got "0"\n']);
});

test('--help describes the commands and their options', () => {
  const root = quire(['--help']);
  assert.equal(root.code, 0);
  assert.match(root.stdout, /works +list, show and delete works/);
  assert.match(root.stdout, /demo +load the demo library/);
  const list = quire(['works', 'list', '--help']);
  assert.equal(list.code, 0);
  for (const flag of ['--json', '--page <n>', '--all']) assert.ok(list.stdout.includes(flag), flag);
});

test('fit cuts and pads by terminal columns, counting CJK characters as two', () => {
  assert.equal(displayWidth('夜航'), 4);
  assert.equal(fit('夜航', 6), '夜航  ');
  assert.equal(fit('Return to Sender', 8), 'Return …');
  assert.equal(fit('abc', 3), 'abc');
});
