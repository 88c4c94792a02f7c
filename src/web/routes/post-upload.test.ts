import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAttributeValue } from 'domutils';
import { UPLOAD_MAX_BYTES } from '../../works/posting-upload.ts';
import { parsePage } from '../testing.ts';
import { accountsApp, Browser } from './account.testing.ts';
import { multipart, upload, workIdFrom } from './post.testing.ts';

const OPERATOR = { kind: 'operator' } as const;

const TXT = `---
title: Tidewater Lanterns
fandoms: Saltmarsh Chronicles
rating: teen
warnings: none
characters: [Ada Marsh, Bea Tollard]
creators: [someone_else]
series: Tidewater
published: 2024-11-02
---

## The Jetty

Ada waited on the jetty until the lanterns came in with the tide.

## The Lamp Room

Bea kept the lamp room tidy, and never let anyone see her count the wicks.
`;

const MD = `# A Kettle for Two

*by Quillmouse*

The kettle had been singing for an hour before anyone thought to take it off the stove.

Nobody minded: it was that kind of house.
`;

const HTML = `<!doctype html><html><head><title>The Glass Float</title><meta name="author" content="Someone"></head>
<body><h1>The Glass Float</h1><p>A green glass float came ashore <em>after</em> the storm.</p>
<p onclick="steal()">She kept it on the sill.</p><script>alert(1)</script></body></html>`;

async function writer(h: Awaited<ReturnType<typeof accountsApp>>, username = 'ren_writes', ip = '203.0.113.90') {
  const b = new Browser(h.app, ip);
  assert.equal((await b.signUp(username)).statusCode, 303);
  const account = (await h.archive.accounts.byUsername(username))!;
  return { b, account, pseudId: account.defaultPseudId! };
}

function inputValue(body: string, id: string): string | undefined {
  const el = parsePage(body).all('input').find((e) => getAttributeValue(e, 'id') === id);
  return el ? getAttributeValue(el, 'value') : undefined;
}

test('an uploaded .txt becomes a draft credited to the uploader, opened in the edit form', async (t) => {
  const h = await accountsApp(t);
  const { b, account } = await writer(h);
  assert.equal((await new Browser(h.app, '203.0.113.91').get('/works/upload')).headers.location, '/login?return_to=%2Fworks%2Fupload');
  const form = await b.get('/works/upload');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);

  const res = await upload(b, { name: 'tidewater.txt', content: TXT });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const id = workIdFrom(res);
  assert.equal(res.headers.location, `/works/${id}/edit?done=uploaded&suggest=1`);
  const work = await h.archive.works.read(OPERATOR, id);
  assert.equal(work.status, 'draft');
  assert.equal(work.title, 'Tidewater Lanterns');
  assert.deepEqual(work.creators.map((c) => c.id), [account.defaultPseudId], 'the file’s creator is not credited');
  assert.deepEqual(work.fandoms, ['Saltmarsh Chronicles']);
  assert.deepEqual(work.chapters.map((c) => c.title), ['The Jetty', 'The Lamp Room']);
  assert.equal(work.series[0]?.title, 'Tidewater');

  const edit = await b.get(res.headers.location as string);
  assert.equal(edit.statusCode, 200);
  assert.match(parsePage(edit).text(), /Your file was read into this draft/);
  assert.equal(inputValue(edit.body, 'work-title'), 'Tidewater Lanterns');
  assert.equal(inputValue(edit.body, 'work-characters'), 'Ada Marsh, Bea Tollard');
  assert.equal(inputValue(edit.body, 'work-published-on'), '2024-11-02', 'a date from the file backdates the draft');
  assert.equal((await new Browser(h.app, '203.0.113.92').get(`/works/${id}`)).statusCode, 404, 'nobody else sees it');

  // The same file again makes a second draft (no import hash: two people may upload one file).
  assert.notEqual(workIdFrom(await upload(b, { name: 'tidewater.txt', content: TXT })), id);
});

test('.md and .html uploads go through their importers; HTML is sanitized', async (t) => {
  const h = await accountsApp(t);
  const { b } = await writer(h);
  const md = await h.archive.works.read(OPERATOR, workIdFrom(await upload(b, { name: 'kettle.md', content: MD })));
  assert.equal(md.title, 'A Kettle for Two');
  assert.match(md.chapters[0]!.html, /The kettle had been singing/);
  const page = await h.archive.works.read(OPERATOR, workIdFrom(await upload(b, { name: 'float.HTML', content: HTML })));
  assert.equal(page.title, 'The Glass Float');
  assert.match(page.chapters[0]!.html, /<em>after<\/em>/);
  assert.doesNotMatch(page.chapters[0]!.html, /script|onclick|alert/);
});

test('uploads that cannot be used come back to the form with the reason', async (t) => {
  const h = await accountsApp(t);
  const { b, pseudId } = await writer(h);
  const other = await writer(h, 'kit_reads', '203.0.113.93');

  const big = await upload(b, { name: 'huge.txt', content: Buffer.alloc(UPLOAD_MAX_BYTES + 10, 'a') });
  assert.equal(big.statusCode, 413);
  assert.match(parsePage(big).text(), /The file is larger than 5 MB/);

  const docx = await upload(b, { name: 'story.docx', content: 'PK...' });
  assert.equal(docx.statusCode, 422);
  assert.match(parsePage(docx).text(), /"story\.docx" is not a kind of file Quire reads \(\.txt, \.md/);

  const empty = await upload(b, { name: 'empty.txt', content: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(parsePage(empty).text(), /"empty\.txt" is empty/);

  const broken = await upload(b, { name: 'broken.txt', content: '---\nfandomz: X\n---\n\nSome text long enough to count.\n' });
  assert.equal(broken.statusCode, 422);
  assert.match(parsePage(broken).text(), /could not be read: .*unknown key "fandomz"/);

  const short = await upload(b, { name: 'short.txt', content: 'Tiny.\n' });
  assert.equal(short.statusCode, 422);
  assert.match(parsePage(short).text(), /Chapter text is 5 characters/);

  const notMine = await upload(b, { name: 'tide.txt', content: TXT }, { pseud: String(other.pseudId) });
  assert.equal(notMine.statusCode, 422);
  assert.match(parsePage(notMine).text(), /choose one of your pen names/);

  const page = await b.get('/works/upload');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const none = multipart({ _csrf: token, pseud: String(pseudId) });
  const noFile = await b.send('/works/upload', none.contentType, none.body);
  assert.equal(noFile.statusCode, 422);
  assert.match(parsePage(noFile).text(), /The file is needed/);

  const forged = multipart({ pseud: String(pseudId) }, { name: 'tide.txt', content: TXT });
  assert.equal((await b.send('/works/upload', forged.contentType, forged.body)).statusCode, 403, 'no CSRF token, no upload');
  assert.equal((await h.archive.works.list(OPERATOR)).total, 0, 'nothing was stored');
});
