import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { QuireError } from '../errors.ts';
import { setRootLogger } from '../log.ts';
import { html } from './html.ts';
import { parsePage, webApp } from './testing.ts';
import { csrfField } from './views/forms.ts';
import { layout } from './views/layout.ts';

test('security headers: a strict CSP without unsafe-inline, no framing, no sniffing', async (t) => {
  const { app } = await webApp(t);
  const res = await app.inject('/');
  const csp = String(res.headers['content-security-policy']);
  assert.equal(csp, "default-src 'self';script-src 'self';style-src 'self';img-src 'self' https: data:;object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'");
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'DENY');
  assert.equal(res.headers['referrer-policy'], 'no-referrer');
  assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over plain http');
  const https = await webApp(t, { baseUrl: 'https://fics.example.org' });
  assert.match(String((await https.app.inject('/')).headers['strict-transport-security']), /max-age=/);
});

test('the stylesheet is served from /static with a cache lifetime', async (t) => {
  const { app } = await webApp(t);
  const res = await app.inject('/static/quire.css');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/css/);
  assert.match(String(res.headers['cache-control']), /max-age=86400/);
  assert.ok(res.headers.etag);
  assert.match(res.body, /prefers-color-scheme: dark/);
  assert.equal((await app.inject('/static/../server.ts')).statusCode, 404);
});

test('404 pages use the layout; JSON clients and /api/ get a JSON error', async (t) => {
  const { app } = await webApp(t);
  const page = await app.inject('/nothing/here');
  assert.equal(page.statusCode, 404);
  assert.match(String(page.headers['content-type']), /text\/html/);
  assert.equal(parsePage(page).text(parsePage(page).all('h1')[0]), 'Page not found');
  assert.ok(page.body.includes('class="site-header"'));

  const api = await app.inject('/api/works/1');
  assert.equal(api.statusCode, 404);
  assert.deepEqual(api.json(), { error: { code: 'not_found', message: 'There is nothing at this address. It may have moved, or never existed.' } });
  const json = await app.inject({ url: '/works/999', headers: { accept: 'application/json' } });
  assert.deepEqual(json.json(), { error: { code: 'not_found', message: 'work 999 not found' } });
  const browser = await app.inject({ url: '/works/999', headers: { accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8' } });
  assert.match(String(browser.headers['content-type']), /text\/html/);
});

test('a QuireError shows its status and message; anything else is a 500 without internals', async (t) => {
  const { app } = await webApp(t);
  app.get('/boom', async () => {
    throw new Error('SQLITE_ERROR: no such column secret_internal');
  });
  app.get('/conflict', async () => {
    throw new QuireError('conflict', 'tag "Ada" already exists as a character tag');
  });
  const boom = await app.inject('/boom');
  assert.equal(boom.statusCode, 500);
  assert.equal(parsePage(boom).text(parsePage(boom).all('h1')[0]), 'Something went wrong');
  assert.ok(!boom.body.includes('SQLITE') && !boom.body.includes('secret_internal') && !boom.body.includes('server.test'));
  const boomJson = await app.inject('/api/../boom');
  assert.ok(!boomJson.body.includes('SQLITE'));
  const conflict = await app.inject('/conflict');
  assert.equal(conflict.statusCode, 409);
  assert.ok(parsePage(conflict).text().includes('tag "Ada" already exists as a character tag'));
});

test('rate limit: 300 requests per 5 minutes per address; static files are exempt', async (t) => {
  const { app } = await webApp(t);
  for (let i = 0; i < 310; i++) assert.equal((await app.inject('/static/quire.css')).statusCode, 200);
  let last = await app.inject('/fandoms');
  assert.equal(last.headers['x-ratelimit-limit'], '300');
  for (let i = 1; i < 300; i++) last = await app.inject('/nowhere');
  assert.equal(last.statusCode, 404);
  const over = await app.inject('/fandoms');
  assert.equal(over.statusCode, 429);
  assert.match(parsePage(over).text(), /Too many requests/);
  assert.ok(Number(over.headers['retry-after']) > 0);
  const other = await app.inject({ url: '/fandoms', remoteAddress: '10.1.2.3' });
  assert.equal(other.statusCode, 200, 'another address is not limited');
});

test('csrfField: a form carries a token that a protected POST accepts, and without it refuses', async (t) => {
  const { app } = await webApp(t);
  app.get('/test-form', async (_req, reply) => reply.type('text/html').send(html`<form method="post" action="/test-form">${csrfField(reply)}</form>`.value));
  app.post('/test-form', { preHandler: app.csrfProtection }, async () => ({ ok: true }));
  const form = await app.inject('/test-form');
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  assert.ok(token);
  const cookie = form.cookies.find((c) => c.name === '_csrf');
  assert.ok(cookie?.httpOnly);
  const ok = await app.inject({ method: 'POST', url: '/test-form', cookies: { _csrf: cookie.value }, payload: `_csrf=${encodeURIComponent(token)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(ok.statusCode, 200);
  const refused = await app.inject({ method: 'POST', url: '/test-form', cookies: { _csrf: cookie.value }, payload: '_csrf=forged', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(refused.statusCode, 403);
  assert.ok(!refused.body.includes('csrf'), 'the message is the friendly one');
});

test('requests are logged with method, path, status and duration only', async (t) => {
  const lines: string[] = [];
  setRootLogger(pino({ level: 'info' }, new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } })));
  t.after(() => setRootLogger(pino({ level: 'silent' })));
  const { app } = await webApp(t);
  await app.inject({ url: '/works?page=1&q=private+words', cookies: { quire_view_adult: '1', session: 'abc123' } });
  const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request');
  assert.ok(entry);
  assert.equal(entry.cat, 'web');
  assert.equal(entry.method, 'GET');
  assert.equal(entry.path, '/works');
  assert.equal(entry.status, 200);
  assert.equal(typeof entry.ms, 'number');
  assert.ok(!lines.join('').includes('abc123') && !lines.join('').includes('private'), 'no cookies or query in the log');
});

test('layout: title parts, skip link, nav marks the current section', () => {
  const out = layout({ name: 'Fic Shelf' }, { title: ['Work', undefined, 'Chapter 2', 'Fandom'], section: 'fandoms', body: html`<h1>x</h1>` });
  assert.match(out, /<title>Work - Chapter 2 - Fandom - Fic Shelf<\/title>/);
  assert.match(out, /<a href="\/fandoms" aria-current="page">Fandoms<\/a>/);
  assert.match(out, /Fic Shelf runs on Quire/);
});
