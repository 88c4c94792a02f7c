import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { fandomSizes } from './fandom-sizes.ts';
import { removeDir, tempCorpus } from './testing.ts';

/** The archive's shape against REFERENCE §8, on 5,000 works without text (sampling noise ≈ ±1 point). */
const N = 5_000;
let dir: string;
let db: SQLite.Database;

before(async () => {
  const c = await tempCorpus({ works: N, seed: 'shape', text: { kind: 'none' } });
  dir = c.dir;
  db = new SQLite(c.file, { readonly: true });
});

after(() => {
  db.close();
  removeDir(dir);
});

const pct = (sql: string, ...params: unknown[]): number => (100 * (db.prepare(sql).get(...params) as { n: number }).n) / N;
const near = (actual: number, expected: number, tolerance: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(1)}%, expected ${expected}% ± ${tolerance}`);
const tagShare = (name: string): number => pct('SELECT count(*) n FROM work_tags wt JOIN tags t ON t.id = wt.tag_id WHERE t.name = ?', name);

test('ratings, warnings and categories', () => {
  const expected: [string, number][] = [['General Audiences', 27.8], ['Teen And Up Audiences', 29.9], ['Mature', 15.1], ['Explicit', 16.3], ['Not Rated', 10.9]];
  for (const [r, p] of expected) {
    near(pct('SELECT count(*) n FROM works WHERE rating = ?', r), p, 2.5, r);
    near(tagShare(r), p, 2.5, `${r} tag`);
  }
  near(tagShare('No Archive Warnings Apply'), 56, 3, 'No Archive Warnings Apply');
  near(tagShare('Creator Chose Not To Use Archive Warnings'), 35, 3, 'Creator Chose Not To Use');
  near(tagShare('M/M'), 51, 3, 'M/M');
  near(tagShare('F/M'), 25, 3, 'F/M');
  near(tagShare('Gen'), 20, 3, 'Gen');
  assert.ok(tagShare('F/F') < 12 && tagShare('Multi') < 8 && tagShare('Other') < 8);
});

test('languages, completion, visibility', () => {
  near(pct("SELECT count(*) n FROM works WHERE language = 'en'"), 90.6, 2, 'English');
  near(pct("SELECT count(*) n FROM works WHERE language = 'zh'"), 4.6, 1.5, 'Chinese');
  near(pct("SELECT count(*) n FROM works WHERE language = 'ru'"), 1.9, 1, 'Russian');
  assert.ok((db.prepare('SELECT count(DISTINCT language) n FROM works').get() as { n: number }).n >= 8);
  near(pct('SELECT count(*) n FROM works WHERE complete = 1'), 84, 2, 'complete');
  near(pct("SELECT count(*) n FROM works WHERE status = 'draft'"), 1, 0.7, 'drafts');
  near(pct('SELECT count(*) n FROM works WHERE restricted = 1'), 5, 1.5, 'restricted');
});

test('word counts and chapters', () => {
  near(pct('SELECT count(*) n FROM works WHERE word_count <= 25000'), 94, 1.5, '≤ 25 k words');
  near(pct('SELECT count(*) n FROM works WHERE word_count > 25000 AND word_count < 50000'), 3.3, 1.2, '25–50 k');
  near(pct('SELECT count(*) n FROM works WHERE word_count >= 50000'), 2.5, 1.2, '≥ 50 k');
  assert.ok(pct('SELECT count(*) n FROM works WHERE chapter_count = 1') > 70, 'mostly one-shots');
  const max = db.prepare('SELECT max(word_count) w FROM chapters').get() as { w: number };
  assert.ok(max.w <= 30_000);
});

test('tags per work, tag popularity and synonyms', () => {
  const perWork = db.prepare('SELECT count(*) n FROM work_tags GROUP BY work_id').all() as { n: number }[];
  const mean = perWork.reduce((a, r) => a + r.n, 0) / perWork.length;
  assert.ok(mean > 15.5 && mean < 18.5, `mean tags per work ${mean}`);
  const hist = new Map<number, number>();
  for (const r of perWork) hist.set(r.n, (hist.get(r.n) ?? 0) + 1);
  const mode = [...hist].sort((a, b) => b[1] - a[1])[0]![0];
  assert.ok(mode >= 9 && mode <= 13, `mode ${mode}`);
  const free = db.prepare("SELECT max(n) m FROM (SELECT count(*) n FROM work_tags wt JOIN tags t ON t.id = wt.tag_id WHERE t.type IN ('fandom','relationship','character','additional') GROUP BY work_id)").get() as { m: number };
  assert.ok(free.m <= 75);
  const tags = (db.prepare('SELECT count(*) n FROM tags').get() as { n: number }).n;
  const rare = (db.prepare('SELECT count(*) n FROM (SELECT t.id, count(wt.work_id) c FROM tags t LEFT JOIN work_tags wt ON wt.tag_id = t.id GROUP BY t.id) WHERE c < 5').get() as { n: number }).n;
  const synonyms = (db.prepare('SELECT count(*) n FROM tags WHERE synonym_of IS NOT NULL').get() as { n: number }).n;
  near((100 * rare) / tags, 89, 5, 'tags used < 5 times');
  near((100 * synonyms) / tags, 24, 5, 'synonyms');
  near(pct("SELECT count(*) n FROM (SELECT work_id FROM work_tags wt JOIN tags t ON t.id = wt.tag_id WHERE t.type = 'fandom' GROUP BY work_id HAVING count(*) > 1)"), 6.5, 2.5, 'multi-fandom works');
});

test('engagement is skewed and dates are sane', () => {
  const col = (c: string) => (db.prepare(`SELECT ${c} v FROM works WHERE status = 'posted' ORDER BY ${c}`).all() as { v: number }[]).map((r) => r.v);
  const kudos = col('kudos_count');
  const median = kudos[Math.floor(kudos.length / 2)]!;
  assert.ok(median >= 10 && median < 100, `median kudos ${median}`);
  assert.ok(kudos[kudos.length - 1]! > 20 * median, 'long tail of kudos');
  const hits = col('hits');
  assert.ok(hits[Math.floor(hits.length / 2)]! > 5 * median, 'hits ≫ kudos');
  const span = db.prepare('SELECT min(published_on) a, max(updated_on) b FROM works').get() as { a: string; b: string };
  assert.ok(span.a < '2012-01-01' && span.b < '2026-01-01');
});

test('fandom sizes follow the scaled Zipf shape', () => {
  const sizes = fandomSizes(1_000_000);
  assert.equal(sizes.reduce((a, b) => a + b, 0), 1_000_000);
  assert.ok(Math.abs(sizes[0]! - 49_500) < 500, `largest ${sizes[0]}`);
  assert.ok(Math.abs(sizes[199]! - 1_375) < 50, `rank 200 ${sizes[199]}`);
  const ones = sizes.filter((s) => s === 1).length;
  assert.ok(ones >= 650 && ones <= 750, `one-work fandoms ${ones}`);
  for (const n of [1, 7, 300, 5_000]) assert.equal(fandomSizes(n).reduce((a, b) => a + b, 0), n);
});
