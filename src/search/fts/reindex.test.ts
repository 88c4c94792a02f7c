import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWork, testConfig } from '../../../test/factories.ts';
import { archiveOn } from '../../archive.ts';
import { openStore } from '../../store/store.ts';
import { reindexAll } from './reindex.ts';
import { POSTINGS_DEFAULTS } from '../postings/postings.ts';
import { SqlitePostingsIO } from '../postings/sqlite-io.ts';

/** Everything FTS5 knows about the indexed text: per term, rows and occurrences, in both tables. */
function vocabulary(sqlite: NonNullable<Awaited<ReturnType<typeof openStore>>['sqlite']>): string[] {
  return ['search_chapters_vocab', 'search_works_vocab'].flatMap((t) =>
    (sqlite.prepare(`SELECT term, doc, cnt FROM ${t} ORDER BY term`).raw().all() as [string, number, number][]).map((r) => `${t} ${r.join(' ')}`),
  );
}

test('a rebuild (worker thread, several batches, or main thread) writes exactly what the write path wrote', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-reindex-'));
  const store = await openStore({ dataDir: dir });
  try {
    const a = archiveOn({ ...testConfig(), dataDir: dir }, store);
    await a.works.create(buildWork({ title: 'Harbour Lights', summary: '<p>Tea by the sea.</p>', chapters: [{ html: '<p>The café was closed; Zoë waited.</p>' }, { html: '<p>A silver ship came in.</p>' }] }));
    await a.works.create(buildWork({ title: '东京之夜', language: 'zh', chapters: [{ html: '<p>我爱你，东京的夜晚很美丽。</p>' }] }));
    await a.works.create(buildWork({ title: 'ひかり', language: 'ja', tags: ['Slow Burn'], chapters: [{ html: '<p>きょうはとてもいいてんきです。</p>' }] }));
    for (let i = 0; i < 4; i++) await a.works.create(buildWork({ chapters: [{ html: `<p>Storm number ${i} &amp; the lamp &lt;lit&gt;.</p>` }] }));
    const sqlite = store.sqlite!;
    const written = vocabulary(sqlite);
    assert.ok(written.length > 40);
    const seen: [number, number][] = [];
    assert.deepEqual(await reindexAll(store, (done, total) => seen.push([done, total]), { batch: 2, workerMinWorks: 1 }), { works: 7 });
    assert.deepEqual(vocabulary(sqlite), written, 'worker thread');
    assert.deepEqual(seen, [[0, 7], [2, 7], [4, 7], [6, 7], [7, 7]]);
    await reindexAll(store, undefined, { batch: 3 });
    assert.deepEqual(vocabulary(sqlite), written, 'main thread');
    // The frequency postings, built in the worker (blocks too) or on the main thread, are the same rows.
    const io = new SqlitePostingsIO(sqlite);
    const postings = { writer: io, opts: { ...POSTINGS_DEFAULTS, minRows: 1, phraseWordRows: 1, minPhraseRows: 1 } };
    const tables = () => ['search_keys', 'search_postings', 'search_lengths', 'search_work_keys'].map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all()));
    await reindexAll(store, undefined, { batch: 2, workerMinWorks: 1, postings });
    const inWorker = tables();
    assert.ok(JSON.parse(inWorker[1]!).length > 50, 'postings rows were written');
    await reindexAll(store, undefined, { batch: 3, postings, fts: false });
    assert.deepEqual(tables(), inWorker);
    assert.deepEqual(vocabulary(sqlite), written, 'a postings-only rebuild leaves FTS5 alone');
    assert.equal(sqlite.prepare("SELECT count(*) FROM search_chapters WHERE search_chapters MATCH '\"东 京\"'").pluck().get(), 1);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
