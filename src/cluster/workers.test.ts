import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseWorkers } from './workers.ts';
import { eventually, serve } from './processes.testing.ts';

test('--workers takes a whole number from 1 to 64', () => {
  assert.equal(parseWorkers(undefined), 1);
  assert.equal(parseWorkers('4'), 4);
  assert.throws(() => parseWorkers('0'), /--workers must be at least 1 \(got "0"\)/);
  assert.throws(() => parseWorkers('65'), /--workers must be at most 64/);
  assert.throws(() => parseWorkers('two'), /--workers must be a number/);
  assert.throws(() => parseWorkers('1.5'), /--workers must be a whole number/);
});

/** The pids of a process's children (Linux `ps`). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter((n) => n > 0).sort();
  } catch {
    return []; // ps exits 1 when there are none
  }
}

test('serve --workers 2: two workers on one port, a dead worker replaced, SIGTERM stops them all', { timeout: 240_000, skip: process.platform !== 'linux' ? 'needs ps --ppid' : process.env.QUIRE_TEST_STORE === 'postgres' && 'SQLite data directory: the SQLite pass runs it' }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-workers-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const server = await serve(dir, {}, ['--workers', '2']);
  t.after(() => server.stop());
  const primary = server.child.pid!;
  const { value: workers } = await eventually('two workers', 60_000, async () => {
    const pids = childrenOf(primary);
    return pids.length === 2 ? pids : undefined;
  });
  // Both workers listen: every one of several requests is answered.
  for (let i = 0; i < 6; i++) assert.equal((await fetch(`${server.url}/works`)).status, 200);

  process.kill(workers[0]!, 'SIGKILL');
  const { value: after } = await eventually('a replacement worker', 60_000, async () => {
    const pids = childrenOf(primary);
    return pids.length === 2 && !pids.includes(workers[0]!) ? pids : undefined;
  });
  assert.ok(after.includes(workers[1]!), 'the other worker kept running');
  await eventually('the replacement answering', 60_000, async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => fetch(`${server.url}/works`).then((r) => r.status, () => 0)));
    return answers.every((s) => s === 200) ? true : undefined;
  });

  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  assert.equal(await exited, 0, server.output());
  assert.deepEqual(childrenOf(primary), []);
  for (const pid of after) assert.throws(() => process.kill(pid, 0), /ESRCH/, `worker ${pid} stopped`);
});
