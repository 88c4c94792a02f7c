import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src/archive.ts';
import { testConfig } from '../factories.ts';
import { runCli } from './run.ts';

const STORY = 'The Ferry Bell\n\nThe ferry bell rang twice, and nobody on the quay moved.\n';

test('quire import --creator NAME credits an account that has the pen name NAME, and makes an unattached one otherwise', async (t) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-import-creator-'));
  t.after(() => fs.rmSync(data, { recursive: true, force: true }));
  const made = runCli(['--data', data, 'admin', 'create', 'Ren_Writes', '--email', 'ren@example.org', '--role', 'member', '--password-stdin'], {}, 'a quiet lantern\n');
  assert.equal(made.code, 0, made.stderr);
  const first = path.join(data, 'ferry.txt');
  const second = path.join(data, 'quay.txt');
  fs.writeFileSync(first, STORY);
  fs.writeFileSync(second, STORY.replace('rang twice', 'rang three times'));

  const mine = runCli(['--data', data, 'import', first, '--creator', 'ren_writes', '--json']);
  assert.equal(mine.code, 0, mine.stderr);
  assert.match(mine.stderr, /note: crediting "Ren_Writes", a pen name of account Ren_Writes: the account owns the imported works/);
  const mineId = (JSON.parse(mine.stdout.trim()) as { workId: number }).workId;
  const stranger = runCli(['--data', data, 'import', second, '--creator', 'Harbour Voice']);
  assert.equal(stranger.code, 0, stranger.stderr);
  assert.match(stranger.stderr, /note: "Harbour Voice" is no account's pen name/);
  const strangerId = Number(/^created (\d+) /m.exec(stranger.stdout)?.[1]);

  const archive = await openArchive({ ...testConfig(), dataDir: data });
  t.after(() => archive.close());
  const account = (await archive.accounts.byUsername('ren_writes'))!;
  const work = await archive.works.get(mineId);
  assert.deepEqual(work!.creators.map((c) => c.id), [account.defaultPseudId], 'credited to the account’s own pen name');
  assert.equal((await archive.posting.own(account.id, mineId)).work.id, mineId, 'so the account may edit it');
  const other = await archive.works.get(strangerId);
  assert.deepEqual(other!.creators.map((c) => c.name), ['Harbour Voice']);
  const pseud = await archive.store.db.selectFrom('pseuds').select('account_id').where('name', '=', 'Harbour Voice').executeTakeFirstOrThrow();
  assert.equal(pseud.account_id, null);
  await assert.rejects(archive.posting.own(account.id, strangerId), /not found/);
});
