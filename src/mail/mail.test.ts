import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../../test/factories.ts';
import { createMailer, outboxDir } from './mailer.ts';
import { composeMessage } from './message.ts';
import { OutboxMailer } from './outbox.ts';

const WHEN = new Date('2025-01-07T09:05:00Z');

test('a message is RFC 5322 text: headers, CRLF line ends, a blank line, the body in UTF-8', () => {
  const text = composeMessage({ to: 'reader@example.org', subject: 'Hello', text: 'Line one\nLine two — with a dash\n' }, 'Quire <noreply@fic.example.org>', WHEN);
  const [head, body] = text.split('\r\n\r\n');
  assert.deepEqual(head!.split('\r\n').map((l) => l.split(':')[0]), ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
  assert.match(head!, /^Date: Tue, 07 Jan 2025 09:05:00 \+0000$/m);
  assert.match(head!, /^Message-ID: <[0-9a-f-]{36}@fic\.example\.org>$/m);
  assert.match(head!, /^Content-Type: text\/plain; charset=utf-8$/m);
  assert.equal(body, 'Line one\r\nLine two — with a dash\r\n');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare line ends');
});

test('non-ASCII subjects and sender names are encoded; header values cannot carry line breaks', () => {
  const text = composeMessage({ to: 'a@example.org', subject: 'Réinitialiser', text: 'x' }, 'Archive Éclat <noreply@x.org>', WHEN);
  assert.match(text, /^Subject: =\?UTF-8\?B\?UsOpaW5pdGlhbGlzZXI=\?=$/m);
  assert.match(text, /^From: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <noreply@x\.org>$/m);
  assert.throws(() => composeMessage({ to: 'a@example.org\r\nBcc: victim@example.org', subject: 's', text: 'x' }, 'Q <n@x.org>', WHEN), /line break/);
  assert.throws(() => composeMessage({ to: 'a@example.org', subject: 'hi\nBcc: v@example.org', text: 'x' }, 'Q <n@x.org>', WHEN), /line break/);
});

test('a body line too long for 8bit transport is sent as base64', () => {
  const long = 'word '.repeat(300);
  const text = composeMessage({ to: 'a@example.org', subject: 's', text: long }, 'Q <n@x.org>', WHEN);
  assert.match(text, /^Content-Transfer-Encoding: base64$/m);
  const body = text.split('\r\n\r\n')[1]!;
  assert.ok(body.split('\r\n').every((l) => l.length <= 76));
  assert.equal(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8'), `${long}\r\n`);
});

test('without SMTP, mail lands in <dataDir>/outbox/<timestamp>-<id>.eml, readable only by the owner', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-mail-'));
  t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const mailer = createMailer({ ...testConfig(), dataDir }, () => WHEN);
  assert.equal(mailer.kind, 'outbox');
  await mailer.send({ to: 'a@example.org', subject: 'One', text: 'first' });
  await mailer.send({ to: 'b@example.org', subject: 'Two', text: 'second' });
  const files = (mailer as OutboxMailer).files();
  assert.equal(files.length, 2);
  for (const f of files) {
    assert.equal(path.dirname(f), outboxDir(dataDir));
    assert.match(path.basename(f), /^2025-01-07T09-05-00-000Z-[0-9a-f]{8}\.eml$/);
    assert.equal(fs.statSync(f).mode & 0o777, 0o600);
  }
  assert.match(fs.readFileSync(files[0]!, 'utf8') + fs.readFileSync(files[1]!, 'utf8'), /first[\s\S]*second|second[\s\S]*first/);
});

test('the mailer follows the configuration: SMTP URL, data directory, or memory', () => {
  assert.equal(createMailer({ ...testConfig(), smtpUrl: 'smtp://u:p@mail.example.org:587' }).kind, 'smtp');
  assert.equal(createMailer(testConfig()).kind, 'memory');
});
