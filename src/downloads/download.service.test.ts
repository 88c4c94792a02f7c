import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fakeConverters } from '../../test/downloads/fake-converter.ts';
import { minimalWork, richWork } from '../../test/downloads/fixtures.ts';
import { testArchive } from '../../test/factories.ts';
import { OPERATOR } from '../works/visibility.ts';
import { DiskCache, MemoryCache } from './cache.ts';
import { detectCalibre } from './calibre.ts';
import { DownloadService, downloadsFor } from './download.service.ts';
import { JobQueue } from './jobs.ts';

test('formats: AZW3 and MOBI only with a converter', async () => {
  const archive = await testArchive();
  const without = new DownloadService(archive.config, undefined, { converter: null });
  assert.deepEqual(without.formats().map((f) => f.ext).filter((e) => e !== 'pdf'), ['epub', 'html', 'txt']);
  assert.match(without.why('mobi') ?? '', /need calibre \(ebook-convert\)/);
  const fake = fakeConverters();
  const withIt = new DownloadService(archive.config, undefined, { converter: fake.copy });
  assert.deepEqual(withIt.formats().map((f) => f.ext).filter((e) => e !== 'pdf'), ['epub', 'azw3', 'mobi', 'html', 'txt']);
  fake.cleanup();
  await archive.close();
});

test('cache on disk: one file per revision; an edit makes a new file and removes the old one', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-cache-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const archive = await testArchive();
  const service = new DownloadService(archive.config, archive.events, { converter: null, cacheDir: dir });
  const w = await archive.works.create(richWork());
  const v1 = await archive.works.read(OPERATOR, w.id);
  const first = await service.prepare(v1, 'epub');
  assert.equal(first.state, 'ready');
  await service.prepare(v1, 'txt');
  assert.deepEqual(fs.readdirSync(dir).sort(), [`${w.id}-1.epub`, `${w.id}-1.txt`]);
  const again = await service.prepare(v1, 'epub');
  assert.ok(again.state === 'ready' && first.state === 'ready' && again.bytes.equals(first.bytes));
  assert.equal(first.state === 'ready' && first.etag, `"${w.id}-1.epub"`);

  await archive.works.update(w.id, richWork({ title: 'A New Title' }));
  assert.deepEqual(fs.readdirSync(dir), [], 'the change notice removed the old files');
  const v2 = await archive.works.read(OPERATOR, w.id);
  assert.equal(v2.revision, 2);
  const second = await service.prepare(v2, 'epub');
  assert.ok(second.state === 'ready' && first.state === 'ready' && !second.bytes.equals(first.bytes));
  assert.deepEqual(fs.readdirSync(dir), [`${w.id}-2.epub`]);

  // A stale request for revision 1 (made before the edit, finishing after) does not bring it back.
  await service.cache.put({ workId: w.id, revision: 1, ext: 'epub' }, Buffer.from('old'));
  assert.deepEqual(fs.readdirSync(dir), [`${w.id}-2.epub`]);

  await archive.works.delete(w.id);
  assert.deepEqual(fs.readdirSync(dir), []);
  await archive.close();
});

test('disk cache without change notices (another process wrote the work): a newer revision removes older ones', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-cache-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, '5-1.epub'), 'one');
  fs.writeFileSync(path.join(dir, '5-1.pdf'), 'one');
  fs.writeFileSync(path.join(dir, '6-1.epub'), 'other work');
  fs.writeFileSync(path.join(dir, '.tmp-1-abc'), 'left over');
  const cache = new DiskCache(dir);
  assert.equal((await cache.get({ workId: 5, revision: 1, ext: 'epub' }))?.toString(), 'one');
  await cache.put({ workId: 5, revision: 3, ext: 'epub' }, Buffer.from('three'));
  assert.deepEqual(fs.readdirSync(dir).sort(), ['5-3.epub', '6-1.epub']);
  assert.equal(await cache.get({ workId: 5, revision: 1, ext: 'epub' }), undefined);
});

test('memory cache (":memory:" archives): per revision, bounded', async () => {
  const cache = new MemoryCache(3);
  await cache.put({ workId: 1, revision: 1, ext: 'epub' }, Buffer.from('a'));
  await cache.put({ workId: 1, revision: 2, ext: 'epub' }, Buffer.from('b'));
  assert.deepEqual(cache.names(), ['1-2.epub']);
  for (const id of [2, 3, 4]) await cache.put({ workId: id, revision: 1, ext: 'txt' }, Buffer.from('x'));
  assert.deepEqual(cache.names(), ['2-1.txt', '3-1.txt', '4-1.txt']);
  const archive = await testArchive();
  assert.ok(downloadsFor(archive).cache instanceof MemoryCache);
  assert.equal(downloadsFor(archive), downloadsFor(archive));
  await archive.close();
});

test('concurrent requests for the same file make it once', async () => {
  const archive = await testArchive();
  const service = new DownloadService(archive.config, archive.events, { converter: null });
  const w = await archive.works.read(OPERATOR, (await archive.works.create(minimalWork())).id);
  const results = await Promise.all(Array.from({ length: 5 }, () => service.prepare(w, 'epub')));
  const bytes = results.map((r) => (r.state === 'ready' ? r.bytes : undefined));
  assert.ok(bytes.every((b) => b === bytes[0]), 'the very same buffer');
  await archive.close();
});

test('calibre formats are made in the background: preparing, then ready, from the EPUB', async (t) => {
  const fake = fakeConverters();
  t.after(fake.cleanup);
  const archive = await testArchive();
  const service = new DownloadService(archive.config, archive.events, { converter: fake.copy });
  const w = await archive.works.read(OPERATOR, (await archive.works.create(richWork())).id);
  assert.equal((await service.prepare(w, 'mobi')).state, 'preparing');
  assert.equal((await service.prepare(w, 'mobi')).state, 'preparing', 'asked again while it runs');
  await service.idle();
  const ready = await service.prepare(w, 'mobi');
  assert.equal(ready.state, 'ready');
  const epub = await service.prepare(w, 'epub');
  assert.ok(ready.state === 'ready' && epub.state === 'ready');
  assert.deepEqual(ready.bytes, Buffer.concat([Buffer.from('CONVERTED:mobi:'), epub.bytes]));
  assert.equal(ready.format.mime, 'application/x-mobipocket-ebook');
  // The CLI converts at once.
  const azw3 = await service.render(w, 'azw3');
  assert.equal(azw3.toString('latin1', 0, 15), 'CONVERTED:azw3:');
  await archive.close();
});

test('a failed conversion is reported once (without its internals), then tried again', async (t) => {
  const fake = fakeConverters();
  t.after(fake.cleanup);
  const archive = await testArchive();
  const service = new DownloadService(archive.config, archive.events, { converter: fake.fail });
  const w = await archive.works.read(OPERATOR, (await archive.works.create(minimalWork())).id);
  assert.equal((await service.prepare(w, 'azw3')).state, 'preparing');
  await service.idle();
  const failed = await service.prepare(w, 'azw3');
  assert.equal(failed.state, 'failed');
  assert.ok(failed.state === 'failed' && failed.status === 500 && !/secret|Traceback/.test(failed.message), failed.state === 'failed' ? failed.message : '');
  assert.equal((await service.prepare(w, 'azw3')).state, 'preparing', 'asking again retries');
  await service.idle();
  await assert.rejects(service.render(w, 'azw3'), /failed \(exit 3\)/);
  await archive.close();
});

test('long works get their PDF in the background; short ones at once', async () => {
  const archive = await testArchive();
  const service = new DownloadService(archive.config, archive.events, { converter: null, pdfInlineWords: 20 });
  const short = await archive.works.read(OPERATOR, (await archive.works.create(minimalWork())).id);
  const long = await archive.works.read(OPERATOR, (await archive.works.create(richWork())).id);
  assert.equal(service.inBackground(short, 'pdf'), false);
  assert.equal(service.inBackground(long, 'pdf'), true);
  assert.equal(service.inBackground(long, 'epub'), false);
  await archive.close();
});

test('job queue: one at a time, each key once, failures kept until read, a full queue refuses', async () => {
  const queue = new JobQueue(1, 2);
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  assert.ok(queue.enqueue('a', async () => { order.push('a start'); await gate; order.push('a end'); }));
  assert.ok(queue.enqueue('a', async () => order.push('a twice')));
  assert.ok(queue.enqueue('b', async () => { order.push('b'); throw new Error('boom'); }));
  assert.ok(queue.enqueue('c', async () => order.push('c')));
  assert.equal(queue.enqueue('d', async () => order.push('d')), false, 'two waiting already');
  assert.ok(queue.has('a') && queue.has('b') && !queue.has('d'));
  release();
  await queue.idle();
  assert.deepEqual(order, ['a start', 'a end', 'b', 'c']);
  assert.equal(queue.takeFailure('b'), 'the file could not be made');
  assert.equal(queue.takeFailure('b'), undefined);
  assert.equal(queue.takeFailure('c'), undefined);
});

test('real calibre: AZW3 and MOBI from the EPUB', { skip: detectCalibre() ? false : 'ebook-convert (calibre) is not installed; the background path is covered by the stand-in converter above' }, async () => {
  const archive = await testArchive();
  const service = new DownloadService(archive.config, archive.events, { converter: detectCalibre() });
  const w = await archive.works.read(OPERATOR, (await archive.works.create(minimalWork())).id);
  const mobi = await service.render(w, 'mobi');
  assert.equal(mobi.toString('latin1', 60, 68), 'BOOKMOBI');
  const azw3 = await service.render(w, 'azw3');
  assert.equal(azw3.toString('latin1', 60, 68), 'BOOKMOBI');
  await archive.close();
});
