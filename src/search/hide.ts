import roaring from 'roaring';
import { foldName } from '../tags/tag.types.ts';
import { inRange } from './engine/filter.ts';
import type { Bitmap, WorkIndex } from './engine/work-index.ts';
import type { TagResolver } from './plan.ts';

const { RoaringBitmap32 } = roaring;

/**
 * A reader's standing "never show me" rules (REFERENCE §3: the feature readers ask for most),
 * applied by the server so totals and facets stay right. They become one exclusion bitmap; the
 * search reports how many matching works it removed ("12 works hidden by your filters").
 * Mutes are pen names here; more kinds are more bitmaps in the same union.
 */
export interface HideRules {
  /** Tag names: works with any of these filter tags (through synonyms and metatags). */
  tags?: readonly string[];
  /** Works by any of these pen names. */
  pseudIds?: readonly number[];
  /** Works in any of these languages. */
  languages?: readonly string[];
  /** Crossovers. */
  crossovers?: boolean;
  /** Works shorter than this many words. */
  wordsMin?: number;
  /** Works longer than this many words. */
  wordsMax?: number;
  /** These works. */
  workIds?: readonly number[];
}

/** Everything the rules hide, as one bitmap. `worksBy` finds the works of pen names. */
export async function hiddenSet(
  index: WorkIndex,
  rules: HideRules,
  tags: TagResolver,
  worksBy: (pseudIds: readonly number[]) => Promise<Bitmap>,
): Promise<Bitmap> {
  const parts: Bitmap[] = [];
  if (rules.tags?.length) {
    const ids = await tags.filterIds(rules.tags);
    for (const name of rules.tags) {
      const b = index.tagBitmap(ids.get(foldName(name)) ?? -1);
      if (b) parts.push(b);
    }
  }
  if (rules.pseudIds?.length) parts.push(await worksBy(rules.pseudIds));
  for (const l of rules.languages ?? []) {
    const b = index.languageBitmap(l);
    if (b) parts.push(b);
  }
  if (rules.crossovers) parts.push(index.p.crossover);
  if (rules.wordsMin !== undefined && rules.wordsMin > 0) parts.push(inRange(index, index.p.alive, 'words', { lo: 0, hi: rules.wordsMin - 1 }));
  if (rules.wordsMax !== undefined) parts.push(inRange(index, index.p.alive, 'words', { lo: rules.wordsMax + 1, hi: 0xffffffff }));
  if (rules.workIds?.length) parts.push(RoaringBitmap32.from(rules.workIds));
  return RoaringBitmap32.orMany(parts);
}
