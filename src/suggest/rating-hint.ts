import type { Rating } from '../tags/tag.types.ts';
import { findCharacters, type ChapterTokens } from './characters.ts';
import type { NameIndex } from './name-index.ts';
import { rateText, scanLexicon } from './rating.ts';
import type { RatingSuggestion } from './suggest.types.ts';
import { tokenize } from './tokenize.ts';

/** Ratings in order of what they admit; Not Rated stands apart (readers are already warned). */
const RANK: Record<Rating, number> = { 'Not Rated': -1, 'General Audiences': 0, 'Teen And Up Audiences': 1, Mature: 2, Explicit: 3 };

/**
 * Whether a hinted rating is above the declared one: `General Audiences` declared and `Mature`
 * hinted is; anything declared `Not Rated` never is (it already shows the adult-content notice).
 */
export function hintExceeds(declared: Rating, hinted: Rating): boolean {
  return declared !== 'Not Rated' && RANK[hinted] > RANK[declared];
}

/**
 * Only the rating part of `suggest()`: tokens, names (so that words inside a name do not count)
 * and the word lists. What runs after every write of a work, so it skips relationships,
 * deaths, fandoms and language.
 *
 * @example ratingHint(['They kissed.'], index).value === 'Teen And Up Audiences'
 */
export function ratingHint(texts: readonly string[], index: NameIndex, maxEvidence = 5): RatingSuggestion {
  const chapters: ChapterTokens[] = texts.map((text, i) => ({ number: i + 1, tokens: tokenize(text) }));
  const words = chapters.reduce((n, c) => n + c.tokens.length, 0);
  const matches = findCharacters(chapters, index);
  const hits = scanLexicon(chapters, matches.mentions);
  return rateText(chapters, hits, words, maxEvidence).rating;
}
