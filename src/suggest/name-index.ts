import { foldName } from '../tags/tag.types.ts';
import { isCommonWord } from './common-words.ts';
import { PhraseTable } from './phrase-table.ts';
import { phraseKeys } from './tokenize.ts';

/**
 * The names the archive knows, ready for matching: every canonical character tag with its
 * synonyms and its distinctive name parts, the parent fandoms, and the existing two-person
 * relationship tags. Built once (from the database by `buildNameIndex`, or from plain data by
 * {@link createNameIndex} in tests and the evaluation), then used for any number of texts.
 */

/** How a name points at a character: its tag name, a synonym, or one part of either. */
export type NameKind = 'full' | 'alias' | 'part';

export interface NameCandidate {
  character: number;
  kind: NameKind;
}

export interface IndexedCharacter {
  id: number;
  /** The canonical tag, as suggested. */
  tag: string;
  fandoms: number[];
}

export interface IndexedFandom {
  id: number;
  tag: string;
}

export interface IndexedRelationship {
  id: number;
  tag: string;
  kind: 'romantic' | 'platonic';
}

export interface NameIndex {
  readonly characters: ReadonlyMap<number, IndexedCharacter>;
  readonly fandoms: ReadonlyMap<number, IndexedFandom>;
  /** Folded fandom name or synonym → canonical fandom id. */
  readonly fandomKeys: ReadonlyMap<string, number>;
  /** Folded name → the characters it may mean. */
  readonly names: PhraseTable<NameCandidate[]>;
  /** Single-word names that are also common words: matched only when capitalized mid-sentence. */
  readonly guarded: ReadonlySet<string>;
  /** `pairKey(a, b)` → existing relationship tags of exactly those two characters. */
  readonly pairs: ReadonlyMap<string, IndexedRelationship[]>;
}

/** Plain data for {@link createNameIndex}; ids are tag ids (any unique numbers in tests). */
export interface NameIndexInput {
  fandoms: { id: number; name: string; synonyms?: string[] }[];
  characters: { id: number; name: string; synonyms?: string[]; fandoms?: number[] }[];
  /** Canonical relationship tags (`A/B`, `A & B`); tags of three or more are ignored. */
  relationships?: { id: number; name: string; fandoms?: number[] }[];
}

/** Words that are not distinctive on their own: titles, particles, initials. */
const NOT_DISTINCTIVE = new Set([
  'mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'doctor', 'sir', 'dame', 'lady', 'lord', 'prof', 'professor', 'captain',
  'capt', 'general', 'major', 'colonel', 'lieutenant', 'sergeant', 'commander', 'admiral', 'agent', 'detective',
  'inspector', 'officer', 'king', 'queen', 'prince', 'princess', 'duke', 'duchess', 'count', 'countess', 'saint',
  'st', 'father', 'mother', 'sister', 'brother', 'aunt', 'uncle', 'jr', 'sr', 'ii', 'iii', 'iv',
  'de', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'van', 'von', 'der', 'den', 'ten', 'of', 'the', 'al', 'el',
  'bin', 'bint', 'ibn', 'mac', 'y', 'and',
]);

/** `pairKey(7, 3) === '3:7'`: the key of an unordered pair of character ids. */
export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Drops a trailing disambiguation: `stripDisambiguation('Oskar Lind (Copperline)') === 'Oskar Lind'`. */
export function stripDisambiguation(name: string): string {
  const stripped = name.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return stripped === '' ? name.trim() : stripped;
}

/** The ways a tag name is written in prose: `'Bennet, Elizabeth'` → `['Bennet, Elizabeth', 'Elizabeth Bennet']`. */
export function nameVariants(name: string): string[] {
  const base = stripDisambiguation(name);
  const out = [base];
  const comma = /^([^,]+),\s*([^,]+)$/.exec(base);
  if (comma) out.push(`${comma[2]!.trim()} ${comma[1]!.trim()}`);
  return out;
}

const STRENGTH: Record<NameKind, number> = { full: 2, alias: 2, part: 1 };

/** Builds the index from plain data (see {@link NameIndexInput}). */
export function createNameIndex(input: NameIndexInput): NameIndex {
  const fandoms = new Map<number, IndexedFandom>();
  const fandomKeys = new Map<string, number>();
  for (const f of input.fandoms) {
    fandoms.set(f.id, { id: f.id, tag: f.name });
    for (const n of [f.name, ...(f.synonyms ?? [])]) {
      fandomKeys.set(foldName(n), f.id);
      fandomKeys.set(foldName(stripDisambiguation(n)), f.id);
    }
  }

  const characters = new Map<number, IndexedCharacter>();
  const names = new PhraseTable<NameCandidate[]>();
  const guarded = new Set<string>();
  /** Folded full names and synonyms → character ids, for reading relationship tags. */
  const byName = new Map<string, number[]>();
  const addName = (keys: string[], cand: NameCandidate): void => {
    if (keys.length === 0) return;
    if (keys.length === 1 && isCommonWord(keys[0]!)) guarded.add(keys[0]!);
    names.add(keys, [cand], (old, [c]) => {
      const same = old.find((o) => o.character === c!.character);
      if (!same) return [...old, c!];
      if (STRENGTH[c!.kind] > STRENGTH[same.kind]) same.kind = c!.kind;
      return old;
    });
  };
  for (const c of input.characters) {
    characters.set(c.id, { id: c.id, tag: c.name, fandoms: [...new Set(c.fandoms ?? [])] });
    const written = [
      ...nameVariants(c.name).map((v) => ({ v, kind: 'full' as const })),
      ...(c.synonyms ?? []).flatMap((s) => nameVariants(s).map((v) => ({ v, kind: 'alias' as const }))),
    ];
    for (const n of [c.name, ...(c.synonyms ?? [])]) {
      for (const key of new Set([foldName(n), ...nameVariants(n).map(foldName)])) byName.set(key, [...(byName.get(key) ?? []), c.id]);
    }
    for (const { v, kind } of written) addName(phraseKeys(v), { character: c.id, kind });
    for (const { v } of written) {
      const keys = phraseKeys(v);
      if (keys.length < 2) continue;
      for (const k of keys) {
        if (k.length >= 2 && !NOT_DISTINCTIVE.has(k) && !/^\d+$/.test(k)) addName([k], { character: c.id, kind: 'part' });
      }
    }
  }

  const pairs = new Map<string, IndexedRelationship[]>();
  for (const r of input.relationships ?? []) {
    const romantic = r.name.includes('/');
    const members = (romantic ? r.name.split('/') : r.name.split(/\s+&\s+/)).map((m) => m.trim());
    if (members.length !== 2) continue;
    const ids = members.map((m) => resolveMember(m, byName, characters, r.fandoms ?? []));
    if (ids[0] === undefined || ids[1] === undefined || ids[0] === ids[1]) continue;
    const key = pairKey(ids[0], ids[1]);
    pairs.set(key, [...(pairs.get(key) ?? []), { id: r.id, tag: r.name, kind: romantic ? 'romantic' : 'platonic' }]);
  }
  return { characters, fandoms, fandomKeys, names, guarded, pairs };
}

function resolveMember(name: string, byName: Map<string, number[]>, characters: Map<number, IndexedCharacter>, fandoms: number[]): number | undefined {
  const exact = byName.get(foldName(name)) ?? byName.get(foldName(stripDisambiguation(name))) ?? [];
  const ids = [...new Set(exact)];
  if (ids.length <= 1) return ids[0];
  const inFandom = ids.filter((id) => characters.get(id)!.fandoms.some((f) => fandoms.includes(f)));
  return inFandom.length === 1 ? inFandom[0] : undefined;
}

/** The canonical fandom id for a fandom name or synonym typed by a person. */
export function findFandom(index: NameIndex, name: string): number | undefined {
  return index.fandomKeys.get(foldName(name)) ?? index.fandomKeys.get(foldName(stripDisambiguation(name)));
}
