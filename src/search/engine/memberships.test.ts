import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWork, testArchive } from '../../../test/factories.ts';
import { isQuireError } from '../../errors.ts';
import { GUEST, OPERATOR } from '../../works/visibility.ts';
import { searchQuery } from '../query.ts';
import { SearchService } from '../search.service.ts';
import { Pairs } from './membership-rows.ts';
import { Memberships, type MembershipKind } from './memberships.ts';

const ids = (r: { items: { work: { id: number } }[] }) => r.items.map((i) => i.work.id);
const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

test('memberships: set, re-set, bulk groups and remove keep bitmaps and per-work links in step', () => {
  const m = new Memberships();
  m.set('pseud', 1, [10]);
  m.set('pseud', 2, [10, 11, 10]);
  m.addGroup('pseud', 12, [2, 3]);
  m.addGroup('pseud', 10, [3]);
  assert.deepEqual(sorted(m.bitmap('pseud', 10)!), [1, 2, 3]);
  assert.deepEqual(sorted(m.of('pseud', 2)), [10, 11, 12]);
  assert.deepEqual(sorted(m.anyOf('pseud', [11, 12, 99])), [2, 3]);
  m.set('pseud', 2, [12]);
  assert.deepEqual(sorted(m.bitmap('pseud', 10)!), [1, 3]);
  assert.equal(m.bitmap('pseud', 11), undefined, 'an emptied bitmap goes');
  m.set('series', 3, [5]);
  m.remove(3);
  assert.deepEqual(m.of('pseud', 3), []);
  assert.equal(m.bitmap('series', 5), undefined);
  assert.deepEqual(sorted(m.bitmap('pseud', 12)!), [2]);
  assert.equal(m.anyOf('series', []).size, 0);
});

const KINDS: MembershipKind[] = ['pseud', 'series'];
const pairsOf = (list: readonly (readonly [number, number])[]) => {
  const p = new Pairs();
  for (const [w, id] of list) p.push(w, id);
  return p;
};

type Op =
  | { op: 'load'; kind: MembershipKind; pairs: [number, number][] }
  | { op: 'set'; kind: MembershipKind; work: number; ids: number[] }
  | { op: 'remove'; work: number }
  | { op: 'addGroup'; kind: MembershipKind; id: number; works: number[] }
  | { op: 'read'; kind: MembershipKind; id: number };

const work = fc.integer({ min: 0, max: 30 });
const id = fc.integer({ min: 0, max: 9 });
const kind = fc.constantFrom<MembershipKind>('pseud', 'series');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('load' as const), kind, pairs: fc.array(fc.tuple(work, id), { maxLength: 60 }) }),
  fc.record({ op: fc.constant('set' as const), kind, work, ids: fc.array(id, { maxLength: 4 }) }),
  fc.record({ op: fc.constant('remove' as const), work }),
  fc.record({ op: fc.constant('addGroup' as const), kind, id, works: fc.array(work, { maxLength: 6 }) }),
  fc.record({ op: fc.constant('read' as const), kind, id }),
);

test('memberships: random loads, sets, removes and reads agree with a plain map of sets', () => {
  fc.assert(
    fc.property(fc.array(opArb, { maxLength: 40 }), fc.array(id, { maxLength: 5 }), (ops, some) => {
      const m = new Memberships();
      // oracle: kind -> work -> ids
      const oracle = new Map(KINDS.map((k) => [k, new Map<number, Set<number>>()]));
      const worksOf = (k: MembershipKind, i: number) => sorted([...oracle.get(k)!].filter(([, ids]) => ids.has(i)).map(([w]) => w));
      for (const o of ops) {
        if (o.op === 'load') {
          m.load(o.kind, pairsOf(o.pairs));
          const byWork = new Map<number, Set<number>>();
          for (const [w, i] of o.pairs) byWork.set(w, (byWork.get(w) ?? new Set()).add(i));
          oracle.set(o.kind, byWork);
        } else if (o.op === 'set') {
          m.set(o.kind, o.work, o.ids);
          oracle.get(o.kind)!.set(o.work, new Set(o.ids));
        } else if (o.op === 'remove') {
          m.remove(o.work);
          for (const k of KINDS) oracle.get(k)!.delete(o.work);
        } else if (o.op === 'addGroup') {
          m.addGroup(o.kind, o.id, o.works);
          for (const w of o.works) oracle.get(o.kind)!.set(w, (oracle.get(o.kind)!.get(w) ?? new Set()).add(o.id));
        } else {
          // a read fills the cache, which a later update must not leave stale
          const want = worksOf(o.kind, o.id);
          assert.deepEqual(sorted(m.bitmap(o.kind, o.id) ?? []), want);
        }
      }
      for (const k of KINDS) {
        for (let i = 0; i <= 10; i++) {
          const want = worksOf(k, i);
          const got = m.bitmap(k, i);
          if (want.length === 0) assert.equal(got, undefined, `${k} ${i} has no works`);
          else assert.deepEqual(sorted(got!), want, `${k} ${i}`);
        }
        for (let w = 0; w <= 31; w++) assert.deepEqual(sorted(m.of(k, w)), sorted(oracle.get(k)!.get(w) ?? []), `${k} of work ${w}`);
        assert.deepEqual(sorted(m.anyOf(k, some)), sorted(new Set(some.flatMap((i) => worksOf(k, i)))));
      }
    }),
    { numRuns: 300 },
  );
});

test('memberships: loaded groups past the bitmap cache stay right after updates', () => {
  const m = new Memberships();
  const list: [number, number][] = [];
  for (let w = 1; w <= 6000; w++) list.push([w, (w * 7) % 3001], [w, 3001 + (w % 5)]);
  m.load('pseud', pairsOf(list.reverse()));
  const expect = (i: number) => sorted(list.filter(([, x]) => x === i).map(([w]) => w));
  for (let i = 0; i <= 3005; i++) assert.deepEqual(sorted(m.bitmap('pseud', i) ?? []), expect(i), `pen name ${i}`);
  assert.deepEqual(sorted(m.of('pseud', 10)), [70, 3001]);
  m.set('pseud', 10, [3002]);
  assert.ok(!m.bitmap('pseud', 70)!.has(10), 'left its first pen name');
  assert.ok(m.bitmap('pseud', 3002)!.has(10));
  assert.ok(!m.bitmap('pseud', 3001)!.has(10));
  assert.deepEqual(m.of('pseud', 10), [3002]);
  m.set('pseud', 9_000_000, [5]);
  assert.deepEqual(m.of('pseud', 9_000_000), [5], 'a work past the loaded range');
  assert.ok(m.bitmap('pseud', 5)!.has(9_000_000));
  assert.throws(() => pairsOf([[-1, 2]]), RangeError);
});

test('the creator and series filters follow posting, edits, co-creators and deletes, live and after a rebuild', async () => {
  const a = await testArchive();
  await a.search.prepare();
  const one = await a.works.create(buildWork({ creators: ['wren'], series: [{ title: 'Tides' }] }));
  const two = await a.works.create(buildWork({ creators: ['wren', 'moss'] }));
  const three = await a.works.create(buildWork({ creators: ['moss'], series: [{ title: 'Tides' }, { title: 'Reefs' }] }));
  const draft = await a.works.create(buildWork({ creators: ['wren'], status: 'draft', series: [{ title: 'Tides' }] }));
  const wren = one.creators[0]!.id;
  const moss = three.creators[0]!.id;
  const tides = one.series[0]!.id;
  const reefs = three.series.find((s) => s.title === 'Reefs')!.id;
  const check = async (service: SearchService) => {
    assert.deepEqual(sorted(ids(await service.search(GUEST, searchQuery({ pseudIds: [wren] })))), sorted([one.id, two.id]));
    assert.deepEqual(sorted(ids(await service.search(OPERATOR, searchQuery({ pseudIds: [wren] })))), sorted([one.id, two.id, draft.id]));
    assert.deepEqual(sorted(ids(await service.search(GUEST, searchQuery({ pseudIds: [wren, moss] })))), sorted([one.id, two.id, three.id]));
    assert.deepEqual(sorted(ids(await service.search(GUEST, searchQuery({ seriesIds: [tides] })))), sorted([one.id, three.id]));
    assert.deepEqual(ids(await service.search(GUEST, searchQuery({ seriesIds: [tides], pseudIds: [moss] }))), [three.id]);
    assert.deepEqual(ids(await service.search(GUEST, searchQuery({ seriesIds: [reefs] }))), [three.id]);
    assert.equal((await service.search(GUEST, searchQuery({ pseudIds: [999_999] }))).total, 0, 'an unknown pen name matches nothing');
    const hidden = await service.search(GUEST, searchQuery({ pseudIds: [wren] }), { hide: { pseudIds: [moss] } });
    assert.deepEqual([ids(hidden), hidden.hiddenByFilters], [[one.id], 1], 'a co-created work goes when any creator is hidden');
  };
  await check(a.search);

  await a.works.update(three.id, buildWork({ creators: ['wren'], series: [{ title: 'Reefs' }] }));
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ seriesIds: [tides] }))), [one.id], 'left the series');
  assert.deepEqual(sorted(ids(await a.search.search(GUEST, searchQuery({ pseudIds: [wren] })))), sorted([one.id, two.id, three.id]), 'changed creators');
  assert.deepEqual(ids(await a.search.search(GUEST, searchQuery({ pseudIds: [moss] }))), [two.id]);
  await a.works.delete(two.id);
  assert.equal((await a.search.search(OPERATOR, searchQuery({ pseudIds: [moss] }))).total, 0);
  const fresh = new SearchService(a.store, a.events, { writeIndex: false });
  for (const service of [a.search, fresh]) {
    assert.deepEqual(sorted(ids(await service.search(OPERATOR, searchQuery({ pseudIds: [wren] })))), sorted([one.id, three.id, draft.id]));
    assert.deepEqual(sorted(ids(await service.search(OPERATOR, searchQuery({ seriesIds: [tides] })))), sorted([one.id, draft.id]));
    assert.deepEqual(ids(await service.search(OPERATOR, searchQuery({ seriesIds: [reefs] }))), [three.id]);
  }
  await a.close();
});

test('matchingIds: the whole filtered set with the hidden count; text is refused', async () => {
  const a = await testArchive();
  const calm = await a.works.create(buildWork({ tags: ['Calm'], series: [{ title: 'Tides' }] }));
  const storm = await a.works.create(buildWork({ tags: ['Storm'], series: [{ title: 'Tides' }] }));
  await a.works.create(buildWork({ tags: ['Storm'], series: [{ title: 'Tides' }], restricted: true }));
  await a.works.create(buildWork({ tags: ['Calm'] }));
  const tides = calm.series[0]!.id;
  const got = await a.search.matchingIds(GUEST, searchQuery({ seriesIds: [tides] }), { hide: { tags: ['Calm'] } });
  assert.deepEqual(got, { ids: [storm.id], hiddenByFilters: 1 });
  assert.deepEqual(sorted((await a.search.matchingIds(GUEST, searchQuery({ seriesIds: [tides] }))).ids), sorted([calm.id, storm.id]));
  await assert.rejects(a.search.matchingIds(GUEST, searchQuery({ q: 'sea', seriesIds: [tides] })), (e) => isQuireError(e) && e.code === 'bad_request');
  await a.close();
});
