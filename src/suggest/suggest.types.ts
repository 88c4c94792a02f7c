import type { Rating, Warning } from '../tags/tag.types.ts';

/**
 * What `suggest()` returns. Every suggestion carries a confidence (0–1) and its evidence: the
 * passages that led to it, so the author can accept or reject it. Nothing is applied for them.
 */

/** One passage behind a suggestion. */
export interface Evidence {
  /** 1-based chapter number. */
  chapter: number;
  /** Character offset of the first matched words in the chapter's plain text. */
  offset: number;
  /** Length of those words: `chapterText.slice(offset, offset + length)` is what matched. */
  length: number;
  /** The matched words themselves. */
  match: string;
  /** A short excerpt around the match, matched words marked «like this», whitespace collapsed. */
  excerpt: string;
  /** Why this passage counts, e.g. `sexual (strong)` or `romantic language near both`. */
  reason?: string;
}

export interface ValueSuggestion<T> {
  value: T;
  confidence: number;
  evidence: Evidence[];
}

export type RatingSuggestion = ValueSuggestion<Rating>;
export type WarningSuggestion = ValueSuggestion<Warning>;
/** `value` is a language code (`en`, `zh`) as works store it. */
export type LanguageSuggestion = ValueSuggestion<string>;

export interface CharacterSuggestion {
  /** The canonical character tag. */
  tag: string;
  /** How many times the text names the character (full name, synonym, or a distinctive part). */
  mentions: number;
  confidence: number;
  /** The first few mentions. */
  evidence: Evidence[];
}

export interface RelationshipSuggestion {
  /** `A/B` (romantic) or `A & B` (platonic): an existing tag when the archive has one. */
  tag: string;
  kind: 'romantic' | 'platonic';
  /** True when `tag` already exists in the archive. */
  existing: boolean;
  confidence: number;
  evidence: Evidence[];
}

export interface FandomSuggestion {
  tag: string;
  confidence: number;
  /** The suggested characters that belong to it. */
  characters: string[];
  evidence: Evidence[];
}

export interface Suggestions {
  rating: RatingSuggestion;
  warnings: WarningSuggestion[];
  characters: CharacterSuggestion[];
  relationships: RelationshipSuggestion[];
  /** Undefined when the text is too short or mixed to tell. */
  language: LanguageSuggestion | undefined;
  /** Fandoms inferred from the characters (the given fandom, if any, is not repeated unless inferred). */
  fandoms: FandomSuggestion[];
  /** Chapters and words read. */
  stats: { chapters: number; words: number };
}

/** A chapter of plain text, as `suggest` reads it. */
export interface ChapterText {
  title?: string;
  text: string;
}

export interface SuggestOptions {
  /** A fandom tag name (or synonym): resolves names shared across fandoms. */
  fandom?: string;
  /** Most evidence items kept per suggestion (default 5). */
  maxEvidence?: number;
}
