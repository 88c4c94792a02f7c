import type { TagType } from '../../src/tags/tag.types.ts';
import type { Rng } from './rng.ts';
import type { TagRegistry } from './tag-registry.ts';

/**
 * Synonyms of canonical tags, as readers type them: "Alva" or "A. Renholt" for the character
 * "Alva Renholt", "Mirel/Alva" for "Alva/Mirel", "VT" for "Veldorn (TV)". Each use of a canonical
 * tag is swapped for one of its synonyms with a small probability; the k-th synonym of a tag is
 * created the first time it is used (so every synonym in the archive tags at least one work).
 */
const USE_RATE: Partial<Record<TagType, number>> = { fandom: 0.06, character: 0.08, relationship: 0.08, additional: 0.06 };
const MAX_VARIANTS = 4;

const initials = (name: string): string => name.split(/[\s/&()-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('');

/** Candidate synonym names for a canonical tag, in order. */
export function synonymNames(type: TagType, name: string): string[] {
  switch (type) {
    case 'character': {
      const bare = name.replace(/\s*\(.*\)$/, '');
      const parts = bare.split(' ');
      if (parts.length < 2) return [`${bare} (mentioned)`, `${bare}!`, initials(bare)];
      const [first, last] = [parts[0]!, parts[parts.length - 1]!];
      return [first, `${first[0]}. ${last}`, last, `${first} ${last[0]}.`];
    }
    case 'relationship': {
      const sep = name.includes('/') ? '/' : ' & ';
      const people = name.split(sep).map((p) => p.replace(/\s*\(.*\)$/, ''));
      const firsts = people.map((p) => p.split(' ')[0]!);
      return [[...people].reverse().join(sep), people.join(' x '), firsts.join(sep), firsts.join('')];
    }
    case 'fandom': {
      const base = name.replace(/ (-|\().*$/, '');
      return [initials(name), base, `${name} Fandom`, name.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '')];
    }
    default: {
      const lc = name.toLowerCase();
      return [`${lc} (tag)`, `${lc}y`, `#${lc}`, `so ${lc}`];
    }
  }
}

export class SynonymSpace {
  private readonly made = new Map<number, number>();

  constructor(private readonly registry: TagRegistry) {}

  /** `canonicalId`, or now and then one of its synonyms. */
  maybeSwap(rng: Rng, type: TagType, canonicalId: number, createdAt: string): number {
    if (!rng.chance(USE_RATE[type] ?? 0)) return canonicalId;
    let k = 0;
    while (k < MAX_VARIANTS - 1 && rng.chance(0.45)) k++;
    const key = canonicalId * MAX_VARIANTS + k;
    let id = this.made.get(key);
    if (id === undefined) {
      const canonicalName = this.registry.nameOf(canonicalId);
      const name = canonicalName === undefined ? undefined : synonymNames(type, canonicalName)[k];
      id = (name && name.length >= 2 && this.registry.tryCreate(type, name, createdAt, { synonymOf: canonicalId })) || canonicalId;
      this.made.set(key, id);
    }
    return id;
  }
}
