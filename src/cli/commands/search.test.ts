import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWork, testConfig } from '../../../test/factories.ts';
import { openArchive } from '../../archive.ts';

/** `quire search` and `quire reindex`, run as the real CLI against a fresh data directory. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dataDir: string;

function quire(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LOG_LEVEL: 'warn' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-search-'));
  const archive = await openArchive(testConfig({ dataDir }));
  await archive.works.create(buildWork({ title: 'Salt Roads', rating: 'Mature', tags: ['Angst'], chapters: [{ html: '<p>The caravan crossed the salt flats at dawn.</p>' }] }));
  await archive.works.create(buildWork({ title: 'Harbour Tea', chapters: [{ html: '<p>Tea by the harbour, and no salt in it at all, thank you.</p>' }] }));
  await archive.works.create(buildWork({ title: 'Draft Notes', status: 'draft', chapters: [{ html: '<p>An unposted draft about salt and pepper.</p>' }] }));
  await archive.close();
});

after(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('search --json prints exactly total, works and facets, as the operator (drafts included)', () => {
  const r = quire(['search', 'salt', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { total: number; works: Record<string, unknown>[]; facets: Record<string, { tag: string; count: number }[]> };
  assert.deepEqual(Object.keys(out), ['total', 'works', 'facets']);
  assert.equal(out.total, 3);
  assert.deepEqual(Object.keys(out.works[0]!), ['id', 'title', 'words', 'score', 'snippet']);
  assert.match(String(out.works.find((w) => w.title === 'Salt Roads')!.snippet), /<mark>salt<\/mark> flats/);
  assert.deepEqual(out.facets.rating!.map((f) => [f.tag, f.count]), [['General Audiences', 2], ['Mature', 1]]);
});

test('filters and sorts as flags', () => {
  const r = quire(['search', '--include-tag', 'angst', '--rating', 'mature', '--words', '1-100', '--sort', 'title', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { works: { title: string }[] }).works.map((w) => w.title), ['Salt Roads']);
  const text = quire(['search', 'tea']);
  assert.match(text.stdout, /^1 work matches\./);
  assert.match(text.stdout, /ch\. 1: \[Tea\] by the harbour/);
});

test('bad flags and malformed queries are one clear line and exit code 1', () => {
  for (const [args, message] of [[['search', '--words', 'lots'], /--words must look like/], [['search', '"unclosed'], /never closed/], [['search', '--rating', 'R'], /rating: "R" is not a rating/]] as const) {
    const r = quire([...args]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
  }
});

test('reindex rebuilds the full-text index and says how many works', () => {
  const r = quire(['reindex']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Reindexed 3 works in/);
  assert.equal(JSON.parse(quire(['search', 'caravan', '--json']).stdout).total, 1);
});

test('exclude, language, completion and page flags', async () => {
  const archive = await openArchive(testConfig({ dataDir }));
  await archive.works.create(buildWork({ title: 'La Traversée', language: 'fr', complete: false, chapters: [{ html: '<p>Le ferry quitte le port à l’aube.</p>' }] }));
  await archive.close();
  const titles = (args: string[]) => (JSON.parse(quire(['search', ...args, '--json']).stdout) as { works: { title: string }[] }).works.map((w) => w.title).sort();
  assert.deepEqual(titles(['salt', '--exclude-tag', 'angst']), ['Draft Notes', 'Harbour Tea']);
  assert.deepEqual(titles(['ferry', '--language', 'fr']), ['La Traversée']);
  assert.deepEqual(titles(['ferry', '--language', 'en']), []);
  assert.deepEqual(titles(['ferry']), ['La Traversée']);
  assert.deepEqual(titles(['ferry', '--complete']), [], 'a work in progress is left out');
  const page2 = JSON.parse(quire(['search', 'salt', '--page', '2', '--json']).stdout) as { total: number; works: unknown[] };
  assert.deepEqual([page2.total, page2.works.length], [3, 0], 'a page past the end: the total, no works');
});
