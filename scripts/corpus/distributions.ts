import type { Category, Rating, Warning } from '../../src/tags/tag.types.ts';
import { LANGUAGE_PROFILES } from './languages.ts';
import type { Rng } from './rng.ts';
import { WeightedChoice } from './sampling.ts';

/**
 * The shape of a real archive (REFERENCE §8) as samplers. Each function draws one work's value.
 */
const RATING_CHOICE = new WeightedChoice<Rating>([
  ['General Audiences', 27.8], ['Teen And Up Audiences', 29.9], ['Mature', 15.1], ['Explicit', 16.3], ['Not Rated', 10.9],
]);

export function sampleRating(rng: Rng): Rating {
  return RATING_CHOICE.sample(rng);
}

const SPECIFIC: [Warning, number][] = [
  ['Graphic Depictions Of Violence', 0.5], ['Major Character Death', 0.25], ['Rape/Non-Con', 0.15], ['Underage Sex', 0.1],
];
const SPECIFIC_CHOICE = new WeightedChoice(SPECIFIC);

/**
 * No Archive Warnings Apply on ≈56% of works (alone: it contradicts the others), Creator Chose
 * Not To Use on ≈35% (sometimes with a specific warning too), specific warnings on the rest.
 */
export function sampleWarnings(rng: Rng): Warning[] {
  const u = rng.float();
  if (u < 0.56) return ['No Archive Warnings Apply'];
  const out: Warning[] = [];
  if (u < 0.91) {
    out.push('Creator Chose Not To Use Archive Warnings');
    if (rng.chance(0.12)) out.push(SPECIFIC_CHOICE.sample(rng));
  } else {
    out.push(SPECIFIC_CHOICE.sample(rng));
    if (rng.chance(0.25)) out.push(SPECIFIC_CHOICE.sample(rng));
  }
  return [...new Set(out)];
}

const MAIN_CATEGORY = new WeightedChoice<Category | null>([
  ['M/M', 48], ['F/M', 21], ['Gen', 18], ['F/F', 5], ['Multi', 3], ['Other', 2], [null, 6],
]);
const EXTRA_CATEGORY: [Category, number][] = [['M/M', 0.06], ['F/M', 0.045], ['Gen', 0.025], ['F/F', 0.025], ['Multi', 0.02], ['Other', 0.01]];

/** One main category (M/M ≈51%, F/M ≈25%, Gen ≈20% overall), sometimes more, sometimes none. */
export function sampleCategories(rng: Rng): Category[] {
  const out = new Set<Category>();
  const main = MAIN_CATEGORY.sample(rng);
  if (main) out.add(main);
  for (const [c, p] of EXTRA_CATEGORY) if (rng.chance(p)) out.add(c);
  return [...out];
}

const LANGUAGE_CHOICE = new WeightedChoice(LANGUAGE_PROFILES.map((p) => [p.code, p.share] as const));

export function sampleLanguage(rng: Rng): string {
  return LANGUAGE_CHOICE.sample(rng);
}

/**
 * Word counts: a mixture of short works (log-normal, median 1,700) and long ones (9.7%,
 * median 29 k), giving ≈94% ≤ 25 k, ≈3.3% 25–50 k and ≈2.5% ≥ 50 k (mean ≈6.5 k); long works are capped at
 * 300 k (the rare giants are planted separately, see `giantWords`).
 */
export function sampleWords(rng: Rng): number {
  if (rng.chance(0.097)) {
    let w = rng.logNormal(29_000, 0.85);
    while (w > 300_000) w = rng.logNormal(29_000, 0.85);
    return Math.round(w);
  }
  return Math.max(50, Math.round(rng.logNormal(1_700, 1.0)));
}

/** A giant work: 500 k words or more (AO3 has ~150 works over 1 M). */
export function giantWords(rng: Rng): number {
  return Math.round(Math.min(1_500_000, Math.max(500_000, rng.logNormal(650_000, 0.3))));
}

/** How many giants an archive of `works` gets: one per 25 k works (4 at 100 k). */
export function giantCount(works: number): number {
  return Math.floor(works / 25_000);
}

/**
 * Splits a work into chapters. One-shots up to 5 k words; longer complete works are one-shots
 * less and less often; works in progress and works over 30 k words come in chapters of
 * 2–8 k words (a chapter never exceeds 30 k words, far under AO3's 510,000-character limit).
 */
export function splitChapters(rng: Rng, words: number, complete: boolean): number[] {
  let chaptered: boolean;
  if (words > 30_000) chaptered = true;
  else if (!complete) chaptered = words > 1_500 && rng.chance(0.7);
  else if (words <= 5_000) chaptered = rng.chance(0.04);
  else chaptered = rng.chance(Math.min(0.9, words / 25_000));
  if (!chaptered || words < 200) return [words];
  const per = Math.min(8_000, Math.max(2_000, rng.logNormal(3_500, 0.35)));
  const n = Math.max(2, Math.min(2_000, Math.round(words / per)));
  const weights = Array.from({ length: n }, () => rng.logNormal(1, 0.3));
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let cum = 0;
  let prev = 0;
  for (const w of weights) {
    cum += (w / total) * words;
    const next = Math.round(cum);
    out.push(Math.max(1, next - prev));
    prev = next;
  }
  // Rounding and the 1-word floor can move the sum: fix it on the longest chapter.
  const diff = words - out.reduce((a, b) => a + b, 0);
  const longest = out.indexOf(Math.max(...out));
  out[longest] = out[longest]! + diff;
  return out;
}

/**
 * Fandom, relationship, character and additional tags on a work: log-normal with median 12,
 * so that with rating, warnings and categories (and after duplicates fall away) a work carries
 * ≈17 tags on average, 11 most often.
 */
export function sampleFreeTagCount(rng: Rng): number {
  return Math.min(75, Math.max(1, Math.round(rng.logNormal(12, 0.6))));
}

/** Engagement, heavily skewed: median kudos in the tens, hits far above kudos. */
export function sampleStats(rng: Rng, words: number, chapters: number): { hits: number; kudos: number; comments: number; bookmarks: number } {
  const lengthFactor = Math.pow(Math.min(words, 100_000) / 3_000, 0.25);
  const kudos = Math.floor(rng.logNormal(32, 1.3) * lengthFactor);
  const hits = Math.floor(kudos * rng.logNormal(14, 0.5) + rng.logNormal(60, 0.8));
  const comments = Math.floor(kudos * rng.logNormal(0.08, 0.8) * Math.sqrt(chapters));
  const bookmarks = Math.floor(kudos * rng.logNormal(0.12, 0.6));
  return { hits, kudos, comments, bookmarks };
}
