import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testConfig } from '../../../test/factories.ts';
import { archiveOn, type Archive } from '../../archive.ts';
import { openStore, scratchPostgresStore } from '../../store/store.ts';
import { OPERATOR } from '../../works/visibility.ts';
import type { WorkInput } from '../../works/work.types.ts';
import { searchQuery, type SearchQuery } from '../query.ts';
import { SearchService, type SearchResult } from '../search.service.ts';

/**
 * One archive, written into SQLite and into PostgreSQL through the same write path, must answer
 * the same queries with the same totals, facets and order (and, for best match, the same bm25
 * scores). Runs when QUIRE_TEST_PG_URL is set.
 */
const PG = process.env.QUIRE_TEST_PG_URL;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['lantern', 'harbour', 'ferry', 'storm', 'quiet', 'silver', 'ship', 'keeper', 'café', 'Zoë', 'naïve', 'tide', 'rope', 'gull', 'dragon', 'dragonfly', 'tea', 'night', 'bridge', 'winter'];
const CJK = ['东京的夜晚很美丽', '灯塔在远方闪烁', 'きょうはいいてんき', 'カタカナのタワー'];
const TAGS = ['Angst', 'Fluff', 'Slow Burn', 'Hurt/Comfort', 'Found Family'];
const FANDOMS = ['Harbour Tales', 'Lighthouse Chronicles', 'Night Ferry'];

/** A deterministic little archive: accents, CJK, repeated words, a chapter past one chunk. */
function corpus(): WorkInput[] {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const works: WorkInput[] = [];
  for (let i = 0; i < 36; i++) {
    const chapters = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ html: `<p>${sentence(8 + Math.floor(r() * 30))}. ${r() < 0.2 ? pick(CJK) : ''}</p>` }));
    works.push(buildWork({
      title: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
      summary: `<p>${sentence(6)}</p>`,
      notes: r() < 0.3 ? `<p>${sentence(4)}</p>` : '',
      fandoms: [pick(FANDOMS), ...(r() < 0.2 ? [pick(FANDOMS)] : [])],
      tags: [pick(TAGS), pick(TAGS)],
      creators: [pick(['gullwing', 'tidewatcher', 'Élodie', '夜猫'])],
      language: r() < 0.15 ? 'zh' : 'en',
      chapters,
    }));
  }
  // Past PostgreSQL's 250-positions-per-word chunk limit, with a phrase across the boundary.
  works.push(buildWork({ title: 'Echoes', chapters: [{ html: `<p>${'echo '.repeat(600)}harbour bells ring ${'echo '.repeat(300)}</p>` }] }));
  return works;
}

const QUERIES = [
  'storm', 'cafe', 'CAFÉ', 'zoe', 'naive', '"silver ship"', '"ship silver"', 'drag*', 'dragon', 'lant*', 'storm -tea',
  'storm OR winter', '(storm OR winter) -ferry', 'title:keeper', 'creator:elodie', 'creator:夜猫', 'tag:angst', 'summary:tide',
  'notes:rope', '东京', '灯塔', 'タワー', 'てんき', '"echo harbour bells"', '"echo echo echo"', 'echo', 'bridge night tea', '-storm lantern',
  'gull* tide', 'title:(storm OR tide)',
];

async function fill(a: Archive): Promise<void> {
  for (const w of corpus()) await a.works.create(w);
}

function shape(r: SearchResult) {
  return {
    total: r.total,
    ids: r.items.map((i) => i.work.id),
    facets: Object.fromEntries(Object.entries(r.facets).map(([t, list]) => [t, list.map((f) => `${f.name}:${f.count}`)])),
  };
}

test('SQLite and PostgreSQL give the same totals, facets, order and scores', { skip: PG ? false : 'QUIRE_TEST_PG_URL not set' }, async () => {
  const config = testConfig();
  const lite = archiveOn(config, await openStore({ dataDir: ':memory:' }));
  const pg = archiveOn(config, await scratchPostgresStore(PG!));
  try {
    assert.equal(pg.store.dialect, 'postgres');
    await fill(lite);
    await fill(pg);
    // SQLite with every term read from FTS5: exact bm25, as PostgreSQL computes it.
    const exact = new SearchService(lite.store, lite.events, { writeIndex: false, text: { strategy: 'fts' } });
    const sorts: SearchQuery['sort'][] = ['relevance', 'title', 'updated', 'words'];
    let nonEmpty = 0;
    for (const q of QUERIES) {
      for (const sort of sorts) {
        const query = searchQuery({ q, sort, perPage: 100 });
        const [a, b, c] = [await lite.search.search(OPERATOR, query), await exact.search(OPERATOR, query), await pg.search.search(OPERATOR, query)];
        assert.deepEqual(shape(c), shape(a), `${q} (${sort})`);
        assert.deepEqual(shape(c), shape(b), `${q} (${sort}, FTS5)`);
        if (sort === 'relevance') {
          c.items.forEach((item, i) => assert.ok(Math.abs(item.score! - b.items[i]!.score!) < 1e-9, `${q}: score ${item.score} vs ${b.items[i]!.score}`));
          assert.deepEqual(c.items.map((i) => i.snippet?.chapter ?? 0), b.items.map((i) => i.snippet?.chapter ?? 0), `${q}: snippet chapters`);
        }
        if (c.total > 0) nonEmpty++;
      }
    }
    assert.ok(nonEmpty > QUERIES.length * 3, `only ${nonEmpty} non-empty answers`);
    const echo = await pg.search.search(OPERATOR, searchQuery({ q: '"echo harbour bells"' }));
    assert.deepEqual(echo.items.map((i) => i.work.title), ['Echoes'], 'a phrase in a chapter of several chunks');
    // With filters too.
    const filtered = searchQuery({ q: 'storm OR tide', include: ['Angst'], languages: ['en'], sort: 'relevance' });
    assert.deepEqual(shape(await pg.search.search(OPERATOR, filtered)), shape(await lite.search.search(OPERATOR, filtered)));
    // A term matching more works than are ranked exactly (outside the postings): ts_rank_cd picks the works bm25 ranks.
    const bounded = new SearchService(pg.store, pg.events, { writeIndex: false, pgText: { rankMaxWorks: 3 } });
    const broad = searchQuery({ q: 'storm', perPage: 100 });
    const [full, few] = [await pg.search.search(OPERATOR, broad), await bounded.search(OPERATOR, broad)];
    assert.ok(full.total > 6);
    assert.equal(few.total, full.total);
    assert.deepEqual([...few.items.map((i) => i.work.id)].sort(), [...full.items.map((i) => i.work.id)].sort());
    const exactScore = new Map(full.items.map((i) => [i.work.id, i.score]));
    assert.ok(few.items.slice(0, 3).every((i) => i.score! > 0 && Math.abs(i.score! - exactScore.get(i.work.id)!) < 1e-9), 'the ranked three carry their exact scores');
    assert.ok(few.items.slice(3).every((i) => i.score === 0), 'the rest follow unranked');
    // The frequency postings on both, every word and run of words a key: the same answers again,
    // now from the postings on both sides (scores from the stored counts).
    const posted = await Promise.all([lite, pg].map(async (a) => {
      const s = new SearchService(a.store, a.events, { writeIndex: false, postings: { minRows: 1, phraseWordRows: 1, minPhraseRows: 1 } });
      await s.reindex();
      return s;
    }));
    for (const q of QUERIES) {
      const query = searchQuery({ q, sort: 'relevance', perPage: 100 });
      const [a, c, b] = [await posted[0]!.search(OPERATOR, query), await posted[1]!.search(OPERATOR, query), await exact.search(OPERATOR, query)];
      assert.deepEqual(shape(c), shape(b), `${q} (postings on PostgreSQL)`);
      assert.deepEqual(shape(a), shape(b), `${q} (postings on SQLite)`);
      c.items.forEach((item, i) => assert.ok(Math.abs(item.score! - b.items[i]!.score!) < 1e-9 && Math.abs(a.items[i]!.score! - item.score!) < 1e-9, `${q}: postings scores`));
    }
    // Live updates: an edit and a delete through the write path. (FTS5's statistics drift after
    // deletions, PostgreSQL's do not, so bm25 can differ in the last digits: compared without best match.)
    for (const a of [lite, pg]) {
      await a.works.update(3, buildWork({ title: 'Renamed storm', tags: ['Fluff'], chapters: [{ html: '<p>Lantern light on the quiet bridge.</p>' }] }));
      await a.works.delete(5);
    }
    for (const q of ['storm', 'lantern', 'title:renamed', '"quiet bridge"', 'tag:fluff', '']) {
      const query = searchQuery({ q, sort: 'title', perPage: 100 });
      assert.deepEqual(shape(await pg.search.search(OPERATOR, query)), shape(await lite.search.search(OPERATOR, query)), `after edits: ${q}`);
    }
  } finally {
    await lite.close();
    await pg.close();
  }
});
