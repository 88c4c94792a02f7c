import { POPULAR_FREEFORMS } from './freeform-list.ts';
import { freeformName } from './names.ts';
import { Rng } from './rng.ts';
import { AliasTable, zipfWeights } from './sampling.ts';
import type { TagRegistry } from './tag-registry.ts';
import { vocabularyFor } from './vocabulary.ts';

/**
 * Additional (free-form) tags. Two kinds:
 * - a pool of popular canonical tags (the hand-written list, then invented ones up to a size that
 *   grows with the archive), drawn by a Zipf law, with metatags;
 * - a long tail of one-off tags in readers' own words, created on first use: most are used once
 *   or twice (REFERENCE §8: 89% of tag names are used fewer than 5 times); a quarter of them are
 *   wrangled as synonyms of a popular tag ("so much fluff" → Fluff) and a few are unwrangleable.
 */
const POPULAR_SHARE = 0.55;
const TAIL_EXPONENT = 0.5;
const TAIL_SYNONYM_SHARE = 0.22;
const TAIL_UNWRANGLEABLE_SHARE = 0.015;

const SYNONYM_TEMPLATES = [
  (lc: string) => `so much ${lc}`, (lc: string) => `${lc} (sort of)`, (lc: string) => `mostly ${lc}`,
  (lc: string) => `${lc} i guess`, (lc: string) => `kind of ${lc}`, (lc: string) => `${lc} and more ${lc}`,
  (lc: string) => `all the ${lc}`, (lc: string) => `a little ${lc}`, (lc: string) => `${lc}!!`,
];

export class FreeformSpace {
  /** Popular tag ids, most popular first. */
  readonly popular: number[] = [];
  private readonly popularTable: AliasTable;
  private readonly tail = new Map<number, number>();
  private readonly tailSpace: number;

  constructor(
    private readonly seed: string,
    works: number,
    private readonly registry: TagRegistry,
    createdAt: string,
  ) {
    const ids = new Map<string, number>();
    for (const [name, metas] of POPULAR_FREEFORMS) {
      const id = registry.create('additional', name, createdAt, { canonical: true, keepName: true });
      ids.set(name, id);
      for (const m of metas) registry.link(id, ids.get(m)!, 'meta');
      this.popular.push(id);
    }
    const size = Math.max(POPULAR_FREEFORMS.length + 20, Math.round(3 * Math.sqrt(works)));
    const rng = Rng.derive(seed, 'popular-freeforms');
    const en = vocabularyFor('en');
    const word = (): string => {
      const w = en.word(rng.range(120, 4000));
      return w.charAt(0).toUpperCase() + w.slice(1);
    };
    const au = ids.get('Alternate Universe')!;
    while (this.popular.length < size) {
      const isAu = rng.chance(0.15);
      const name = isAu ? `Alternate Universe - ${word()}` : `${word()} ${word()}`;
      const id = registry.tryCreate('additional', name, createdAt, { canonical: true, keepName: true });
      if (id === undefined) continue;
      if (isAu) registry.link(id, au, 'meta');
      this.popular.push(id);
    }
    this.popularTable = new AliasTable(zipfWeights(this.popular.length, 0.7));
    this.tailSpace = Math.max(1_000, 4 * works);
  }

  /** An additional tag for one slot on a work; `isPopular` tells the caller it may use a synonym. */
  sample(rng: Rng, createdAt: string): { id: number; isPopular: boolean } {
    if (rng.chance(POPULAR_SHARE)) return { id: this.popular[this.popularTable.sample(rng)]!, isPopular: true };
    // Long tail: rank density ∝ rank^-0.5 over the tail space (inverse CDF).
    const e = 1 - TAIL_EXPONENT;
    const rank = Math.floor(Math.pow(1 + rng.float() * (Math.pow(this.tailSpace, e) - 1), 1 / e));
    let id = this.tail.get(rank);
    if (id === undefined) {
      id = this.createTail(rank, createdAt);
      this.tail.set(rank, id);
    }
    return { id, isPopular: false };
  }

  private createTail(rank: number, createdAt: string): number {
    const r = Rng.derive(this.seed, 'freeform', rank);
    if (r.chance(TAIL_SYNONYM_SHARE)) {
      const target = this.popular[this.popularTable.sample(r)]!;
      const lc = this.registry.nameOf(target)!.toLowerCase();
      const en = vocabularyFor('en');
      let extra = '';
      if (r.chance(0.8)) {
        let w = en.sampleRank(r);
        while (w <= 60) w = en.sampleRank(r);
        extra = ` ${en.word(w)}`;
      }
      const name = r.pick(SYNONYM_TEMPLATES)(lc) + extra;
      const id = this.registry.tryCreate('additional', name, createdAt, { synonymOf: target });
      if (id !== undefined) return id;
    }
    const unwrangleable = r.chance(TAIL_UNWRANGLEABLE_SHARE);
    return this.registry.create('additional', freeformName(r), createdAt, { unwrangleable }, ['(again)', 'too']);
  }
}
