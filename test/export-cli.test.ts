import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../src/archive.ts';
import { loadConfig } from '../src/config/config.ts';
import { minimalWork, richWork } from './downloads/fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the real CLI as a child process. */
function quire(dataDir: string, cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/cli/main.ts'), '--data', dataDir, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('quire export: one work to a file, every work to a directory, clear one-line errors; the EPUB imports back as the same work', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-export-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const data = path.join(tmp, 'data');
  const archive = await openArchive(loadConfig({}, { dataDir: data, demo: 'off', logLevel: 'silent' }));
  const rich = await archive.works.create(richWork());
  const draft = await archive.works.create(minimalWork({ title: 'A Draft', status: 'draft' }));
  await archive.close();

  const one = quire(data, tmp, 'export', String(rich.id), '--format', 'epub', '-o', 'ledger.epub');
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.stdout, `Wrote work ${rich.id} as EPUB to ledger.epub\n`);
  assert.equal(fs.readFileSync(path.join(tmp, 'ledger.epub')).toString('ascii', 30, 58), 'mimetypeapplication/epub+zip');

  const named = quire(data, tmp, 'export', String(draft.id), '-f', 'txt');
  assert.equal(named.code, 0, named.stderr);
  assert.match(fs.readFileSync(path.join(tmp, 'A_Draft.txt'), 'utf8'), /^A Draft\nby tester\n/, 'the operator exports drafts too');

  const all = quire(data, tmp, 'export', '--all', '--format', 'html', '--out', 'everything');
  assert.equal(all.code, 0, all.stderr);
  assert.equal(all.stdout, 'Exported 2 of 2 works as HTML to everything\n');
  assert.deepEqual(fs.readdirSync(path.join(tmp, 'everything')).sort(), [`${rich.id}-The_Lamplighter_s_Ledger_and_Other_Accounts.html`, `${draft.id}-A_Draft.html`].sort());

  for (const [args, message] of [
    [['export', '999'], 'quire: work 999 not found\n'],
    [['export', String(rich.id), '--format', 'docx'], 'quire: --format: "docx" is not a format (one of epub, azw3, mobi, pdf, html, txt)\n'],
    [['export', '--all'], 'quire: --all needs --out DIR, the directory to write the files to\n'],
  ] as const) {
    const r = quire(data, tmp, ...args);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.stderr, message);
  }

  const other = path.join(tmp, 'other');
  const imported = quire(other, tmp, 'import', 'ledger.epub', '--json');
  assert.equal(imported.code, 0, imported.stderr);
  const result = JSON.parse(imported.stdout) as { workId: number; status: string };
  assert.equal(result.status, 'created');
  const show = (dir: string, id: number) => JSON.parse(quire(dir, tmp, 'works', 'show', String(id), '--json').stdout) as Record<string, unknown> & { series: { id: number }[] };
  const a = show(data, rich.id);
  const b = show(other, result.workId);
  for (const key of Object.keys(a)) {
    if (key === 'id') continue;
    const strip = (v: unknown) => (key === 'series' ? (v as { id: number }[]).map(({ id: _id, ...rest }) => rest) : v);
    assert.deepEqual(strip(b[key]), strip(a[key]), `works show --json field ${key}`);
  }
});
