import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from './fixtures/import/fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the real CLI as a child process. */
function quire(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('quire import: a directory with a good and a bad file, --json, exit code, re-import unchanged', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-cli-'));
  try {
    const dir = path.join(tmp, 'in');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(FIXTURES, 'chapters.txt'), path.join(dir, 'bells.txt'));
    fs.copyFileSync(path.join(FIXTURES, 'front-matter-unknown-key.txt'), path.join(dir, 'keys.txt'));
    fs.writeFileSync(path.join(dir, 'notes.docx'), 'skipped');
    const data = path.join(tmp, 'data');

    const first = quire(data, 'import', dir, '--json', '--fandom', 'Bell Town');
    assert.equal(first.code, 1, first.stderr);
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 2);
    const [good, bad] = lines;
    assert.deepEqual(Object.keys(good!).slice(0, 7), ['file', 'status', 'workId', 'title', 'words', 'chapters', 'error']);
    const { suggestions, accepted, ...result } = good!;
    assert.deepEqual({ ...result, workId: typeof result.workId }, {
      file: path.join(dir, 'bells.txt'), status: 'created', workId: 'number', title: 'Three Bells', words: 41, chapters: 3, error: null, warnings: [],
    });
    // Suggestions from the text come with each created work (docs/importing.md), never applied without --accept-suggestions.
    assert.equal((suggestions as { rating: { value: string } }).rating.value, 'General Audiences');
    assert.deepEqual(accepted, []);
    assert.equal(bad!.status, 'failed');
    assert.equal(bad!.workId, null);
    assert.match(String(bad!.error), /keys\.txt:3: front matter: unknown key "fandomz"/);

    const second = quire(data, 'import', dir, '--json');
    assert.equal(second.code, 1);
    const again = second.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(again.map((r) => r.status), ['unchanged', 'failed']);
    assert.equal(again[0]!.workId, good!.workId);

    const text = quire(data, 'import', path.join(dir, 'bells.txt'), path.join(FIXTURES, 'leading-an.txt'), '--rating', 'teen');
    assert.equal(text.code, 0, text.stderr);
    const out = text.stdout.trim().split('\n');
    assert.match(out[0]!, /^unchanged \d+ "Three Bells" .*bells\.txt$/);
    assert.match(out[1]!, /^created \d+ "Leading An" \(1 chapter, 24 words\) .*leading-an\.txt$/);
    assert.match(out[2]!, /^  suggested \(not applied;/, 'suggestions under the created work, indented');
    assert.match(out[3]!, /^    rating: /);
    assert.equal(out[out.length - 1], '1 created, 1 unchanged, 0 failed');

    const badFlag = quire(data, 'import', dir, '--rating', 'R');
    assert.equal(badFlag.code, 1);
    assert.match(badFlag.stderr, /^quire: --rating: "R" is not a rating/m);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
