import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import '../factories.ts';
import { seedXss, type Target, type XssWorld } from './seed.ts';

/**
 * The corpus in a real browser, JavaScript on: every page where an attack string shows up is
 * loaded in Chromium, and no attack may run (`window.__xss` stays unset, no alert opens), no
 * element may carry an event handler or a javascript: link as Chromium itself parsed it, and no
 * CSP violation may be reported (one would mean an inline script made it into the page). A
 * second pass strips the Content-Security-Policy header, to prove the escaping and sanitizing
 * hold on their own. Needs Debian's chromium at /usr/bin/chromium; skips without it, except
 * under CI where it fails.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const missing = !fs.existsSync(CHROMIUM);
const skip = missing && !process.env.CI ? 'needs /usr/bin/chromium (apt-get install chromium)' : false;

/** The pages of the browser passes: a sample of each kind the server-side test checks in full. */
function browserTargets(world: XssWorld): Target[] {
  const html = world.targets.filter((t) => t.kind === 'html');
  const works = html.filter((t) => /^\/works\/\d+\?view=full$/.test(t.url)).filter((_t, i) => i % 2 === 0);
  const edits = html.filter((t) => /^\/works\/\d+\/edit$/.test(t.url)).slice(0, 10);
  const reflected = html.filter((t) => /^\/(search|login|creators|users)\b.*[?/].*%3C/i.test(t.url)).filter((_t, i) => i % 12 === 0);
  const rest = html.filter((t) => !/\?view=full$|\/edit$|download\.html$/.test(t.url) && !/%3C/i.test(t.url));
  return [...works, ...edits, ...reflected, ...rest];
}

interface Found {
  xss: unknown;
  handlers: string[];
  scripted: string[];
}

/** Loads one page and reads what ran: the marker, handlers and script URLs in the DOM as Chromium built it. */
async function visit(page: Page, url: string): Promise<Found> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(15);
  return page.evaluate(() => {
    const w = globalThis as unknown as { __xss?: unknown; document: { querySelectorAll(s: string): ArrayLike<{ tagName: string; attributes: ArrayLike<{ name: string; value: string }>; href?: unknown; src?: unknown; action?: unknown }> } };
    const handlers: string[] = [];
    const scripted: string[] = [];
    for (const el of Array.from(w.document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) if (a.name.toLowerCase().startsWith('on')) handlers.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
      for (const prop of ['href', 'src', 'action'] as const) {
        const v = el[prop];
        if (typeof v === 'string' && /^(javascript|vbscript|data):/i.test(v)) scripted.push(`${el.tagName} ${prop}=${v.slice(0, 60)}`);
      }
    }
    const x = w.__xss;
    return { xss: x === undefined ? null : typeof x === 'number' ? x : 'clobbered', handlers, scripted };
  });
}

async function pass(browser: Browser, world: XssWorld, base: string, stripCsp: boolean): Promise<{ pages: number; failures: string[] }> {
  const failures: string[] = [];
  let pages = 0;
  const csp = String((await world.clients.guest.get('/')).headers['content-security-policy'] ?? '');
  assert.ok(csp.includes("script-src 'self'"));
  const contexts: Record<Target['as'], BrowserContext> = {} as Record<Target['as'], BrowserContext>;
  for (const who of ['guest', 'scribe', 'visitor'] as const) {
    const context = await browser.newContext();
    await context.addCookies([...world.clients[who].cookies].map(([name, value]) => ({ name, value: encodeURIComponent(value), url: base })));
    // Answers shown once, after a form was refused, and downloads (sent as attachments), are served from here.
    // A download is a file of its own (its <style> is its own), so only form answers get the site's CSP.
    await context.route(`${base}/__replay/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const headers: Record<string, string> = stripCsp || !path.startsWith('/__replay/echo-') ? {} : { 'content-security-policy': csp };
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: replays.get(path) ?? '', headers });
    });
    if (stripCsp) {
      await context.route(`${base}/**`, async (route) => {
        if (route.request().url().startsWith(`${base}/__replay/`)) return route.fallback();
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      });
    }
    contexts[who] = context;
  }
  const replays = new Map<string, string>();
  world.echoes.forEach((e, i) => {
    if (i % 6 === 0 || !/^(pen name|sign-up)/.test(e.what)) replays.set(`/__replay/echo-${i}`, e.body);
  });
  for (const t of world.targets.filter((x) => /download\.html$/.test(x.url)).slice(0, 10)) replays.set(`/__replay/${t.url.replace(/\W+/g, '-')}`, (await world.clients.guest.get(t.url)).body);

  const jobs: { as: Target['as']; url: string; label: string }[] = [
    ...browserTargets(world).map((t) => ({ as: t.as, url: `${base}${t.url}`, label: `${t.as} ${t.url}` })),
    ...[...replays.keys()].map((path) => ({ as: 'guest' as const, url: `${base}${path}`, label: path.startsWith('/__replay/echo-') ? world.echoes[Number(path.slice(15))]!.what : path })),
  ];
  for (const who of ['guest', 'scribe', 'visitor'] as const) {
    const page = await contexts[who].newPage();
    const dialogs: string[] = [];
    const csps: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) csps.push(m.text().slice(0, 160));
    });
    for (const job of jobs.filter((j) => j.as === who)) {
      pages++;
      dialogs.length = 0;
      csps.length = 0;
      const found = await visit(page, job.url);
      if (found.xss !== null) failures.push(`${job.label}: window.__xss is ${String(found.xss)}`);
      if (dialogs.length) failures.push(`${job.label}: an alert opened (${dialogs.join(', ')})`);
      if (found.handlers.length) failures.push(`${job.label}: event handlers in the DOM: ${found.handlers.slice(0, 3).join('; ')}`);
      if (found.scripted.length) failures.push(`${job.label}: script URLs in the DOM: ${found.scripted.slice(0, 3).join('; ')}`);
      if (csps.length) failures.push(`${job.label}: the CSP had to block something: ${csps[0]}`);
    }
    await page.close();
  }
  for (const c of Object.values(contexts)) await c.close();
  return { pages, failures };
}

test('no attack of the corpus runs in Chromium, with the CSP and without it', { skip, timeout: 900_000 }, async (t) => {
  if (missing) assert.fail('needs /usr/bin/chromium (apt-get install chromium): CI is set, so a missing browser is a failure');
  const world = await seedXss();
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close();
    await world.close();
  });
  await world.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(world.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

  // The harness itself: a page that does run an attack is caught.
  const probe = await browser.newPage();
  await probe.setContent('<img src=x onerror="__xss=7">');
  await probe.waitForTimeout(50);
  assert.equal(await probe.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss), 7);
  await probe.close();

  for (const stripCsp of [false, true]) {
    const { pages, failures } = await pass(browser, world, base, stripCsp);
    t.diagnostic(`${stripCsp ? 'without' : 'with'} the CSP: ${pages} pages`);
    assert.ok(pages > 150);
    if (failures.length > 0) assert.fail(`${stripCsp ? 'without' : 'with'} the CSP, ${failures.length} problems:\n${failures.slice(0, 60).join('\n')}`);
  }
});
