import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { RatingHints } from './rating-hints.ts';
import type { SuggestService } from './suggest.service.ts';

const CALM = '<p>The kettle sang while the rain went on and on outside.</p>';
const STRONG = '<p>They made love slowly in the dark, naked in the narrow bed, and had sex twice before dawn. Afterward they lay tangled in the sheets, sweaty and spent.</p>';

test('a refresh that read an older revision and finishes last does not replace the newer hint', async () => {
  const a = await testArchive();
  const input = buildWork({ rating: 'General Audiences', chapters: [{ html: CALM }] });
  const work = await a.works.create(input);
  assert.equal((await a.ratingHints.get(work.id))!.rating, 'General Audiences');

  // A refresh held between reading the work (its calm revision) and storing its hint.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slowSuggest = { latestIndex: async () => (await gate, a.suggest.latestIndex()) } as unknown as SuggestService;
  const slow = new RatingHints(a.store, slowSuggest).refresh(work.id, true);
  await new Promise((resolve) => setTimeout(resolve, 20));

  // Meanwhile the author rewrites the work; its own refresh stores the newer hint.
  const updated = await a.works.update(work.id, { ...input, chapters: [{ html: STRONG }] });
  const newer = (await a.ratingHints.get(work.id))!;
  assert.equal(newer.revision, updated.revision);
  assert.equal(newer.rating, 'Mature');

  release();
  await slow;
  const stored = (await a.ratingHints.get(work.id))!;
  assert.equal(stored.revision, updated.revision, 'the hint stays the one for the current revision');
  assert.equal(stored.rating, 'Mature');
  assert.equal((await a.ratingHints.queue()).length, 1, 'and the review queue still lists the work');
});
