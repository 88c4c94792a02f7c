import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openArchive } from '../archive.ts';
import { apiTokensFor } from '../api/tokens.ts';
import { testConfig } from '../../test/factories.ts';
import { csrfTokenIn } from '../web/routes/account.testing.ts';
import { CookieClient, eventually, serve, type Served } from './processes.testing.ts';

/**
 * Two real `quire serve` processes over one database (docs/scaling.md): a work posted through one
 * is found by the other's search; a session and CSRF token made on one work on the other; the rate
 * limit counts requests to both. On SQLite the two share a data directory (one host); on
 * PostgreSQL (when QUIRE_TEST_PG_URL is set) each has its own, as on two hosts, with copied keys.
 */

const PASSWORD = 'a quiet lantern';
const FOUND_WITHIN_MS = 5_000;

interface Setup {
  dirs: [string, string];
  env: NodeJS.ProcessEnv;
  token: string;
}

/** Makes the member `wren` with a read-write token in the archive the processes will serve. */
async function prepare(dirs: [string, string], env: NodeJS.ProcessEnv): Promise<Setup> {
  const archive = await openArchive(testConfig({ dataDir: dirs[0], ...(env.QUIRE_DATABASE_URL ? { databaseUrl: env.QUIRE_DATABASE_URL } : {}) }));
  try {
    const account = await archive.accounts.create({ username: 'wren', email: 'wren@example.org', password: PASSWORD });
    const made = await apiTokensFor(archive.store.db).createToken(account.id, { name: 'two processes', scopes: ['read', 'write'] });
    return { dirs, env, token: made.secret };
  } finally {
    await archive.close();
  }
}

async function api(server: Served, method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/v1${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function scenario(t: TestContext, setup: Setup, opts: { requireSearch: boolean }): Promise<void> {
  const a = await serve(setup.dirs[0], setup.env);
  t.after(() => a.stop());
  const b = await serve(setup.dirs[1], setup.env);
  t.after(() => b.stop());
  // PostgreSQL search comes with its own part of issue 7; until it is wired, searches answer 503.
  const searchable = opts.requireSearch || (await api(b, 'GET', '/works?q=probe')).status === 200;

  // 1. Posted through A, found by a search on B.
  const work = { title: 'The Zephyrine Lamp', rating: 'general', warnings: ['No Archive Warnings Apply'], fandoms: ['Lighthouse Keepers'], tags: ['Storms'], language: 'en', chapters: [{ title: 'Dusk', text: 'The lamp of Zephyrine was lit at six.' }] };
  const posted = await api(a, 'POST', '/works', setup.token, work);
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const id: number = posted.body.id;
  const searchOnB = async (q: string): Promise<number[] | undefined> => {
    const res = await api(b, 'GET', `/works?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const ids = res.body.items.map((w: { id: number }) => w.id);
    return ids.length > 0 ? ids : undefined;
  };
  if (searchable) {
    const found = await eventually('the new work in a search on the other process', FOUND_WITHIN_MS, () => searchOnB('Zephyrine'));
    assert.deepEqual(found.value, [id]);
    t.diagnostic(`found on the other process after ${found.ms} ms`);
    // An edit through A: B finds the new words and filters by the new tag.
    const edited = await api(a, 'PATCH', `/works/${id}`, setup.token, { title: 'The Quillon Lamp', tags: ['Fog'] });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    // (The new words are in the shared full-text index at once; the new tag needs B's engine to hear.)
    assert.deepEqual((await eventually('the edit on the other process', FOUND_WITHIN_MS, () => searchOnB('Quillon'))).value, [id]);
    const withFog = async () => {
      const ids = (await api(b, 'GET', '/works?include=Fog')).body.items.map((w: { id: number }) => w.id);
      return ids.length > 0 ? ids : undefined;
    };
    assert.deepEqual((await eventually('the new tag on the other process', FOUND_WITHIN_MS, withFog)).value, [id]);
  } else {
    t.diagnostic('search is not available on this database yet: only reads of the work are checked');
    assert.equal((await api(b, 'GET', `/works/${id}`)).status, 200);
  }

  // 2. Logged in on A; the session cookie and a CSRF token from A's page work on B.
  const browser = new CookieClient();
  const loginPage = await browser.request(`${a.url}/login`);
  const login = await browser.request(`${a.url}/login`, { form: { login: 'wren', password: PASSWORD, _csrf: csrfTokenIn(loginPage.body, '/login') } });
  assert.equal(login.status, 303, login.body.slice(0, 500));
  assert.ok(browser.cookies.has('quire_session'));
  const page = await browser.request(`${a.url}/works/${id}`);
  assert.equal(page.status, 200);
  const token = csrfTokenIn(page.body, `/works/${id}/later`);
  const forged = await browser.request(`${b.url}/works/${id}/later`, { form: { _csrf: 'not-the-token' } });
  assert.equal(forged.status, 403, 'B checks the token');
  const later = await browser.request(`${b.url}/works/${id}/later`, { form: { _csrf: token } });
  assert.equal(later.status, 303, later.body.slice(0, 500));
  const list = await browser.request(`${b.url}/later`);
  assert.equal(list.status, 200);
  assert.match(list.body, /Lamp/, 'B knows the member: the session is shared');

  // 3. One rate limit over both processes (the same address counts on each).
  const remaining = async (s: Served) => Number((await fetch(`${s.url}/works`)).headers.get('x-ratelimit-remaining'));
  const first = await remaining(a);
  assert.equal(await remaining(b), first - 1);
  assert.equal(await remaining(a), first - 2);

  // 4. The login limit too: five attempts per 20 seconds per address (wren's login counted), over both.
  // Were each process counting alone, alternating attempts would pass until the ninth.
  let refusedAt = 0;
  for (let i = 1; i <= 8 && !refusedAt; i++) {
    const s = i % 2 ? a : b;
    const client = new CookieClient();
    const form = await client.request(`${s.url}/login`);
    const res = await client.request(`${s.url}/login`, { form: { login: 'nobody-here', password: 'wrong password', _csrf: csrfTokenIn(form.body, '/login') } });
    if (res.status === 429) refusedAt = i;
    else assert.equal(res.status, 422, `attempt ${i}`);
  }
  assert.ok(refusedAt >= 2 && refusedAt <= 5, `refused at attempt ${refusedAt}`);
}

// scripts/test.mjs runs store-using files twice (QUIRE_TEST_STORE=sqlite, then postgres): each test runs in its own pass.
test('two processes on one SQLite file: writes, sessions, CSRF and limits cross between them', { timeout: 240_000, skip: process.env.QUIRE_TEST_STORE === 'postgres' && 'the SQLite pass runs it' }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-two-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const setup = await prepare([dir, dir], {});
  await scenario(t, setup, { requireSearch: true });
});

test('two processes on one PostgreSQL database, each with its own data directory', { timeout: 240_000, skip: !process.env.QUIRE_TEST_PG_URL ? 'QUIRE_TEST_PG_URL is not set' : process.env.QUIRE_TEST_STORE === 'sqlite' && 'the PostgreSQL pass runs it' }, async (t) => {
  const admin = process.env.QUIRE_TEST_PG_URL!;
  const name = `quire_two_${crypto.randomBytes(5).toString('hex')}`;
  const adminQuery = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await adminQuery(`CREATE DATABASE ${name}`);
  t.after(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dirs: [string, string] = [fs.mkdtempSync(path.join(os.tmpdir(), 'quire-host-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'quire-host-b-'))];
  t.after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const setup = await prepare(dirs, { QUIRE_DATABASE_URL: url.toString() });

  // A second host with keys of its own is refused, naming the file; with copies it starts.
  const stranger = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-host-c-'));
  t.after(() => fs.rmSync(stranger, { recursive: true, force: true }));
  const first = await serve(dirs[0], setup.env);
  await first.stop();
  await assert.rejects(serve(stranger, setup.env), /secret\.key is not the key the other processes of this archive use/);
  for (const file of ['secret.key', 'visitor.key']) fs.copyFileSync(path.join(dirs[0], file), path.join(dirs[1], file));
  await scenario(t, setup, { requireSearch: false });
});
