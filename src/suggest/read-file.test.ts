import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isQuireError } from '../errors.ts';
import { chapterText, readChapters } from './read-file.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-suggest-read-'));
const write = (name: string, body: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
};

test('.txt, .md and .html files read into chapters of plain text, scene breaks kept', async () => {
  const txt = await readChapters(write('a.txt', 'Tobin kissed Mara.\n\n* * *\n\nLater.\n\n## Two\n\nIlse slept.\n'));
  assert.deepEqual(txt, [{ text: 'Tobin kissed Mara.\n\n* * *\n\nLater.' }, { title: 'Two', text: 'Ilse slept.' }]);
  const md = await readChapters(write('b.md', '# One\n\nTobin *kissed* Mara.\n\n---\n\nLater.\n\n# Two\n\nIlse slept.\n'));
  assert.deepEqual(md.map((c) => c.text), ['Tobin kissed Mara.\n\n* * *\n\nLater.', 'Ilse slept.']);
  const html = await readChapters(write('c.html', '<h2>One</h2><p>Tobin kissed Mara &amp; ran.</p><hr><p>Later.</p><h2>Two</h2><p>Ilse slept.</p>'));
  assert.deepEqual(html.map((c) => c.text), ['Tobin kissed Mara & ran.\n\n* * *\n\nLater.', 'Ilse slept.']);
});

test('chapterText turns a horizontal rule into a scene break and drops tags', () => {
  assert.equal(chapterText('<p>One <em>two</em></p><hr /><p>Three</p>'), 'One two\n\n* * *\n\nThree');
});

test('a missing file, a directory and an unknown format are clear errors', async () => {
  const fails = async (file: string, code: string, message: RegExp) => {
    await assert.rejects(readChapters(file), (err) => isQuireError(err) && err.code === code && message.test(err.message));
  };
  await fails(path.join(dir, 'nope.txt'), 'not_found', /nope\.txt: no such file/);
  fs.mkdirSync(path.join(dir, 'folder.txt'), { recursive: true });
  await fails(path.join(dir, 'folder.txt'), 'bad_request', /is a directory/);
  await fails(write('story.pdf', '%PDF'), 'unsupported_format', /story\.pdf: unsupported format/);
  await fails(write('empty.txt', ''), 'import_failed', /empty/);
});
