import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWork, testConfig } from '../../../test/factories.ts';
import { openArchive } from '../../archive.ts';
import { createScratchSchema, dropSchema } from '../../store/pg.ts';

/** `quire migrate`, `backup`, `restore` and `move`, run as the real CLI. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PG = process.env.QUIRE_TEST_PG_URL;
let tmp: string;
const dir = (name: string) => path.join(tmp, name);

function quire(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LOG_LEVEL: 'warn', QUIRE_DATABASE_URL: '', QUIRE_DEMO: 'off', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-store-cli-'));
  const archive = await openArchive(testConfig({ dataDir: dir('a') }));
  await archive.works.create(buildWork({ title: 'Salt Roads', tags: ['Angst'], chapters: [{ html: '<p>The caravan crossed the salt flats at dawn.</p>' }] }));
  await archive.works.create(buildWork({ title: 'Harbour Tea' }));
  await archive.close();
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('migrate status lists every migration as applied; up has nothing to do', () => {
  const status = quire(['--data', dir('a'), 'migrate', 'status']);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /\[x\] 0001_initial/);
  assert.doesNotMatch(status.stdout, /\[ \]/);
  assert.match(quire(['--data', dir('a'), 'migrate', 'up']).stdout, /^up to date/);
});

test('backup, restore into an empty directory (search works there), and refusals', () => {
  const file = dir('a.quire.gz');
  const b = quire(['--data', dir('a'), 'backup', file]);
  assert.equal(b.code, 0, b.stderr);
  assert.match(b.stdout, /^exported \d+ rows of \d+ tables to /);
  const again = quire(['--data', dir('a'), 'backup', file]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists \(use --force/);

  const r = quire(['--data', dir('b'), 'restore', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /restored \d+ rows[\s\S]*search index rebuilt/);
  const found = quire(['--data', dir('b'), 'search', 'caravan', '--json']);
  assert.equal(found.code, 0, found.stderr);
  assert.equal(JSON.parse(found.stdout).total, 1);

  const refused = quire(['--data', dir('a'), 'restore', file]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^quire: the target database is not empty/);
  assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
});

test('backup --sqlite makes a database copy that restore reads too', () => {
  const copy = dir('copy.db');
  const b = quire(['--data', dir('a'), 'backup', '--sqlite', copy]);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(fs.readFileSync(copy).subarray(0, 15).toString(), 'SQLite format 3');
  const r = quire(['--data', dir('c'), 'restore', copy]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(quire(['--data', dir('c'), 'search', 'salt', '--json']).stdout).total, 1);
});

test('move --to another SQLite directory, verified byte for byte', () => {
  const m = quire(['--data', dir('a'), 'move', '--to', dir('d')]);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stdout, /verified: both export the same bytes/);
  assert.equal(JSON.parse(quire(['--data', dir('d'), 'search', 'harbour', '--json']).stdout).total, 1);
});

test('move --to PostgreSQL, then migrate status and down there', { skip: PG ? false : 'QUIRE_TEST_PG_URL is not set' }, async () => {
  const schema = await createScratchSchema(PG!, 'quire_test_cli');
  const url = `${PG}${PG!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  try {
    const m = quire(['--data', dir('a'), 'move', '--to', url]);
    assert.equal(m.code, 0, m.stderr);
    assert.match(m.stdout, /verified: both export the same bytes/);
    assert.match(m.stdout, /now set QUIRE_DATABASE_URL=/);
    const status = quire(['migrate', 'status'], { QUIRE_DATABASE_URL: url });
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^postgres:\/\/[\s\S]*\[x\] 0001_initial/);
    const down = quire(['migrate', 'down'], { QUIRE_DATABASE_URL: url });
    assert.equal(down.code, 0, down.stderr);
    assert.match(down.stdout, /^reverted \d{4}_/);
    const back = quire(['backup', dir('pg.quire.gz')], { QUIRE_DATABASE_URL: url });
    assert.equal(back.code, 0, back.stderr);
  } finally {
    await dropSchema(PG!, schema);
  }
});

test('sameBytes compares files piece by piece', async () => {
  const { sameBytes } = await import('./store.ts');
  const big = Buffer.alloc(3 * (1 << 20) + 17, 7);
  fs.writeFileSync(dir('a.bin'), big);
  fs.writeFileSync(dir('b.bin'), big);
  assert.equal(await sameBytes(dir('a.bin'), dir('b.bin')), true);
  big[2 * (1 << 20) + 5] = 8;
  fs.writeFileSync(dir('b.bin'), big);
  assert.equal(await sameBytes(dir('a.bin'), dir('b.bin')), false, 'one byte differs in the third piece');
  fs.writeFileSync(dir('b.bin'), big.subarray(0, big.length - 1));
  assert.equal(await sameBytes(dir('a.bin'), dir('b.bin')), false, 'shorter');
});
