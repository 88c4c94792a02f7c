import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { testArchive } from '../../test/factories.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { refreshFilterTags } from '../../src/tags/filter-tags.ts';
import { foldName } from '../../src/tags/tag.types.ts';
import SQLite from 'better-sqlite3';
import { htmlToText, sanitize } from '../../src/formats/sanitize.ts';
import { LIMITS } from '../../src/works/limits.ts';
import { countWords } from '../../src/works/word-count.ts';
import { loadChapters, loadWorks } from '../../src/works/work.repository.ts';
import type { Chapter, Work, WorkInput } from '../../src/works/work.types.ts';
import { validateWork } from '../../src/works/work.validate.ts';
import { generateCorpus } from './generate.ts';
import { STATE_KEY } from '../../src/search/postings/io.ts';
import { removeDir, tableHashes, tempCorpus, tempDir } from './testing.ts';

const N = 300;
const dirs: string[] = [];
let full: Awaited<ReturnType<typeof tempCorpus>>;
let store: Store;
let works: Work[];

before(async () => {
  full = await tempCorpus({ works: N, seed: 'a' });
  dirs.push(full.dir);
  store = await openStore({ dataDir: full.dir });
  works = await loadWorks(store.db, Array.from({ length: N }, (_, i) => i + 1));
});

after(async () => {
  await store.close();
  for (const d of dirs) removeDir(d);
});

/** The WorkInput an author would have submitted to produce this work. */
function inputOf(w: Work, chapters: Chapter[]): WorkInput {
  return {
    title: w.title, summary: w.summary, notes: w.notes, endNotes: w.endNotes,
    rating: w.rating, warnings: w.warnings, categories: w.categories,
    fandoms: w.fandoms, relationships: w.relationships, characters: w.characters, tags: w.tags,
    language: w.language, complete: w.complete, expectedChapters: w.expectedChapters,
    creators: w.creators.map((c) => c.name), publishedOn: w.publishedOn, updatedOn: w.updatedOn,
    status: w.status, restricted: w.restricted,
    series: w.series.map((s) => ({ title: s.title, position: s.position })),
    chapters: chapters.map((c) => ({ title: c.title, summary: c.summary, notes: c.notes, endNotes: c.endNotes, html: c.html, publishedOn: c.publishedOn })),
  };
}

test('the same seed gives identical tables; another seed does not', async () => {
  const again = await tempCorpus({ works: N, seed: 'a' });
  const other = await tempCorpus({ works: N, seed: 'b' });
  dirs.push(again.dir, other.dir);
  const [h1, h2, h3] = [tableHashes(full.file), tableHashes(again.file), tableHashes(other.file)];
  assert.deepEqual(h2, h1);
  for (const t of ['works', 'chapters', 'tags', 'work_tags', 'filter_taggings', 'pseuds']) assert.notEqual(h3[t], h1[t], t);
});

test('the metadata does not depend on the text mode', async () => {
  const none = await tempCorpus({ works: N, seed: 'a', text: { kind: 'none' } });
  dirs.push(none.dir);
  const [a, b] = [tableHashes(full.file), tableHashes(none.file)];
  for (const t of Object.keys(a)) if (t !== 'chapters' && t !== 'settings') assert.equal(b[t], a[t], t);
  assert.equal(none.summary.words, full.summary.words);
  assert.equal(none.summary.textWords, 0);
  const db = new SQLite(none.file, { readonly: true });
  try {
    const bodies = db.prepare('SELECT body FROM chapters').all() as { body: string }[];
    for (const b of bodies) assert.ok(htmlToText(b.body).length >= LIMITS.chapterMin && sanitize(b.body) === b.body);
  } finally {
    db.close();
  }
});

test('every work loads and passes the app validation unchanged', async () => {
  assert.equal(works.length, N);
  for (const w of works) {
    const chapters = await loadChapters(store.db, w.id);
    assert.equal(chapters.length, w.chapterCount);
    assert.deepEqual(chapters.map((c) => c.position), chapters.map((_, i) => i + 1));
    const v = validateWork(inputOf(w, chapters));
    const fields = [v.title, v.summary, v.notes, v.endNotes, v.language, v.complete, v.expectedChapters, v.publishedOn, v.updatedOn, v.words];
    assert.deepEqual(fields, [w.title, w.summary, w.notes, w.endNotes, w.language, w.complete, w.expectedChapters, w.publishedOn, w.updatedOn, w.words], `work ${w.id}`);
    assert.deepEqual([v.fandoms, v.relationships, v.characters, v.tags], [w.fandoms, w.relationships, w.characters, w.tags]);
    v.chapters.forEach((c, i) => {
      assert.equal(c.html, chapters[i]!.html, `work ${w.id} chapter ${i + 1} html`);
      assert.equal(c.words, chapters[i]!.words, `work ${w.id} chapter ${i + 1} words`);
      assert.equal(c.publishedOn, chapters[i]!.publishedOn);
    });
  }
});

test('rows are what WorkService.create writes for the same input', async () => {
  const archive = await testArchive();
  const sqlite = store.sqlite!;
  const cols = 'title, summary, notes, end_notes, rating, language, complete, expected_chapters, word_count, chapter_count, status, restricted, published_on, updated_on, import_hash';
  const chapterCols = 'position, title, summary, notes, end_notes, body, word_count, published_on';
  const tagsOf = (db: typeof sqlite, id: number) =>
    db.prepare('SELECT t.type, t.name, t.name_key, wt.position FROM work_tags wt JOIN tags t ON t.id = wt.tag_id WHERE wt.work_id = ? ORDER BY wt.position').all(id);
  try {
    for (const w of works.slice(0, 25)) {
      const created = await archive.works.create(inputOf(w, await loadChapters(store.db, w.id)));
      const mem = archive.store.sqlite!;
      assert.deepEqual(mem.prepare(`SELECT ${cols} FROM works WHERE id = ?`).get(created.id), sqlite.prepare(`SELECT ${cols} FROM works WHERE id = ?`).get(w.id));
      assert.deepEqual(
        mem.prepare(`SELECT ${chapterCols} FROM chapters WHERE work_id = ? ORDER BY position`).all(created.id),
        sqlite.prepare(`SELECT ${chapterCols} FROM chapters WHERE work_id = ? ORDER BY position`).all(w.id),
      );
      assert.deepEqual(tagsOf(mem, created.id), tagsOf(sqlite, w.id));
      assert.deepEqual(created.creators.map((c) => c.name), w.creators.map((c) => c.name));
    }
  } finally {
    await archive.close();
  }
});

test('stored filter tags equal what refreshFilterTags computes', async () => {
  const copy = tempDir();
  dirs.push(copy);
  fs.copyFileSync(full.file, path.join(copy, 'quire.db'));
  const other = await openStore({ dataDir: copy });
  try {
    const read = (s: Store) => s.sqlite!.prepare('SELECT work_id, tag_id FROM filter_taggings ORDER BY work_id, tag_id').all();
    const before = read(other);
    await refreshFilterTags(other.db, works.map((w) => w.id));
    assert.deepEqual(read(other), before);
    assert.ok(before.length > N * 10);
  } finally {
    await other.close();
  }
});

test('the archive is consistent: keys, limits, dates, counts', () => {
  const db = store.sqlite!;
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  const row = <T>(sql: string) => db.prepare(sql).get() as T;
  assert.equal(row<{ n: number }>('SELECT count(*) n FROM works w WHERE word_count != (SELECT sum(word_count) FROM chapters c WHERE c.work_id = w.id)').n, 0);
  assert.equal(row<{ n: number }>('SELECT count(*) n FROM works WHERE updated_on < published_on OR published_on > date(\'now\')').n, 0);
  assert.equal(row<{ n: number }>('SELECT max(length(body)) n FROM chapters').n < 510_000, true);
  const tags = db.prepare('SELECT name, name_key FROM tags').all() as { name: string; name_key: string }[];
  for (const t of tags) assert.equal(t.name_key, foldName(t.name));
  const pseuds = db.prepare('SELECT name, name_key FROM pseuds').all() as { name: string; name_key: string }[];
  for (const p of pseuds) assert.equal(p.name_key, foldName(p.name));
  // Synonyms point at canonical tags of their own type; metatags and parent fandoms exist.
  assert.equal(row<{ n: number }>('SELECT count(*) n FROM tags s JOIN tags c ON c.id = s.synonym_of WHERE c.canonical != 1 OR c.type != s.type').n, 0);
  assert.ok(row<{ n: number }>("SELECT count(*) n FROM tag_links WHERE kind = 'meta'").n > 20);
  assert.ok(row<{ n: number }>("SELECT count(*) n FROM tag_links l JOIN tags p ON p.id = l.parent_id WHERE kind = 'fandom' AND p.type = 'fandom'").n > 50);
  assert.ok(row<{ n: number }>('SELECT count(*) n FROM work_tags wt JOIN tags t ON t.id = wt.tag_id WHERE t.synonym_of IS NOT NULL').n > 0);
});

test('a word budget gives text to the first works only; the rest carry a stand-in', async () => {
  const budget = await tempCorpus({ works: 100, seed: 'a', text: { kind: 'budget', words: 50_000 } });
  dirs.push(budget.dir);
  const { worksWithText, textWords } = budget.summary;
  assert.ok(worksWithText > 0 && worksWithText < 100);
  assert.ok(textWords >= 50_000);
  const s = await openStore({ dataDir: budget.dir });
  try {
    const rows = s.sqlite!.prepare('SELECT work_id, body, word_count FROM chapters ORDER BY id').all() as { work_id: number; body: string; word_count: number }[];
    for (const r of rows) {
      const counted = countWords(htmlToText(r.body));
      if (r.work_id <= worksWithText) assert.equal(counted, r.word_count);
      else assert.ok(counted <= 16 && htmlToText(r.body).length >= 10);
    }
  } finally {
    await s.close();
  }
});

test('builds the full-text index with the search engine when asked', async () => {
  const d = tempDir();
  dirs.push(d);
  const s = await generateCorpus({ works: 20, dataDir: d, seed: 'a', text: { kind: 'full' } });
  assert.equal(s.reindexed, true);
  assert.ok(s.dbBytes > s.rowsBytes);
  const db = new SQLite(path.join(d, 'quire.db'), { readonly: true });
  try {
    assert.ok(db.prepare("SELECT value FROM settings WHERE key = 'search.fts_version'").get());
    // The frequency postings too, as `quire reindex` builds them: the first start has nothing to build.
    assert.ok(db.prepare('SELECT value FROM settings WHERE key = ?').get(STATE_KEY));
  } finally {
    db.close();
  }
});

test('refuses to overwrite an archive unless forced', async () => {
  await assert.rejects(generateCorpus({ works: 5, dataDir: full.dir, seed: 'a', text: { kind: 'none' }, reindex: false }), /already exists/);
  const d = tempDir();
  dirs.push(d);
  await generateCorpus({ works: 5, dataDir: d, seed: 'a', text: { kind: 'none' }, reindex: false });
  const s = await generateCorpus({ works: 7, dataDir: d, seed: 'a', text: { kind: 'none' }, reindex: false, force: true });
  assert.equal(s.works, 7);
});
