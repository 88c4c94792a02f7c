import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src/archive.ts';
import { viewerOf } from '../../src/accounts/viewer.ts';
import { outboxDir } from '../../src/mail/mailer.ts';
import { buildWork, testConfig } from '../factories.ts';
import { runCli } from './run.ts';

test('quire digest writes one message per member with unread notices to the outbox, and only once', async (t) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-digest-'));
  t.after(() => fs.rmSync(data, { recursive: true, force: true }));
  const archive = await openArchive({ ...testConfig(), dataDir: data, baseUrl: 'https://fic.example.org' });
  const reader = await archive.accounts.create({ username: 'Reader', email: 'reader@example.org', password: 'a quiet lantern' });
  const first = await archive.works.create(buildWork({ title: 'Lamp Oil', creators: ['lampwright'], complete: false, chapters: [{ html: '<p>The first night of the lamp.</p>' }] }));
  await archive.interactions.subscriptions.subscribe(viewerOf(reader, [reader.defaultPseudId!]), 'work', first.id);
  await archive.works.update(first.id, buildWork({ title: 'Lamp Oil', creators: ['lampwright'], complete: false, chapters: [{ html: '<p>The first night of the lamp.</p>' }, { html: '<p>The second night of the lamp.</p>' }] }));
  await archive.close();

  const run = runCli(['--data', data, 'digest'], { QUIRE_BASE_URL: 'https://fic.example.org' });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '1 digest with 1 notice written to the outbox.\n');
  const files = fs.readdirSync(outboxDir(data)).filter((f) => f.endsWith('.eml'));
  assert.equal(files.length, 1);
  const mail = fs.readFileSync(path.join(outboxDir(data), files[0]!), 'utf8');
  assert.match(mail, /^To: reader@example\.org\r$/m);
  assert.match(mail, /New chapter 2 of "Lamp Oil" by lampwright\r\n {2}https:\/\/fic\.example\.org\/works\/\d+\/chapters\/2\r\n/);
  assert.match(mail, /https:\/\/fic\.example\.org\/inbox/);

  const again = runCli(['--data', data, 'digest', '--json'], { QUIRE_BASE_URL: 'https://fic.example.org' });
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout), { messages: 0, notices: 0, failed: 0, mailer: 'outbox' });
});
