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
import { startServer } from '../../src/web/server.ts';
import { buildWork } from '../factories.ts';

/**
 * A reader in a real browser: home page → a Mature work → the adult gate → Proceed → Next chapter.
 * Needs Debian's chromium at /usr/bin/chromium; skips without it, except under CI where it fails.
 * Set QUIRE_SCREENSHOTS=<dir> to also save a work page in light and dark, phone and desktop.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const missing = !fs.existsSync(CHROMIUM);
const skip = missing && !process.env.CI ? 'needs /usr/bin/chromium (apt-get install chromium)' : false;

const CHAPTER_ONE = [
  'The salt road ran along the top of the dyke, and Maren walked it every morning before the gulls were up.',
  'She carried two baskets on a yoke, one for the eggs she sold in the village and one for whatever the tide had left behind: a length of rope, a green glass float, once a boot with no partner anywhere on the shore.',
  'Tomas was waiting at the sluice gate, as he had been every morning that week, pretending to mend a net that did not need mending.',
  '"You could walk with me," she said, "instead of guarding the water as if it might run off."',
];
const CHAPTER_TWO = [
  'The storm came in sideways on the ninth night and took the roof off the net shed.',
  'By the time the lanterns were lit along the dyke, half the village was out in oilskins, shouting into a wind that threw their words back at them.',
  'Maren found Tomas at the sluice, both hands on the wheel, the sea pushing against the gate like something that wanted to come home.',
];

function paragraphs(lines: string[]): string {
  return lines.map((l) => `<p>${l}</p>`).join('\n');
}

test('a reader follows a Mature work through the adult gate to chapter 2', { skip, timeout: 120_000 }, async (t) => {
  if (missing) assert.fail('needs /usr/bin/chromium (apt-get install chromium): CI is set, so a missing browser is a failure');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-browser-'));
  const archive = await openArchive(loadConfig({}, { dataDir, port: 0, host: '127.0.0.1', demo: 'off', logLevel: 'silent' }));
  let browser: Browser | undefined;
  let app: FastifyInstance | undefined;
  t.after(async () => {
    await browser?.close();
    await app?.close();
    await archive.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  await archive.works.create(buildWork({ title: 'Lantern Weather', fandoms: ['Harbour Tales'], tags: ['Fluff'], publishedOn: '2024-05-01' }));
  const work = await archive.works.create(buildWork({
    title: 'The Salt Road',
    rating: 'Mature',
    warnings: ['No Archive Warnings Apply'],
    categories: ['F/M'],
    fandoms: ['Harbour Tales'],
    relationships: ['Maren/Tomas'],
    characters: ['Maren', 'Tomas'],
    tags: ['Slow Burn', 'Storms', 'Coastal Village'],
    creators: ['tidewriter'],
    summary: '<p>A sea wall, a sluice gate, and two people who keep meeting where the land runs out.</p>',
    notes: '<p>Written for a winter prompt about weather and waiting.</p>',
    complete: false,
    expectedChapters: 3,
    series: [{ title: 'Low Country' }],
    publishedOn: '2024-06-01',
    updatedOn: '2024-06-15',
    chapters: [
      { title: 'Eggs and Driftwood', html: paragraphs(CHAPTER_ONE), notes: '<p>The dyke is based on no real place.</p>' },
      { title: 'The Ninth Night', html: paragraphs(CHAPTER_TWO), publishedOn: '2024-06-15' },
    ],
  }));
  await archive.works.create(buildWork({ title: 'Ferry Times', fandoms: ['Harbour Tales'], rating: 'Teen And Up Audiences', publishedOn: '2024-04-01' }));

  app = await startServer(archive);
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  assert.ok(fs.existsSync(path.join(dataDir, 'secret.key')));

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(`${base}/`);
  assert.equal(await page.title(), 'Quire');
  await page.getByRole('link', { name: 'The Salt Road' }).click();
  await page.waitForURL(`${base}/works/${work.id}`);
  await page.getByText('This work could have adult content').waitFor();
  assert.equal(await page.getByText(CHAPTER_ONE[0]!).count(), 0, 'the gate does not show the text');

  await page.getByRole('link', { name: 'Proceed' }).click();
  await page.getByText(CHAPTER_ONE[0]!).waitFor();
  await page.getByRole('link', { name: 'Next chapter' }).first().click();
  await page.waitForURL(`${base}/works/${work.id}/chapters/2`);
  assert.ok(await page.getByText(CHAPTER_TWO[0]!).isVisible(), 'chapter 2 is shown, the gate remembered');
  assert.ok(await page.getByRole('heading', { name: 'Chapter 2: The Ninth Night' }).isVisible());

  // The chapter index opens without JavaScript.
  await page.getByText('Chapter index').click();
  assert.ok(await page.getByRole('link', { name: 'Chapter 1: Eggs and Driftwood' }).isVisible());

  // The stylesheet applied (a serif for the text), and no CSP violation or script error happened.
  const font = await page.locator('.chapter-text').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(el).fontFamily);
  assert.match(font, /serif/);
  assert.deepEqual(problems, []);

  const dir = process.env.QUIRE_SCREENSHOTS;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const) {
        const shot = await browser.newContext({ colorScheme: scheme, viewport, deviceScaleFactor: 1 });
        const p = await shot.newPage();
        const pages = [['gate', `/works/${work.id}`], ['work', `/works/${work.id}?view_adult=true`], ['works', '/works'], ['fandoms', '/fandoms']] as const;
        for (const [what, url] of pages) {
          await p.goto(`${base}${url}`);
          await p.screenshot({ path: path.join(dir, `${what}-${scheme}-${name}.png`), fullPage: true });
        }
        await shot.close();
      }
    }
  }
});
