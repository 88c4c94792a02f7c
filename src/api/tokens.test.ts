import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testArchive } from '../../test/factories.ts';
import { tokenHash } from '../accounts/tokens.ts';
import { ApiTokens, CREDENTIAL_LIMIT, newAppPassword } from './tokens.ts';

async function setup(t: import('node:test').TestContext) {
  const archive = await testArchive();
  t.after(() => archive.close());
  let now = Date.parse('2025-03-01T12:00:00Z');
  const tokens = new ApiTokens(archive.store.db, () => new Date(now));
  const ann = await archive.accounts.create({ username: 'ann', email: 'ann@example.org', password: 'a quiet lantern' });
  const bo = await archive.accounts.create({ username: 'bob', email: 'bob@example.org', password: 'a quiet lantern' });
  return { archive, tokens, ann, bo, advance: (ms: number) => (now += ms) };
}

test('a token is shown once and stored only as its sha256', async (t) => {
  const { archive, tokens, ann } = await setup(t);
  const { secret, credential } = await tokens.createToken(ann.id, { name: '  my   script ', scopes: ['read'] });
  assert.match(secret, /^qpat_[A-Za-z0-9_-]{43}$/);
  assert.equal(credential.name, 'my script');
  assert.equal(credential.hint, secret.slice(-4));
  assert.deepEqual(credential.scopes, ['read']);
  const rows = await archive.store.db.selectFrom('api_tokens').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.hash, tokenHash(secret));
  assert.ok(!JSON.stringify(rows).includes(secret.slice(5)), 'the secret itself is nowhere in the table');
  const resolved = await tokens.resolveToken(secret);
  assert.equal(resolved?.account.id, ann.id);
  assert.deepEqual(resolved?.scopes, ['read']);
  assert.equal(resolved?.kind, 'token');
});

test('write implies read; a token without a scope, without a name or with a bad expiry is refused', async (t) => {
  const { tokens, ann } = await setup(t);
  assert.deepEqual((await tokens.createToken(ann.id, { name: 'w', scopes: ['write'] })).credential.scopes, ['read', 'write']);
  await assert.rejects(tokens.createToken(ann.id, { name: 'x', scopes: [] }), (e: any) => e.code === 'validation_failed' && e.issues[0].field === 'scopes');
  await assert.rejects(tokens.createToken(ann.id, { name: '  ', scopes: ['read'] }), (e: any) => e.issues[0].field === 'name');
  await assert.rejects(tokens.createToken(ann.id, { name: 'x'.repeat(101), scopes: ['read'] }), (e: any) => e.issues[0].field === 'name');
  await assert.rejects(tokens.createToken(ann.id, { name: 'x', scopes: ['read'], expiresInDays: 0 }), (e: any) => e.issues[0].field === 'expires');
});

test('unknown, malformed, revoked and expired tokens resolve to nothing', async (t) => {
  const { tokens, ann, bo, advance } = await setup(t);
  const a = await tokens.createToken(ann.id, { name: 'a', scopes: ['read'] });
  const b = await tokens.createToken(ann.id, { name: 'b', scopes: ['read'], expiresInDays: 30 });
  assert.equal(await tokens.resolveToken('qpat_' + 'A'.repeat(43)), undefined);
  assert.equal(await tokens.resolveToken(a.secret.slice(0, -1)), undefined);
  assert.equal(await tokens.resolveToken(a.secret + ' '), undefined);
  await assert.rejects(tokens.revoke(bo.id, a.credential.id), (e: any) => e.code === 'not_found', 'nobody revokes another’s token');
  assert.ok(await tokens.resolveToken(a.secret));
  await tokens.revoke(ann.id, a.credential.id);
  assert.equal(await tokens.resolveToken(a.secret), undefined);
  assert.ok(await tokens.resolveToken(b.secret));
  advance(30 * 24 * 3600 * 1000);
  assert.equal(await tokens.resolveToken(b.secret), undefined, 'expired on the day');
});

test('last use is recorded, at most every five minutes', async (t) => {
  const { tokens, ann, advance } = await setup(t);
  const a = await tokens.createToken(ann.id, { name: 'a', scopes: ['read'] });
  assert.equal((await tokens.list(ann.id, 'token'))[0]!.lastUsedAt, null);
  await tokens.resolveToken(a.secret);
  assert.equal((await tokens.list(ann.id, 'token'))[0]!.lastUsedAt, '2025-03-01T12:00:00.000Z');
  advance(60_000);
  await tokens.resolveToken(a.secret);
  assert.equal((await tokens.list(ann.id, 'token'))[0]!.lastUsedAt, '2025-03-01T12:00:00.000Z');
  advance(5 * 60_000);
  await tokens.resolveToken(a.secret);
  assert.equal((await tokens.list(ann.id, 'token'))[0]!.lastUsedAt, '2025-03-01T12:06:00.000Z');
});

test('an app password works with its owner’s username only, typed loosely', async (t) => {
  const { tokens, ann, bo } = await setup(t);
  const { secret } = await tokens.createAppPassword(ann.id, 'Kobo');
  assert.match(secret, /^([A-HJKMNP-TV-Z2-9]{4}-){5}[A-HJKMNP-TV-Z2-9]{4}$/);
  assert.equal((await tokens.verifyAppPassword('ann', secret))?.account.id, ann.id);
  assert.equal((await tokens.verifyAppPassword('ANN', secret.toLowerCase().replace(/-/g, ' ')))?.account.id, ann.id);
  assert.equal(await tokens.verifyAppPassword('bob', secret), undefined);
  assert.equal(await tokens.verifyAppPassword('ann', secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A')), undefined);
  assert.equal(await tokens.verifyAppPassword('ann', 'a quiet lantern'), undefined, 'the account password is not an app password');
  assert.equal(await tokens.resolveToken(secret), undefined, 'an app password is not an API token');
  const bos = await tokens.createToken(bo.id, { name: 't', scopes: ['read'] });
  assert.equal(await tokens.verifyAppPassword('bob', bos.secret), undefined, 'an API token is not an app password');
  assert.deepEqual((await tokens.list(ann.id, 'app_password')).map((p) => p.scopes), [['read']]);
});

test('app passwords are random and long (about 118 bits)', () => {
  const seen = new Set(Array.from({ length: 200 }, () => newAppPassword()));
  assert.equal(seen.size, 200);
  assert.ok(Math.log2(30) * 24 > 117);
});

test('an account holds at most 50 of each kind', async (t) => {
  const { tokens, ann } = await setup(t);
  for (let i = 0; i < CREDENTIAL_LIMIT; i++) await tokens.createToken(ann.id, { name: `t${i}`, scopes: ['read'] });
  await assert.rejects(tokens.createToken(ann.id, { name: 'one more', scopes: ['read'] }), (e: any) => e.code === 'conflict');
  await tokens.createAppPassword(ann.id, 'still fine');
});

test('deleting the account deletes its credentials', async (t) => {
  const { archive, tokens, ann } = await setup(t);
  const a = await tokens.createToken(ann.id, { name: 'a', scopes: ['read'] });
  await archive.accounts.deleteAccount(ann.id, 'a quiet lantern', 'orphan', '127.0.0.1');
  assert.equal(await tokens.resolveToken(a.secret), undefined);
  assert.equal((await archive.store.db.selectFrom('api_tokens').selectAll().execute()).length, 0);
});
