import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../../test/factories.ts';
import { isQuireError } from '../../errors.ts';
import { GUEST, OPERATOR } from '../../works/visibility.ts';
import { searchQuery } from '../query.ts';
import { SearchService } from '../search.service.ts';
import { Memberships } from './memberships.ts';

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
