import type { Rating } from '../tags/tag.types.ts';
import type { ChapterTokens, Mention } from './characters.ts';
import { tokenEvidence } from './evidence.ts';
import { lexicon, type Category, type DeathLink, type Grade } from './lexicon.ts';
import type { Evidence, RatingSuggestion, WarningSuggestion } from './suggest.types.ts';

/**
 * The rating hint. Each word-list hit scores points by grade (mild 1, moderate 2, strong 4);
 * for each kind of content (sexual, violent, crude) we take the points in the densest stretch of
 * {@link WINDOW} words — a text shorter than that is one stretch — so one explicit scene in a
 * long novel counts as it would alone, and a 40-word passage is not inflated. The rating is the
 * highest level whose threshold any kind reaches (table {@link THRESHOLDS}, also in
 * docs/suggestions.md). Graphic violence (violence at Mature level) also gives the warning
 * "Graphic Depictions Of Violence".
 */
export interface Hit {
  /** Index into the chapters array. */
  chapter: number;
  from: number;
  to: number;
  category: Category;
  grade: Grade;
  link?: DeathLink;
}

export const POINTS: Record<Grade, number> = { 1: 1, 2: 2, 3: 4 };
/** Words per stretch when looking for the densest passage. */
export const WINDOW = 1000;

type Level = 'Teen And Up Audiences' | 'Mature' | 'Explicit';
interface Threshold {
  /** Points per stretch. */
  points: number;
  /** Least grade that must be among the hits. */
  grade: Grade;
  /** Least number of hits of that grade. */
  count?: number;
}

/** Points needed per kind of content for each level (a missing level cannot be reached by that kind). */
export const THRESHOLDS: Record<'sexual' | 'violence' | 'crude', Partial<Record<Level, Threshold>>> = {
  sexual: { 'Teen And Up Audiences': { points: 1, grade: 1 }, Mature: { points: 2, grade: 2 }, Explicit: { points: 6, grade: 3 } },
  violence: { 'Teen And Up Audiences': { points: 2, grade: 1 }, Mature: { points: 6, grade: 3 }, Explicit: { points: 24, grade: 3, count: 4 } },
  crude: { 'Teen And Up Audiences': { points: 2, grade: 1 }, Mature: { points: 20, grade: 2 } },
};
const LEVELS: Level[] = ['Explicit', 'Mature', 'Teen And Up Audiences'];
const RANK: Record<Rating, number> = { 'Not Rated': -1, 'General Audiences': 0, 'Teen And Up Audiences': 1, Mature: 2, Explicit: 3 };
const GRADE_NAME: Record<Grade, string> = { 1: 'mild', 2: 'moderate', 3: 'strong' };

/** Every word-list hit in the chapters, skipping words that are part of a character's name. */
export function scanLexicon(chapters: readonly ChapterTokens[], mentions: readonly Mention[]): Hit[] {
  const table = lexicon();
  const hits: Hit[] = [];
  chapters.forEach((ch, ci) => {
    const named = new Uint8Array(ch.tokens.length);
    for (const m of mentions) if (m.chapter === ci) named.fill(1, m.from, m.to);
    const accept = (_: unknown, from: number, to: number): boolean => {
      for (let i = from; i < to; i++) if (named[i] === 1) return false;
      return true;
    };
    for (const m of table.scan(ch.tokens, accept)) {
      for (const e of m.value) {
        const hit: Hit = { chapter: ci, from: m.from, to: m.to, category: e.category, grade: e.grade };
        if (e.link) hit.link = e.link;
        hits.push(hit);
      }
    }
  });
  return hits;
}

export interface Stretch {
  points: number;
  hits: Hit[];
}

/** The stretch of at most {@link WINDOW} words (within one chapter) where `hits` score most. */
export function densest(hits: readonly Hit[]): Stretch {
  let best: Stretch = { points: 0, hits: [] };
  let lo = 0;
  let points = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    const h = hits[hi]!;
    points += POINTS[h.grade];
    while (hits[lo]!.chapter !== h.chapter || h.from - hits[lo]!.from >= WINDOW) points -= POINTS[hits[lo++]!.grade];
    if (points > best.points) best = { points, hits: hits.slice(lo, hi + 1) };
  }
  return best;
}

function reaches(s: Stretch, t: Threshold): boolean {
  return s.points >= t.points && s.hits.filter((h) => h.grade >= t.grade).length >= (t.count ?? 1);
}

/** `0.55` at the threshold, `0.75` at twice it, `0.95` at four times; never above 0.95. */
function levelConfidence(points: number, threshold: number): number {
  return round(Math.min(0.95, 0.55 + 0.2 * Math.log2(points / threshold)));
}

/** Confidences are shown with two decimals: `round(0.6049) === 0.6`. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function evidenceOf(chapters: readonly ChapterTokens[], hits: readonly Hit[], max: number): Evidence[] {
  return [...hits]
    .sort((a, b) => b.grade - a.grade || a.chapter - b.chapter || a.from - b.from)
    .slice(0, max)
    .map((h) => tokenEvidence(chapters[h.chapter]!.tokens, chapters[h.chapter]!.number, [[h.from, h.to]], `${h.category} (${GRADE_NAME[h.grade]})`));
}

export interface RatingResult {
  rating: RatingSuggestion;
  /** "Graphic Depictions Of Violence", when violence reaches Mature. */
  violence: WarningSuggestion | undefined;
}

/** The rating hint and the graphic-violence warning from the word-list hits. */
export function rateText(chapters: readonly ChapterTokens[], hits: readonly Hit[], words: number, maxEvidence: number): RatingResult {
  let rating: Rating = 'General Audiences';
  let confidence = 0;
  let deciding: Hit[] = [];
  let teenRatio = 0;
  let violence: WarningSuggestion | undefined;
  for (const kind of ['sexual', 'violence', 'crude'] as const) {
    const stretch = densest(hits.filter((h) => h.category === kind));
    const teen = THRESHOLDS[kind]['Teen And Up Audiences']!;
    teenRatio = Math.max(teenRatio, stretch.points / teen.points);
    for (const level of LEVELS) {
      const t = THRESHOLDS[kind][level];
      if (!t || !reaches(stretch, t)) continue;
      const c = levelConfidence(stretch.points, t.points);
      if (RANK[level] > RANK[rating] || (level === rating && c > confidence)) {
        rating = level;
        confidence = c;
        deciding = stretch.hits;
      }
      if (kind === 'violence' && RANK[level] >= RANK.Mature) {
        violence = { value: 'Graphic Depictions Of Violence', confidence: c, evidence: evidenceOf(chapters, stretch.hits, maxEvidence) };
      }
      break;
    }
  }
  if (rating === 'General Audiences') {
    // Nothing reached Teen: surer for a long text with no hits than for a short one with near misses.
    confidence = round(Math.max(0.3, Math.min(0.9, 0.5 + 0.35 * Math.min(1, words / 2000) - 0.3 * teenRatio)));
    deciding = [...hits].filter((h) => h.category === 'sexual' || h.category === 'violence' || h.category === 'crude');
  }
  return { rating: { value: rating, confidence, evidence: evidenceOf(chapters, deciding, maxEvidence) }, violence };
}
