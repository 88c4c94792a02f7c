import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ATTACKS } from './corpus.ts';
import { inspectAtom, inspectHtml } from './inspect.ts';
import { seedXss } from './seed.ts';

test('the corpus has at least 100 attack strings of its own, each with its own number', () => {
  assert.ok(ATTACKS.length >= 100, `${ATTACKS.length} attacks`);
  assert.equal(new Set(ATTACKS.map((a) => a.text)).size, ATTACKS.length, 'no two alike');
  for (const a of ATTACKS) assert.ok(a.text.includes(String(a.n)), `attack ${a.n} carries its number`);
});

test('the inspector finds what it is meant to find', () => {
  const found = (html: string) => inspectHtml(`<html><head></head><body>${html}</body></html>`).map((f) => f.what);
  assert.deepEqual(found('<p>fine <a href="https://example.org/">link</a></p><form action="/search"><input name="q"></form>'), []);
  assert.deepEqual(found('&lt;script&gt;__xss=1&lt;/script&gt;'), [], 'escaped text is text');
  assert.ok(found('<script>__xss=1</script>').length === 1);
  assert.ok(found('<img src=x onerror=__xss=1>').some((w) => w.startsWith('onerror')));
  assert.ok(found('<a href="  JaVa&#x09;script:x">a</a>').some((w) => w.startsWith('javascript:')));
  assert.ok(found('<svg><circle/></svg>').includes('<svg>'));
  assert.ok(found('<p style="color:red">x</p>').some((w) => w.startsWith('style=')));
  assert.ok(found('<form action="https://evil.example/"><input></form>').length >= 1);
  assert.ok(found('<meta http-equiv="refresh" content="0;url=/">').length >= 1);
  assert.ok(found('<textarea>x</textarea>').length === 1, 'a form control outside a form of Quire\'s');
  assert.ok(inspectAtom('<feed><entry><content type="html">&lt;img src=x onerror=__xss=1&gt;</content></entry></feed>').length === 1);
});

test('every attack through every input: no page, form echo, download or feed carries markup that runs', { timeout: 600_000 }, async (t) => {
  const world = await seedXss();
  t.after(() => world.close());
  assert.equal(world.workIds.length, ATTACKS.length, `every attack made it into a work (refused: ${world.echoes.filter((e) => e.what.startsWith('work form')).map((e) => e.what).join(', ')})`);
  const failures: string[] = [];
  for (const echo of world.echoes) {
    for (const f of inspectHtml(echo.body)) failures.push(`${echo.what} (${echo.status}): ${f.what} near ${f.near}`);
  }
  let checked = 0;
  for (const target of world.targets) {
    const res = await world.clients[target.as].get(target.url);
    if (res.statusCode >= 500) failures.push(`${target.as} GET ${target.url}: ${res.statusCode}`);
    const type = String(res.headers['content-type'] ?? '');
    if (target.kind === 'json' && res.statusCode === 200) {
      if (!type.startsWith('application/json')) failures.push(`${target.url}: JSON served as ${type}`);
      if (res.headers['x-content-type-options'] !== 'nosniff') failures.push(`${target.url}: no nosniff`);
      continue;
    }
    if (res.statusCode === 202) continue; // a download still being prepared
    checked++;
    const findings = target.kind === 'atom' && res.statusCode === 200 ? inspectAtom(res.body) : /html/.test(type) ? inspectHtml(res.body) : [];
    for (const f of findings) failures.push(`${target.as} GET ${target.url}: ${f.what} near ${f.near}`);
  }
  t.diagnostic(`${checked} pages and ${world.echoes.length} form answers checked`);
  assert.ok(checked > 400);
  if (failures.length > 0) assert.fail(`${failures.length} findings:\n${failures.slice(0, 80).join('\n')}`);
});
