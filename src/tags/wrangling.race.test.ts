import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { OPERATOR } from '../works/visibility.ts';
import { findTagByName } from './tag.repository.ts';

/**
 * Concurrent wrangling changes (several processes on PostgreSQL; the shared suite runs this file
 * there too) must each see the other's result: merging A into B while B is merged into C must
 * never leave A a synonym of the synonym B, and two opposite metatag links never make a cycle.
 */
test('concurrent merges and metatag links never chain synonyms or make a cycle', async () => {
  for (let round = 0; round < 8; round++) {
    const a = await testArchive();
    await a.works.create(buildWork({ tags: ['Alpha', 'Beta', 'Gamma', 'Up', 'Down'] }));
    const id = async (name: string) => (await findTagByName(a.store.db, name))!.id;
    const [alpha, beta, gamma, up, down] = [await id('Alpha'), await id('Beta'), await id('Gamma'), await id('Up'), await id('Down')];
    await a.wrangling.bulk(OPERATOR, 'canonical', [beta, gamma]);
    const merges = [() => a.wrangling.synonym(OPERATOR, alpha, beta), () => a.wrangling.synonym(OPERATOR, beta, gamma)];
    const links = [() => a.wrangling.addMetatag(OPERATOR, up, down), () => a.wrangling.addMetatag(OPERATOR, down, up)];
    const order = <T>(list: T[]) => (round % 2 === 0 ? list : [...list].reverse());
    await Promise.allSettled([...order(merges), ...order(links)].map((f) => f()));

    const rows = await a.store.db.selectFrom('tags').select(['id', 'name', 'synonym_of']).where('id', 'in', [alpha, beta, gamma]).execute();
    const synonymOf = new Map(rows.map((r) => [r.id, r.synonym_of]));
    for (const r of rows) {
      if (r.synonym_of !== null) assert.equal(synonymOf.get(r.synonym_of) ?? null, null, `round ${round}: "${r.name}" is a synonym of a synonym`);
    }
    const meta = await a.store.db.selectFrom('tag_links').select(['tag_id', 'parent_id']).where('kind', '=', 'meta').execute();
    assert.equal(meta.length, 1, `round ${round}: exactly one of the two opposite metatag links is made`);
    await a.store.close();
  }
});
