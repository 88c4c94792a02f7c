import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src/archive.ts';
import { testConfig } from '../factories.ts';
import { buildServer } from '../../src/web/server.ts';
import { Browser } from '../../src/web/routes/account.testing.ts';
import { runCli } from './run.ts';

test('quire admin create prints a generated password once; logging in with it works and the account is an admin', async (t) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-admin-'));
  t.after(() => fs.rmSync(data, { recursive: true, force: true }));
  const made = runCli(['--data', data, 'admin', 'create', 'Keeper', '--email', 'keeper@example.org']);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /^Made administrator Keeper \(account 1\)\.$/m);
  const password = /^Password \(shown only now\): (\S+)$/m.exec(made.stdout)?.[1];
  assert.ok(password && password.length >= 20);

  const withStdin = runCli(['--data', data, 'admin', 'create', 'Second', '--email', 'second@example.org', '--password-stdin', '--role', 'wrangler'], {}, 'typed secret phrase\n');
  assert.equal(withStdin.code, 0, withStdin.stderr);
  assert.doesNotMatch(withStdin.stdout, /Password/);
  assert.doesNotMatch(withStdin.stdout + withStdin.stderr, /typed secret phrase/);

  const dup = runCli(['--data', data, 'admin', 'create', 'keeper', '--email', 'other@example.org']);
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /username: is already taken/);

  assert.equal(runCli(['--data', data, 'admin', 'role', 'second', 'admin']).stdout, 'Second is now admin.\n');
  const codes = runCli(['--data', data, 'admin', 'invite', '--count', '2']);
  assert.equal(codes.code, 0, codes.stderr);
  assert.equal(codes.stdout.trim().split('\n').filter((l) => /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/.test(l)).length, 2);

  const archive = await openArchive({ ...testConfig(), dataDir: data });
  const app = await buildServer(archive);
  t.after(async () => {
    await app.close();
    await archive.close();
  });
  const b = new Browser(app);
  assert.equal((await b.logIn('keeper', password)).statusCode, 303);
  const adminPage = await b.get('/admin/invitations');
  assert.equal(adminPage.statusCode, 200);
  assert.match(adminPage.body, /command line/);
  const second = new Browser(app, '198.51.100.90');
  assert.equal((await second.logIn('second', 'typed secret phrase')).statusCode, 303);
  assert.equal((await second.get('/admin/invitations')).statusCode, 200, 'the role change took effect');
});
