import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTokensFor } from '../../src/api/tokens.ts';
import { buildServer } from '../../src/web/server.ts';
import { testArchive } from '../factories.ts';
import { Client } from './client.ts';

/**
 * The token pages are exempt from the matrix (they name no work, specs.ts EXEMPT), but they hand
 * out credentials that read everything their owner may: each needs a login, and one member
 * cannot revoke another's.
 */
test('the token and app-password pages need a login, and revoke only the viewer\'s own', async (t) => {
  const archive = await testArchive();
  const app = await buildServer(archive);
  t.after(async () => {
    await app.close();
    await archive.close();
  });
  const guest = new Client(app, 'guest');
  const owner = new Client(app, 'owner');
  const other = new Client(app, 'other');
  await owner.signUp('Lamplighter');
  await other.signUp('Ferryman');
  const tokens = apiTokensFor(archive.store.db);
  const ownerId = (await archive.accounts.byUsername('Lamplighter'))!.id;
  const token = await tokens.createToken(ownerId, { name: 'shelf script', scopes: ['read', 'write'] });
  const password = await tokens.createAppPassword(ownerId, 'e-reader');

  const page = await guest.get('/account/tokens');
  assert.equal(page.statusCode, 303);
  assert.match(String(page.headers.location), /^\/login/);
  assert.equal((await owner.get('/account/tokens')).statusCode, 200);
  assert.equal((await other.get('/account/tokens')).body.includes('shelf script'), false, "another member's page does not list the owner's token");

  const before = await archive.store.db.selectFrom('api_tokens').select('id').execute();
  for (const [url, form] of [
    ['/account/tokens', { name: 'stolen', scopes: 'write', expires: 'never', current_password: 'a quiet lantern' }],
    ['/account/app-passwords', { name: 'stolen', current_password: 'a quiet lantern' }],
    [`/account/tokens/${token.credential.id}/revoke`, {}],
    [`/account/app-passwords/${password.credential.id}/revoke`, {}],
  ] as const) {
    const res = await guest.post(url, form);
    t.diagnostic(`guest POST ${url}: ${res.statusCode}`);
    assert.ok([401, 403].includes(res.statusCode) || (res.statusCode === 303 && String(res.headers.location).startsWith('/login')), `guest POST ${url}: ${res.statusCode} ${String(res.headers.location)}`);
  }
  assert.deepEqual(await archive.store.db.selectFrom('api_tokens').select('id').execute(), before, 'a guest made or revoked nothing');

  await other.post(`/account/tokens/${token.credential.id}/revoke`);
  await other.post(`/account/app-passwords/${password.credential.id}/revoke`);
  assert.ok(await tokens.resolveToken(token.secret), "another member cannot revoke the owner's token");
  assert.ok(await tokens.verifyAppPassword('Lamplighter', password.secret), "another member cannot revoke the owner's app password");
  await owner.post(`/account/tokens/${token.credential.id}/revoke`);
  assert.equal(await tokens.resolveToken(token.secret), undefined, 'the owner can');
});
