import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import '../factories.ts';
import { openArchive } from '../../src/archive.ts';
import { loadConfig } from '../../src/config/config.ts';
import { buildServer } from '../../src/web/server.ts';
import { buildWork } from '../factories.ts';

/**
 * Accounts in a real browser, without JavaScript: sign up, see a restricted work, log out, a
 * wrong password, log in again and come back to the page. Needs /usr/bin/chromium (skips
 * without it, except under CI). QUIRE_SCREENSHOTS=<dir> saves the sign-up and account pages.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const missing = !fs.existsSync(CHROMIUM);
const skip = missing && !process.env.CI ? 'needs /usr/bin/chromium (apt-get install chromium)' : false;

test('a reader signs up, reads a restricted work, logs out and back in, with JavaScript off', { skip, timeout: 120_000 }, async (t) => {
  if (missing) assert.fail('needs /usr/bin/chromium: CI is set, so a missing browser is a failure');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-browser-accounts-'));
  const archive = await openArchive(loadConfig({}, { dataDir, port: 0, host: '127.0.0.1', demo: 'off', logLevel: 'silent' }));
  let browser: Browser | undefined;
  let app: FastifyInstance | undefined;
  t.after(async () => {
    await browser?.close();
    await app?.close();
    await archive.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const work = await archive.works.create(buildWork({ title: 'Behind the Orchard Wall', restricted: true }));
  app = await buildServer(archive);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const shots = process.env.QUIRE_SCREENSHOTS;

  assert.equal((await page.goto(`${base}/works/${work.id}`))?.status(), 404);
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Username').fill('Orchard_Reader');
  await page.getByLabel('E-mail address').fill('orchard@example.org');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  assert.match(await page.locator('.error-summary').innerText(), /Password must be at least 8 characters/);
  assert.equal(await page.getByLabel('Username').inputValue(), 'Orchard_Reader');
  assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '');
  if (shots) await page.screenshot({ path: path.join(shots, 'signup-errors.png'), fullPage: true });
  await page.getByLabel('Password', { exact: true }).fill('apples in the long grass');
  await page.getByLabel('Confirm password').fill('apples in the long grass');
  await page.getByRole('button', { name: 'Sign up' }).click();
  assert.equal(new URL(page.url()).pathname, '/account');
  assert.match(await page.locator('.notice').innerText(), /Welcome/);
  if (shots) await page.screenshot({ path: path.join(shots, 'account.png'), fullPage: true });
  const cookie = (await context.cookies()).find((c) => c.name === 'quire_session');
  assert.ok(cookie?.httpOnly);
  assert.equal(cookie?.sameSite, 'Lax');

  assert.equal((await page.goto(`${base}/works/${work.id}`))?.status(), 200);
  await page.getByRole('button', { name: 'Log out' }).click();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal((await page.goto(`${base}/works/${work.id}`))?.status(), 404);

  await page.goto(`${base}/works`);
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Username or e-mail').fill('orchard_reader');
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Log in' }).click();
  assert.match(await page.locator('.error-summary').innerText(), /not right/);
  await page.getByLabel('Password').fill('apples in the long grass');
  await page.getByRole('button', { name: 'Log in' }).click();
  assert.equal(new URL(page.url()).pathname, '/works', 'back where the reader was');
  assert.match(await page.locator('.account-nav').innerText(), /Orchard_Reader/);
});
