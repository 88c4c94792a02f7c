import { fandomSizes } from './fandom-sizes.ts';
import { fandomName, franchiseName, subFandomNames } from './names.ts';
import { Rng } from './rng.ts';
import { AliasTable } from './sampling.ts';
import type { TagRegistry } from './tag-registry.ts';

/** A franchise whose sub-fandoms share a metatag ("Veldorn - All Media Types") and a cast. */
export interface FandomGroup {
  metaId: number;
  /** Set for some groups: a metatag above the metatag, so closures are transitive. */
  topId: number | null;
  members: number[];
}

/**
 * The fandoms: Zipf-sized (fandom-sizes.ts), each work's primary fandom dealt from a shuffled
 * deck so the sizes come out exactly, and ~6% of the top fandoms grouped into franchises under
 * fandom metatags. A second fandom on a work is a crossover unless it comes from the same group.
 */
export class FandomSpace {
  readonly count: number;
  readonly ids: Int32Array;
  readonly sizes: Int32Array;
  /** Fandom index → group index, or -1. */
  readonly groupOf: Int32Array;
  readonly groups: FandomGroup[] = [];
  /** Fandom index → franchise name, for disambiguating character names. */
  readonly bases: string[] = [];
  private readonly deck: Int32Array;
  private readonly table: AliasTable;

  constructor(seed: string, works: number, registry: TagRegistry, createdAt: string) {
    this.sizes = fandomSizes(works);
    this.count = this.sizes.length;
    this.ids = new Int32Array(this.count);
    this.groupOf = new Int32Array(this.count).fill(-1);
    const rng = Rng.derive(seed, 'fandoms');

    // Group some of the top fandoms into franchises of 2–4.
    const top = Math.min(this.count, 1_500);
    const plans: number[][] = [];
    for (let i = 0; i < top; i++) {
      if (this.groupOf[i] !== -1 || !rng.chance(0.03)) continue;
      const members = [i];
      const want = rng.range(1, 3);
      for (let tries = 0; members.length <= want && tries < 20; tries++) {
        const j = rng.int(top);
        if (this.groupOf[j] === -1 && !members.includes(j)) members.push(j);
      }
      if (members.length < 2) continue;
      for (const m of members) this.groupOf[m] = plans.length;
      plans.push(members);
    }

    const names: string[] = new Array<string>(this.count);
    for (const members of plans) {
      const base = franchiseName(rng);
      const subs = subFandomNames(rng, base, members.length);
      members.forEach((m, k) => {
        names[m] = subs[k]!;
        this.bases[m] = base;
      });
      const topId = rng.chance(0.3) ? registry.create('fandom', `${base} (Franchise)`, createdAt, { canonical: true, keepName: true }) : null;
      const metaId = registry.create('fandom', `${base} - All Media Types`, createdAt, { canonical: true, keepName: true });
      if (topId !== null) registry.link(metaId, topId, 'meta');
      this.groups.push({ metaId, topId, members });
    }
    for (let i = 0; i < this.count; i++) {
      names[i] ??= fandomName(rng);
      this.bases[i] ??= names[i]!.replace(/ (-|\(|RPF).*$/, '');
      this.ids[i] = registry.create('fandom', names[i]!, createdAt, { canonical: true, keepName: true });
      const g = this.groupOf[i]!;
      if (g >= 0) registry.link(this.ids[i]!, this.groups[g]!.metaId, 'meta');
    }

    this.deck = new Int32Array(works);
    let k = 0;
    for (let i = 0; i < this.count; i++) for (let n = 0; n < this.sizes[i]!; n++) this.deck[k++] = i;
    rng.shuffle(this.deck);
    this.table = new AliasTable(this.sizes);
  }

  /** The primary fandom (index) of work number `work` (0-based). */
  primary(work: number): number {
    return this.deck[work]!;
  }

  /** Another fandom for a multi-fandom work: a sibling in the same franchise 35% of the time. */
  second(rng: Rng, primary: number): number {
    const g = this.groupOf[primary]!;
    if (g >= 0 && rng.chance(0.35)) return rng.pick(this.groups[g]!.members);
    return this.table.sample(rng);
  }
}
