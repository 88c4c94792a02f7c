import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { SuggestService } from './suggest.service.ts';

test('suggestions from HTML chapters use the archive\'s current tags', async () => {
  const a = await testArchive();
  let now = 0;
  const service = new SuggestService(a.store, a.events, 60_000, () => now);
  const html = [{ html: '<p>Mara Voss kissed Tobin Ash.</p><hr><p>Gregor slept.</p>' }];
  assert.deepEqual((await service.forHtml(html)).characters, [], 'no character tags yet');

  await a.works.create(buildWork({ fandoms: ['The Salt Roads'], characters: ['Mara Voss', 'Tobin Ash'] }));
  const s = await service.forHtml(html);
  assert.deepEqual(s.characters.map((c) => c.tag), ['Mara Voss', 'Tobin Ash'], 'a new work refreshes the names');
  assert.deepEqual(s.relationships.map((r) => r.tag), ['Mara Voss/Tobin Ash']);
  assert.equal(s.characters[0]!.evidence[0]!.excerpt, '«Mara Voss» kissed Tobin Ash.');

  await a.store.db.insertInto('tags').values({ type: 'character', name: 'Gregor', name_key: 'gregor', canonical: 1, synonym_of: null, unwrangleable: 0, created_at: '' }).execute();
  assert.equal((await service.forHtml(html)).characters.length, 2, 'a tag written without an event waits for the cache to age');
  now = 61_000;
  assert.equal((await service.forHtml(html)).characters.length, 3);
  await a.close();
});
