import type { ChapterTokens, CharacterMatches, Mention } from './characters.ts';
import { tokenEvidence } from './evidence.ts';
import { pairKey, type NameIndex } from './name-index.ts';
import { round, type Hit } from './rating.ts';
import { units, windows } from './scenes.ts';
import type { Evidence, RelationshipSuggestion } from './suggest.types.ts';

/**
 * Relationship hints. Two characters share a scene when both are named in one window (two
 * neighbouring paragraphs of a section, see scenes.ts). Each romantic or sexual word in a
 * section is credited to the two characters named nearest to it (within {@link REACH} words);
 * a pair with {@link ROMANTIC_POINTS} or more is suggested as `A/B` (at most {@link MAX_ROMANTIC}). A pair that shares scenes
 * strongly without romance is suggested as `A & B` (at most {@link MAX_PLATONIC} of them).
 *
 * Names: an existing relationship tag of exactly those two characters (and that kind) is
 * suggested as it is, in the order its wranglers chose; otherwise the canonical character
 * names are joined in alphabetical order.
 */
export const REACH = 40;
const CLOSE = 15;
export const ROMANTIC_POINTS = 2;
/** Strength (sum over shared windows of the smaller mention count) for an `A & B` hint. */
export const PLATONIC_STRENGTH = 3;
export const MAX_PLATONIC = 5;
/** Most `A/B` hints (the strongest first). */
export const MAX_ROMANTIC = 10;

interface Marked {
  score: number;
  chapter: number;
  ranges: [number, number][];
}

interface Pair {
  a: number;
  b: number;
  strength: number;
  windows: number;
  romance: number;
  friendly: number;
  /** Evidence is built only for the pairs suggested, from these places. */
  romanceAt: Marked[];
  sceneAt: Marked[];
}

/** `A/B` or `A & B` with the canonical names in alphabetical order. */
export function relationshipName(names: [string, string], kind: 'romantic' | 'platonic'): string {
  const sorted = [...names].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' }) || (x < y ? -1 : 1));
  return sorted.join(kind === 'romantic' ? '/' : ' & ');
}

/** Index of the first mention with `from >= at` (mentions are in text order). */
function firstFrom(ms: readonly Mention[], at: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ms[mid]!.from < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Relationship suggestions from the mentions and the romance / friendship word hits. */
export function findRelationships(chapters: readonly ChapterTokens[], matches: CharacterMatches, hits: readonly Hit[], index: NameIndex, maxEvidence: number): RelationshipSuggestion[] {
  const pairs = new Map<string, Pair>();
  const pairOf = (a: number, b: number): Pair => {
    const key = pairKey(a, b);
    let p = pairs.get(key);
    if (!p) {
      p = { a: Math.min(a, b), b: Math.max(a, b), strength: 0, windows: 0, romance: 0, friendly: 0, romanceAt: [], sceneAt: [] };
      pairs.set(key, p);
    }
    return p;
  };
  const byChapter: Mention[][] = chapters.map(() => []);
  for (const m of matches.mentions) byChapter[m.chapter]!.push(m);
  const hitsByChapter: Hit[][] = chapters.map(() => []);
  for (const h of hits) if (h.category === 'romance' || h.category === 'platonic') hitsByChapter[h.chapter]!.push(h);

  chapters.forEach((ch, ci) => {
    const ms = byChapter[ci]!;
    if (ms.length === 0) return;
    const section = ch.tokens.section;
    // Shared scenes.
    let lo = 0;
    for (const w of windows(units(ch.tokens))) {
      while (lo < ms.length && ms[lo]!.from < w.start) lo++;
      const inside = new Map<number, { n: number; first: Mention }>();
      for (let k = lo; k < ms.length && ms[k]!.from < w.end; k++) {
        const m = ms[k]!;
        const seen = inside.get(m.character);
        if (seen) seen.n++;
        else inside.set(m.character, { n: 1, first: m });
      }
      if (inside.size < 2) continue;
      const ids = [...inside.keys()];
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          const [ma, mb] = [inside.get(ids[x]!)!, inside.get(ids[y]!)!];
          const p = pairOf(ids[x]!, ids[y]!);
          p.strength += Math.min(ma.n, mb.n);
          p.windows++;
          if (p.sceneAt.length < maxEvidence) p.sceneAt.push({ score: 0, chapter: ci, ranges: [[ma.first.from, ma.first.to], [mb.first.from, mb.first.to]] });
        }
      }
    }
    // Romantic and friendly words, credited to the two nearest characters.
    for (const h of hitsByChapter[ci]!) {
      // The two nearest distinct characters within reach (a, then b).
      let a: { d: number; m: Mention } | undefined;
      let b: { d: number; m: Mention } | undefined;
      for (let k = firstFrom(ms, h.from - REACH - 8); k < ms.length && ms[k]!.from <= h.to + REACH; k++) {
        const m = ms[k]!;
        if (section[m.from] !== section[h.from]) continue;
        const d = m.to <= h.from ? h.from - m.to : m.from >= h.to ? m.from - h.to : 0;
        if (d > REACH) continue;
        if (a && a.m.character === m.character) {
          if (d < a.d) a = { d, m };
        } else if (b && b.m.character === m.character) {
          if (d < b.d) b = { d, m };
        } else if (!a || d < a.d) {
          b = a;
          a = { d, m };
        } else if (!b || d < b.d) {
          b = { d, m };
        }
        if (b && a && b.d < a.d) [a, b] = [b, a];
      }
      if (!a || !b) continue;
      const [ida, na, idb, nb] = [a.m.character, a, b.m.character, b];
      const score = h.grade * (na.d <= CLOSE && nb.d <= CLOSE ? 1 : 0.5);
      const p = pairOf(ida, idb);
      if (h.category === 'platonic') {
        p.friendly += score;
        continue;
      }
      p.romance += score;
      p.romanceAt.push({ score, chapter: ci, ranges: [[h.from, h.to], [na.m.from, na.m.to], [nb.m.from, nb.m.to]] });
    }
  });

  const build = (places: Marked[], reason: string): Evidence[] =>
    places.slice(0, maxEvidence).map((x) => tokenEvidence(chapters[x.chapter]!.tokens, chapters[x.chapter]!.number, x.ranges, reason));
  const romantic: RelationshipSuggestion[] = [];
  const platonic: RelationshipSuggestion[] = [];
  for (const p of pairs.values()) {
    if (p.romance >= ROMANTIC_POINTS) {
      const confidence = round(Math.min(0.95, 0.35 + 0.25 * Math.log2(1 + p.romance / 2) + 0.05 * Math.min(p.windows, 4)));
      const places = [...p.romanceAt].sort((x, y) => y.score - x.score);
      romantic.push({ ...name(index, p, 'romantic'), kind: 'romantic', confidence, evidence: build(places, 'romantic language near both') });
    } else if (p.strength >= PLATONIC_STRENGTH || (p.strength >= 2 && p.friendly >= 1)) {
      const confidence = round(Math.min(0.7, 0.25 + 0.1 * Math.log2(p.strength) + 0.1 * Math.min(p.friendly, 2)));
      platonic.push({ ...name(index, p, 'platonic'), kind: 'platonic', confidence, evidence: build(p.sceneAt, 'named in the same scene') });
    }
  }
  const order = (x: RelationshipSuggestion, y: RelationshipSuggestion) => y.confidence - x.confidence || x.tag.localeCompare(y.tag);
  return [...romantic.sort(order).slice(0, MAX_ROMANTIC), ...platonic.sort(order).slice(0, MAX_PLATONIC)];
}

function name(index: NameIndex, p: Pair, kind: 'romantic' | 'platonic'): { tag: string; existing: boolean } {
  const existing = (index.pairs.get(pairKey(p.a, p.b)) ?? []).find((r) => r.kind === kind);
  if (existing) return { tag: existing.tag, existing: true };
  const names: [string, string] = [index.characters.get(p.a)!.tag, index.characters.get(p.b)!.tag];
  return { tag: relationshipName(names, kind), existing: false };
}
