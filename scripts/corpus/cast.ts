import type { FandomSpace } from './fandoms.ts';
import { personName } from './names.ts';
import { Rng } from './rng.ts';
import { zipfTable } from './sampling.ts';
import type { TagRegistry } from './tag-registry.ts';

export interface Relationship {
  id: number;
  /** Character tag ids of the people in it. */
  members: number[];
}

/**
 * Characters and relationships, per cast. A stand-alone fandom has its own cast; the fandoms of a
 * franchise share one, so a character can have several parent fandoms. Tags are created the first
 * time a work uses them (names are fixed by seed, cast and rank, not by order of use), each
 * linked to the fandoms it appears in (`tag_links` kind `fandom`). Popular characters and pairings
 * are drawn far more often (Zipf within the cast).
 */
export class CastSpace {
  private readonly chars = new Map<number, number>();
  private readonly rels = new Map<number, Relationship>();
  private readonly variants = new Map<number, number>();

  constructor(
    private readonly seed: string,
    private readonly fandoms: FandomSpace,
    private readonly registry: TagRegistry,
  ) {}

  private castKey(fandom: number): number {
    const g = this.fandoms.groupOf[fandom]!;
    return g >= 0 ? this.fandoms.count + g : fandom;
  }

  private castWorks(fandom: number): number {
    const g = this.fandoms.groupOf[fandom]!;
    if (g < 0) return this.fandoms.sizes[fandom]!;
    return this.fandoms.groups[g]!.members.reduce((n, m) => n + this.fandoms.sizes[m]!, 0);
  }

  /** Characters in the cast of `fandom`. */
  castSize(fandom: number): number {
    return Math.min(500, Math.max(2, Math.round(2 + 1.5 * Math.pow(this.castWorks(fandom), 0.6))));
  }

  private relationshipPool(fandom: number): number {
    return Math.min(600, Math.max(1, Math.round(1 + 1.2 * Math.pow(this.castWorks(fandom), 0.55))));
  }

  /** A character of `fandom`, by popularity. */
  character(rng: Rng, fandom: number, createdAt: string): number {
    return this.characterAt(fandom, zipfTable(this.castSize(fandom), 1.0).sample(rng), createdAt);
  }

  /** The character at `rank` in the cast of `fandom` (created on first use), linked to `fandom`. */
  characterAt(fandom: number, rank: number, createdAt: string): number {
    const key = this.castKey(fandom) * 1024 + rank;
    let id = this.chars.get(key);
    if (id === undefined) {
      const name = personName(Rng.derive(this.seed, 'character', this.castKey(fandom), rank));
      id = this.registry.create('character', name, createdAt, { canonical: true, keepName: true }, [`(${this.fandoms.bases[fandom]})`]);
      this.chars.set(key, id);
    }
    this.registry.link(id, this.fandoms.ids[fandom]!, 'fandom');
    return id;
  }

  /** A relationship of `fandom`, by popularity; its characters are created (and linked) too. */
  relationship(rng: Rng, fandom: number, createdAt: string): Relationship {
    const size = this.castSize(fandom);
    const rank = zipfTable(this.relationshipPool(fandom), 1.1).sample(rng);
    const key = this.castKey(fandom) * 1024 + rank;
    let rel = this.rels.get(key);
    if (!rel) {
      const r = Rng.derive(this.seed, 'relationship', this.castKey(fandom), rank);
      const pick = zipfTable(size, 1.2);
      const people = new Set<number>([pick.sample(r)]);
      const want = size >= 3 && r.chance(0.05) ? 3 : 2;
      for (let tries = 0; people.size < want && tries < 50; tries++) people.add(pick.sample(r));
      if (people.size < 2) people.add(people.has(0) ? 1 : 0);
      const members = [...people].map((p) => this.characterAt(fandom, p, createdAt));
      const sep = r.chance(0.78) ? '/' : ' & ';
      const name = members.map((m) => this.registry.nameOf(m)!).join(sep);
      // The same people can come up at another rank (or as someone's synonym "B/A"): reuse that tag.
      const existing = this.registry.idOf(name);
      const id = existing !== undefined && this.registry.typeOf(existing) === 'relationship'
        ? (this.registry.graph.synonymOf.get(existing) ?? existing)
        : this.registry.create('relationship', name, createdAt, { canonical: true, keepName: true });
      rel = { id, members };
      this.rels.set(key, rel);
    }
    this.registry.link(rel.id, this.fandoms.ids[fandom]!, 'fandom');
    for (const m of rel.members) this.registry.link(m, this.fandoms.ids[fandom]!, 'fandom');
    return rel;
  }

  /**
   * Now and then a work tags a popular pairing's sub-relationship, "A/B (Alternate Timeline)":
   * a relationship metatag, so filtering on "A/B" finds it too.
   */
  variant(rel: Relationship, createdAt: string): number {
    let id = this.variants.get(rel.id);
    if (id === undefined) {
      const name = this.registry.nameOf(rel.id)!;
      id = this.registry.tryCreate('relationship', `${name} (Alternate Timeline)`, createdAt, { canonical: true }) ?? rel.id;
      if (id !== rel.id) this.registry.link(id, rel.id, 'meta');
      this.variants.set(rel.id, id);
    }
    return id;
  }
}
