import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archiveOn, type Archive } from '../archive.ts';
import { buildWork, testConfig } from '../../test/factories.ts';
import { GUEST } from '../works/visibility.ts';
import { WorkEvents } from '../works/work.events.ts';
import { searchQuery } from '../search/query.ts';
import { ChangeFollower, type ChangeTarget } from './change-follower.ts';
import { ChangeLogWriter } from './change-log.ts';
import { twoStores, type StorePair } from './cluster.testing.ts';
import { listenForChanges } from './pg-listen.ts';

/** A target that records what a follower applies. */
function recorder(): ChangeTarget & { applied: (number[] | 'all')[]; ids(): number[] } {
  const applied: (number[] | 'all')[] = [];
  return {
    applied,
    applyExternalChanges(ids) {
      applied.push(ids === 'all' ? 'all' : [...ids].sort((x, y) => x - y));
    },
    ids: () => [...new Set(applied.flatMap((x) => (x === 'all' ? [] : x)))].sort((x, y) => x - y),
  };
}

/** Two archives over one database, as two processes hold it. */
async function twoArchives(): Promise<{ pair: StorePair; a: Archive; b: Archive }> {
  const pair = await twoStores();
  const config = testConfig();
  return { pair, a: archiveOn(config, pair.a), b: archiveOn(config, pair.b) };
}

test("every work write of one process reaches the other's follower; nobody re-reads its own", async () => {
  const { pair, a, b } = await twoArchives();
  try {
    const seenByB = recorder();
    const seenByA = recorder();
    const followB = b.changes.follow(seenByB);
    const followA = a.changes.follow(seenByA);
    await followB.mark();
    await followA.mark();
    const w1 = await a.works.create(buildWork({ title: 'Lantern' }));
    const w2 = await a.works.create(buildWork({ title: 'Tide' }));
    assert.equal(await followB.poll(), 2);
    assert.deepEqual(seenByB.ids(), [w1.id, w2.id]);
    assert.equal(await followA.poll(), 0, 'A wrote them: its own listeners already saw them');

    // An edit, counters (kudos from a reader of B; a hit) and a delete, each logged.
    seenByB.applied.length = 0;
    await a.works.update(w1.id, buildWork({ title: 'Lantern, revised' }));
    await followB.poll();
    assert.deepEqual(seenByB.ids(), [w1.id]);
    await b.interactions.kudos.give({ viewer: GUEST, ip: '203.0.113.5' }, w2.id);
    await b.interactions.hits.record({ viewer: GUEST, ip: '203.0.113.5' }, w2);
    assert.equal(await followB.poll(), 0, 'B recorded the kudos and the hit itself');
    assert.equal(await followA.poll(), 1);
    assert.deepEqual(seenByA.ids(), [w2.id]);
    const kinds = await a.store.db.selectFrom('change_log').select('kind').where('work_id', '=', w2.id).orderBy('seq').execute();
    assert.deepEqual(kinds.map((k) => k.kind), ['write', 'counts', 'counts']);
    await a.works.delete(w2.id);
    seenByB.applied.length = 0;
    await followB.poll();
    assert.deepEqual(seenByB.ids(), [w2.id]);
  } finally {
    await pair.close();
  }
});

test('a rolled-back write leaves no row; a mark skips what came before it', async () => {
  const { pair, a, b } = await twoArchives();
  try {
    const before = await a.works.create(buildWork());
    const seen = recorder();
    const follow = b.changes.follow(seen);
    await follow.mark();
    await assert.rejects(
      a.store.db.transaction().execute(async (trx) => {
        await a.events.written(trx, [before.id]);
        throw new Error('the write failed');
      }),
      /the write failed/,
    );
    assert.equal(await follow.poll(), 0);
    assert.deepEqual(seen.applied, []);
  } finally {
    await pair.close();
  }
});

test('a sequence number skipped over is read when its late commit arrives, and given up after gapWaitMs', async () => {
  const pair = await twoStores();
  try {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const seen = recorder();
    const follow = new ChangeFollower(pair.b.db, 'process-b', seen, { clock: () => now, gapWaitMs: 60_000 });
    await follow.mark();
    const row = (seq: number, work_id: number) => ({ seq, work_id, kind: 'write', origin: 'process-a', at: new Date(now).toISOString() });
    // Seq 3 commits before seqs 1 and 2 (possible on PostgreSQL, where numbers are taken at insert).
    await pair.a.db.insertInto('change_log').values(row(3, 30)).execute();
    await follow.poll();
    assert.deepEqual(seen.ids(), [30]);
    assert.equal(follow.position(), 3);
    await pair.a.db.insertInto('change_log').values(row(1, 10)).execute();
    await follow.poll();
    assert.deepEqual(seen.ids(), [10, 30], 'the late row is read although the cursor passed it');
    now += 61_000;
    await follow.poll();
    await pair.a.db.insertInto('change_log').values(row(2, 20)).execute();
    await follow.poll();
    assert.deepEqual(seen.ids(), [10, 30], 'a gap older than gapWaitMs is a rolled-back write');
  } finally {
    await pair.close();
  }
});

test('a write of very many works logs one rebuild row; a follower asleep too long reloads everything', async () => {
  const pair = await twoStores();
  try {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const seen = recorder();
    const follow = new ChangeFollower(pair.b.db, 'process-b', seen, { clock: () => now, keepMs: 3_600_000 });
    await follow.mark();
    const writer = new ChangeLogWriter('process-a', pair.a.dialect, () => new Date(now), 3);
    await pair.a.db.transaction().execute((trx) => writer.indexWorks(trx, [1, 2, 3, 4]));
    const rows = await pair.a.db.selectFrom('change_log').select(['work_id', 'kind']).execute();
    assert.deepEqual(rows, [{ work_id: null, kind: 'rebuild' }]);
    assert.equal(await follow.poll(), -1);
    assert.deepEqual(seen.applied, ['all']);
    await pair.a.db.transaction().execute((trx) => writer.indexWorks(trx, [5, 5, 6]));
    assert.equal(await follow.poll(), 2, 'duplicates within a batch are read once');
    now += 2 * 3_600_000; // longer than half of keepMs without a read
    seen.applied.length = 0;
    assert.equal(await follow.poll(), -1);
    assert.deepEqual(seen.applied, ['all']);
  } finally {
    await pair.close();
  }
});

test('rows older than keepMs are pruned as the follower reads', async () => {
  const pair = await twoStores();
  try {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const writer = new ChangeLogWriter('process-a', pair.a.dialect, () => new Date(now));
    await pair.a.db.transaction().execute((trx) => writer.indexWorks(trx, [1]));
    const follow = new ChangeFollower(pair.b.db, 'process-b', recorder(), { clock: () => now, keepMs: 24 * 3_600_000, pruneEveryMs: 1_000 });
    await follow.mark();
    now += 13 * 3_600_000;
    await pair.a.db.transaction().execute((trx) => writer.indexWorks(trx, [2]));
    await follow.poll();
    now += 12 * 3_600_000;
    await follow.poll();
    const left = await pair.a.db.selectFrom('change_log').select('work_id').execute();
    assert.deepEqual(left, [{ work_id: 2 }]);
  } finally {
    await pair.close();
  }
});

test('WorkEvents.counted reaches indexers that follow counters and no others', async () => {
  const events = new WorkEvents();
  const heard: string[] = [];
  events.addIndexer({ indexWorks: async () => void heard.push('index') });
  events.addIndexer({ countsChanged: async (_db, ids) => void heard.push(`counts ${ids.join(',')}`) });
  await events.counted({} as never, [4, 5]);
  await events.counted({} as never, []);
  assert.deepEqual(heard, ['counts 4,5']);
});

test("on SQLite, a work posted through one process is found by the other's search after its follower reads", { skip: process.env.QUIRE_TEST_STORE === 'postgres' }, async () => {
  const { pair, a, b } = await twoArchives();
  try {
    await a.search.prepare();
    const follow = b.changes.follow(b.search);
    await follow.mark();
    await b.search.prepare();
    const found = async (q: string) => (await b.search.search(GUEST, searchQuery({ q }))).items.map((i) => i.work.id);
    const w = await a.works.create(buildWork({ title: 'Harbour', chapters: [{ html: '<p>The gulls argued over a herring.</p>' }] }));
    assert.deepEqual(await found('herring'), [], 'not in B yet: its filter engine has not heard');
    await follow.poll();
    assert.deepEqual(await found('herring'), [w.id]);
    await a.works.update(w.id, buildWork({ title: 'Harbour', rating: 'Explicit', chapters: [{ html: '<p>The gulls argued over a mackerel.</p>' }] }));
    await follow.poll();
    assert.deepEqual(await found('mackerel'), [w.id]);
    assert.equal((await b.search.search(GUEST, searchQuery({ q: 'mackerel', ratings: ['General Audiences'] }))).total, 0, 'B filters by the new rating');
    await a.works.delete(w.id);
    await follow.poll();
    assert.equal((await b.search.search(GUEST, searchQuery({}))).total, 0);
  } finally {
    await pair.close();
  }
});

test('on PostgreSQL, a committed write notifies listeners at once; a rolled-back one does not', { skip: process.env.QUIRE_TEST_STORE !== 'postgres' }, async () => {
  const pair = await twoStores();
  let heard = 0;
  const schema = /\(schema (\w+)\)/.exec(pair.a.location)![1];
  const listener = await listenForChanges(process.env.QUIRE_TEST_PG_URL!, () => void heard++, { schema });
  try {
    assert.equal(heard, 1, 'one call on connecting, for changes made while it was away');
    const writer = new ChangeLogWriter('process-a', pair.a.dialect);
    await assert.rejects(
      pair.a.db.transaction().execute(async (trx) => {
        await writer.indexWorks(trx, [1]);
        throw new Error('rolled back');
      }),
    );
    await pair.a.db.transaction().execute((trx) => writer.indexWorks(trx, [2]));
    const until = Date.now() + 3_000;
    while (heard < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(heard, 2, 'the committed write only (and none from archives in other schemas)');
  } finally {
    await listener.close();
    await pair.close();
  }
});

test('when applying fails, the next read starts from the same place', async () => {
  const pair = await twoStores();
  try {
    const writer = new ChangeLogWriter('process-a', pair.a.dialect);
    let failing = true;
    const applied: number[][] = [];
    const follow = new ChangeFollower(pair.b.db, 'process-b', {
      applyExternalChanges(ids) {
        if (failing) throw new Error('the database went away');
        if (ids !== 'all') applied.push([...ids]);
      },
    });
    await follow.mark();
    await pair.a.db.transaction().execute((trx) => writer.indexWorks(trx, [7]));
    await assert.rejects(follow.poll(), /went away/);
    failing = false;
    await pair.a.db.transaction().execute((trx) => writer.indexWorks(trx, [8]));
    assert.equal(await follow.poll(), 2);
    assert.deepEqual(applied, [[7, 8]]);
  } finally {
    await pair.close();
  }
});
