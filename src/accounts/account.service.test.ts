import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { archiveOn, type Archive } from '../archive.ts';
import { QuireError } from '../errors.ts';
import { setRootLogger } from '../log.ts';
import { MemoryMailer } from '../mail/outbox.ts';
import { memoryStore } from '../store/store.ts';
import { buildWork, testConfig } from '../../test/factories.ts';
import { SESSION_TTL_MS } from './sessions.ts';

async function harness(t: import('node:test').TestContext): Promise<{ archive: Archive; advance: (ms: number) => void; mail: MemoryMailer }> {
  let now = Date.parse('2025-05-01T08:00:00Z');
  const archive = archiveOn(testConfig(), await memoryStore(), { clock: () => new Date(now) });
  t.after(() => archive.close());
  return { archive, advance: (ms) => void (now += ms), mail: archive.mailer as MemoryMailer };
}

const IP = '192.0.2.1';

test('a new account has an argon2id hash, a first pen name equal to its username, and the member role', async (t) => {
  const { archive } = await harness(t);
  const a = await archive.accounts.create({ username: 'Fennel', email: 'Fennel@Example.org', password: 'a fine long secret' });
  assert.equal(a.role, 'member');
  const row = await archive.store.db.selectFrom('accounts').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
  assert.match(row.password_hash, /^\$argon2id\$/);
  assert.doesNotMatch(row.password_hash, /a fine long secret/);
  assert.equal(row.email_key, 'fennel@example.org');
  assert.deepEqual(await archive.accounts.penNames.list(a.id), [{ id: a.defaultPseudId, name: 'Fennel', isDefault: true, works: 0 }]);
});

test('sign-up rules: length, characters, reserved names, duplicate e-mail regardless of case, every problem at once', async (t) => {
  const { archive } = await harness(t);
  await archive.accounts.create({ username: 'first_one', email: 'one@example.org', password: 'password one' });
  const attempt = (username: string, email: string, password = 'long enough') =>
    archive.accounts.create({ username, email, password }).then(
      () => [],
      (err: QuireError) => err.issues.map((i) => `${i.field}: ${i.message}`),
    );
  assert.deepEqual(await attempt('ab', 'ONE@example.org', 'short'), ['username: must be at least 3 characters', 'password: must be at least 8 characters', 'email: is already used by another account']);
  assert.deepEqual(await attempt('has space', 'x@example.org'), ['username: may use only letters A to Z, digits and underscores']);
  assert.deepEqual(await attempt('orphan_account', 'y@example.org'), ['username: is reserved']);
  assert.deepEqual(await attempt('ok_name', 'y@example.org', 'x'.repeat(1001)), ['password: must be at most 1000 characters']);
  assert.deepEqual(await attempt('ok_name', 'y@example.org', 'x'.repeat(1000)), []);
});

test('sign-up follows QUIRE_SIGNUP: closed refuses, invite needs an unused code', async (t) => {
  const closed = archiveOn(testConfig({ signup: 'closed' }), await memoryStore());
  t.after(() => closed.close());
  await assert.rejects(closed.accounts.signUp({ username: 'nope', email: 'n@example.org', password: 'long enough' }), { code: 'forbidden' });
  const invite = archiveOn(testConfig({ signup: 'invite' }), await memoryStore());
  t.after(() => invite.close());
  const [code] = await invite.accounts.invitations.create(1, null);
  await assert.rejects(invite.accounts.signUp({ username: 'nope', email: 'n@example.org', password: 'long enough' }), { code: 'validation_failed' });
  const a = await invite.accounts.signUp({ username: 'yes', email: 'y@example.org', password: 'long enough', invitation: ` ${code!.replace(/-/g, ' ').toLowerCase()} ` });
  const [used] = await invite.accounts.invitations.list();
  assert.equal(used!.usedBy, a.username);
  await assert.rejects(invite.accounts.signUp({ username: 'again', email: 'a@example.org', password: 'long enough', invitation: code }), /already used/);
  const row = await invite.store.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
  assert.notEqual(row.code_hash, code, 'codes are stored hashed');
});

test('sessions slide: 30 days from the last visit, then gone', async (t) => {
  const { archive, advance } = await harness(t);
  await archive.accounts.create({ username: 'slider', email: 's@example.org', password: 'long enough' });
  const login = await archive.accounts.logIn('slider', 'long enough', IP);
  assert.ok(login.ok);
  const { token } = login;
  advance(SESSION_TTL_MS - 60_000);
  const kept = await archive.accounts.sessions.resolve(token);
  assert.ok(kept?.refreshed, 'a visit near the end moves the expiry');
  advance(SESSION_TTL_MS - 60_000);
  assert.ok(await archive.accounts.sessions.resolve(token), 'still alive: 30 days from the last visit');
  advance(SESSION_TTL_MS + 1000);
  assert.equal(await archive.accounts.sessions.resolve(token), undefined);
  assert.equal((await archive.store.db.selectFrom('sessions').selectAll().execute()).length, 0, 'the expired row is removed');
  const stored = await archive.store.db.selectFrom('sessions').selectAll().execute();
  assert.ok(stored.every((s) => s.id !== token));
  assert.equal(await archive.accounts.sessions.resolve('not a token'), undefined);
});

test('confirming a password is limited too: the 6th try in 20 seconds is rate_limited', async (t) => {
  const { archive } = await harness(t);
  const a = await archive.accounts.create({ username: 'guarded', email: 'g@example.org', password: 'long enough' });
  for (let i = 0; i < 5; i++) await assert.rejects(archive.accounts.changeEmail(a.id, `wrong ${i}`, 'new@example.org', IP), { code: 'validation_failed' });
  await assert.rejects(archive.accounts.changeEmail(a.id, 'long enough', 'new@example.org', IP), { code: 'rate_limited' });
});

test('roles: member, wrangler, admin; an admin viewer sees everything', async (t) => {
  const { archive } = await harness(t);
  await archive.accounts.create({ username: 'wrangly', email: 'w@example.org', password: 'long enough' });
  assert.equal((await archive.accounts.setRole('WRANGLY', 'wrangler')).role, 'wrangler');
  await assert.rejects(archive.accounts.setRole('wrangly', 'overlord'), /must be member, wrangler or admin/);
  await assert.rejects(archive.accounts.setRole('nobody', 'admin'), { code: 'not_found' });
});

test('orphaning a work already credited to orphan_account does not duplicate the credit', async (t) => {
  const { archive } = await harness(t);
  const a = await archive.accounts.create({ username: 'co_writer', email: 'c@example.org', password: 'long enough' });
  const w = await archive.works.create(buildWork({ creators: ['orphan_account', 'co_writer'] }));
  const report = await archive.accounts.deleteAccount(a.id, 'long enough', 'orphan', IP);
  assert.deepEqual(report, { deleted: 0, orphaned: 0, left: 1 });
  assert.deepEqual((await archive.works.get(w.id))!.creators.map((c) => c.name), ['orphan_account']);
});

test('passwords and tokens never reach the log', async (t) => {
  const { archive, mail } = await harness(t);
  const lines: string[] = [];
  setRootLogger(pino({ level: 'trace' }, new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) })));
  t.after(() => setRootLogger(pino({ level: 'silent' })));
  await archive.accounts.create({ username: 'quiet_one', email: 'q@example.org', password: 'hunter2 but longer' });
  await archive.accounts.logIn('quiet_one', 'a wrong guess!', IP);
  const ok = await archive.accounts.logIn('quiet_one', 'hunter2 but longer', IP);
  assert.ok(ok.ok);
  await archive.accounts.requestPasswordReset('q@example.org');
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.messages.at(-1)!)![1]!;
  await archive.accounts.resetPassword(token, 'another long one');
  const log = lines.join('');
  assert.ok(log.length > 0, 'something was logged');
  for (const secret of ['hunter2 but longer', 'a wrong guess!', 'another long one', token, ok.token]) assert.ok(!log.includes(secret), `log holds ${secret.slice(0, 6)}…`);
});

test('at most 3 reset links per account per hour; expired links are cleared', async (t) => {
  const { archive, mail, advance } = await harness(t);
  await archive.accounts.create({ username: 'forgetful', email: 'f@example.org', password: 'long enough' });
  for (let i = 0; i < 5; i++) await archive.accounts.requestPasswordReset('f@example.org');
  assert.equal(mail.messages.length, 3);
  advance(3600_000 + 1);
  await archive.accounts.requestPasswordReset('F@EXAMPLE.ORG');
  assert.equal(mail.messages.length, 4);
  assert.equal((await archive.store.db.selectFrom('password_resets').selectAll().execute()).length, 1, 'the three expired links were removed');
  await archive.accounts.requestPasswordReset('nobody@example.org');
  assert.equal(mail.messages.length, 4);
});
