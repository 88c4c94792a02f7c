import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../../test/factories.ts';
import type { Archive } from '../../archive.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { searchQuery } from '../query.ts';
import { SearchService } from '../search.service.ts';
import { WorkEvents } from '../../works/work.events.ts';
import { decodeEntries, decodeLengthEntries, readEntry, readLengths } from './block-format.ts';

/**
 * The frequency postings against FTS5 (or PostgreSQL's tsvectors) on the same archive: the same
 * works, totals, scores and snippet chapters for every query, whether a term is answered by the
 * postings or by the database's text index; and postings kept current by writes equal to a rebuild.
 * Runs on SQLite and, in the shared suite, on PostgreSQL.
 */
const TEXTS = [
  '<p>The old house stood at the end of the lane. At the same time the rain began, and the old house creaked.</p>',
  '<p>She said that the end of the road was near. "For a moment," she said, "I thought the storm was over."</p>',
  '<p>He poured a cup of tea in the kitchen. The kettle sang. For a moment nobody spoke of the storm.</p>',
  '<p>Nothing at all happened in the morning. The lighthouse keeper slept.</p>',
  '<p>我爱你，东京的夜晚很美丽。东京的灯塔在远方闪烁。</p>',
  '<p>At the end of the day the old house was quiet, and the end of the story was near.</p>',
];

async function library(): Promise<Archive> {
  const a = await testArchive();
  for (const [i, html] of TEXTS.entries()) {
    await a.works.create(buildWork({
      title: i % 2 === 0 ? `The Old House ${i}` : `A Cup of Tea ${i}`,
      summary: i === 2 ? '<p>The storm and the old house.</p>' : '<p>A short summary.</p>',
      tags: i % 3 === 0 ? ['Slow Burn', 'The Old House AU'] : ['Fluff'],
      language: i === 4 ? 'zh' : 'en',
      chapters: i === 5 ? [{ html }, { html: '<p>The old house, the old house, the old house.</p>' }] : [{ html }],
    }));
  }
  return a;
}

/** A service whose postings hold every word and run of words (minRows 1), rebuilt now. */
async function withPostings(a: Archive): Promise<SearchService> {
  const s = new SearchService(a.store, a.events, { writeIndex: false, postings: { minRows: 1, phraseWordRows: 1, minPhraseRows: 1 } });
  await s.reindex();
  return s;
}

const QUERIES = [
  'the', 'house', 'old', '"old house"', '"the old house"', '"at the same time"', '"the end of the"', '"the end of the road"',
  'storm tea', 'storm OR kettle', 'the -storm', 'title:house', 'title:"old house"', 'summary:storm', 'tag:"old house"',
  '东京', '"东京的"', 'lighthouse', 'hous*', 'the "end of" storm', '-title:tea house', 'nothing OR "old house"',
];

test('terms answered by the postings get the same works, totals, scores and snippets as from the text index', async () => {
  const a = await library();
  const postings = await withPostings(a);
  const plain = new SearchService(a.store, a.events, { writeIndex: false, text: { strategy: 'fts' } });
  let used = 0;
  const match = postings.backend.postings.match.bind(postings.backend.postings);
  postings.backend.postings.match = (...args) => { used++; return match(...args); };
  for (const q of QUERIES) {
    for (const sort of ['relevance', 'updated'] as const) {
      const query = searchQuery({ q, sort });
      const [p, f] = [await postings.search(OPERATOR, query), await plain.search(OPERATOR, query)];
      assert.equal(p.total, f.total, q);
      assert.deepEqual(p.items.map((i) => i.work.id), f.items.map((i) => i.work.id), `${q} (${sort})`);
      assert.deepEqual(p.items.map((i) => i.snippet?.chapter ?? null), f.items.map((i) => i.snippet?.chapter ?? null), `${q} snippets`);
      p.items.forEach((item, i) => {
        const want = f.items[i]!.score;
        if (want === null) assert.equal(item.score, null);
        else assert.ok(Math.abs(item.score! - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${q}: score ${item.score} vs ${want}`);
      });
      assert.deepEqual(p.facets, f.facets, q);
    }
  }
  assert.ok(used > QUERIES.length, `the postings answered terms (${used} lookups)`);
  for (const [q, key] of [['"the old house"', true], ['"the end of the road"', false], ['hous*', false], ['东京', true]] as const) {
    const term = (await import('../text/parse-text.ts')).parseText(q);
    assert.ok(term && term.kind === 'term');
    assert.equal((await postings.backend.postings.keyFor(term)) !== null, key, q);
  }
});

/** Everything the postings say, keyed by key text and work (ids differ between builds). */
async function snapshot(a: Archive): Promise<{ entries: Map<string, string>; lengths: Map<number, string> }> {
  const keys = new Map((await a.store.db.selectFrom('search_keys').select(['id', 'key']).execute()).map((r) => [Number(r.id), r.key]));
  const entries = new Map<string, string>();
  for (const r of await a.store.db.selectFrom('search_postings').select(['key_id', 'block', 'data']).execute()) {
    for (const e of decodeEntries(Number(r.block), r.data)) entries.set(`${keys.get(Number(r.key_id))}|${e.work}`, JSON.stringify(readEntry(e.body)));
  }
  const lengths = new Map<number, string>();
  for (const r of await a.store.db.selectFrom('search_lengths').select(['block', 'data']).execute()) {
    for (const e of decodeLengthEntries(Number(r.block), r.data)) lengths.set(e.work, JSON.stringify(readLengths(e.body)));
  }
  return { entries, lengths };
}

test('postings kept current by creates, edits and deletes equal a rebuild', async () => {
  const a = await library();
  const s = await withPostings(a);
  const extra = await a.works.create(buildWork({ title: 'The End', chapters: [{ html: '<p>The old house burned at the end of the day.</p>' }, { html: '<p>Tea, and the storm.</p>' }] }));
  const ids = (await a.store.db.selectFrom('works').select('id').orderBy('id').execute()).map((r) => Number(r.id));
  const edited = ids[1]!;
  await a.works.update(edited, buildWork({ title: 'Rewritten', chapters: [{ html: '<p>Only the storm at the end of the road remains.</p>' }] }));
  await a.works.delete(ids[3]!);
  const live = await snapshot(a);
  assert.ok([...live.entries.keys()].some((k) => k.endsWith(`|${extra.id}`)), 'the new work is in the postings');
  assert.ok(![...live.entries.keys()].some((k) => k.endsWith(`|${ids[3]}`)), 'the deleted work is gone');
  assert.ok(!live.lengths.has(ids[3]!));
  await s.reindex();
  const fresh = await snapshot(a);
  assert.deepEqual(live.lengths, fresh.lengths);
  let compared = 0;
  for (const [k, v] of fresh.entries) {
    const key = k.slice(0, k.indexOf('|'));
    if (![...live.entries.keys()].some((l) => l.startsWith(`${key}|`))) continue; // a key chosen only now
    assert.equal(live.entries.get(k), v, k);
    compared++;
  }
  for (const [k, v] of live.entries) if (fresh.entries.has(k)) assert.equal(fresh.entries.get(k), v, k);
  assert.ok(compared > 50, `compared ${compared} entries`);
  const r = await s.search(OPERATOR, searchQuery({ q: '"end of the road"' }));
  assert.deepEqual(r.items.map((i) => i.work.id).sort(), [ids[1]!].sort());
});

test('a rebuild elsewhere is noticed: keys, counts and lengths are read again', async () => {
  const a = await library();
  const first = await withPostings(a);
  const plain = new SearchService(a.store, a.events, { writeIndex: false, text: { strategy: 'fts' } });
  const total = async (s: SearchService) => (await s.search(OPERATOR, searchQuery({ q: '"the old house" tea' }))).total;
  const before = await total(plain);
  assert.equal(await total(first), before);
  const other = new SearchService(a.store, a.events, { writeIndex: false, postings: { minRows: 1, phraseWordRows: 1, minPhraseRows: 1 } });
  await other.reindex(); // new key ids
  await a.works.create(buildWork({ chapters: [{ html: '<p>Back to the old house for tea.</p>' }] }));
  assert.equal(await total(plain), before + 1);
  assert.equal(await total(first), before + 1);
  assert.equal(await total(other), before + 1);
});

test('a small archive chooses no keys; it chooses again once it has grown', async () => {
  const a = await library();
  await a.search.prepare();
  const state = await a.search.backend.postings.describe();
  assert.ok(state.state, 'postings are built, empty');
  assert.equal(state.keys, 0);
  assert.equal(await a.search.backend.postings.needsRebuild(7), false);
  assert.equal(await a.search.backend.postings.needsRebuild(25_000), true, 'grown past the threshold and twice the size');
});

test('another process (its own service, told by the change log) sees a write to the postings after applying it', async () => {
  const a = await library();
  await withPostings(a);
  const other = new SearchService(a.store, new WorkEvents(), { writeIndex: false });
  const q = searchQuery({ q: '"the old house"', sort: 'updated' });
  const before = await other.search(OPERATOR, q);
  const w = await a.works.create(buildWork({ chapters: [{ html: '<p>Back to the old house, again.</p>' }] }));
  await other.applyExternalChanges([w.id]);
  const after = await other.search(OPERATOR, q);
  assert.equal(after.total, before.total + 1);
  assert.equal(after.items[0]!.work.id, w.id);
  await a.works.delete(w.id);
  await other.applyExternalChanges([w.id]);
  assert.equal((await other.search(OPERATOR, q)).total, before.total);
});

test('other thresholds than the postings were chosen with mean a rebuild', async () => {
  const a = await library();
  const s = await withPostings(a);
  assert.equal(await s.backend.postings.needsRebuild(7), false);
  const other = new SearchService(a.store, a.events, { writeIndex: false, postings: { minRows: 2, phraseWordRows: 1, minPhraseRows: 1 } });
  assert.equal(await other.backend.postings.needsRebuild(7), true);
  assert.equal(await other.backend.postings.needsRebuild(7, false), false, 'a second reader keeps what is built');
});
