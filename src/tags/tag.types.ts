/** The four kinds of free tag an author types, and the three fixed sets (REFERENCE §1). */
export const FREE_TAG_TYPES = ['fandom', 'relationship', 'character', 'additional'] as const;
export const FIXED_TAG_TYPES = ['rating', 'warning', 'category'] as const;
export const TAG_TYPES = [...FREE_TAG_TYPES, ...FIXED_TAG_TYPES] as const;

export type FreeTagType = (typeof FREE_TAG_TYPES)[number];
export type FixedTagType = (typeof FIXED_TAG_TYPES)[number];
export type TagType = (typeof TAG_TYPES)[number];

export const RATINGS = ['Not Rated', 'General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit'] as const;
export type Rating = (typeof RATINGS)[number];
/** Ratings behind the adult-content interstitial. */
export const ADULT_RATINGS: readonly Rating[] = ['Not Rated', 'Mature', 'Explicit'];

export const WARNINGS = [
  'Creator Chose Not To Use Archive Warnings',
  'No Archive Warnings Apply',
  'Graphic Depictions Of Violence',
  'Major Character Death',
  'Rape/Non-Con',
  'Underage Sex',
] as const;
export type Warning = (typeof WARNINGS)[number];

export const CATEGORIES = ['Gen', 'F/M', 'M/M', 'F/F', 'Multi', 'Other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const FIXED_TAGS: Record<FixedTagType, readonly string[]> = {
  rating: RATINGS,
  warning: WARNINGS,
  category: CATEGORIES,
};

/** Short forms accepted on input (`--rating explicit`, front matter `rating: T`). */
const RATING_ALIASES: Record<string, Rating> = {
  'not rated': 'Not Rated', nr: 'Not Rated', unrated: 'Not Rated',
  general: 'General Audiences', 'general audiences': 'General Audiences', g: 'General Audiences', gen: 'General Audiences',
  teen: 'Teen And Up Audiences', 'teen and up': 'Teen And Up Audiences', 'teen and up audiences': 'Teen And Up Audiences', t: 'Teen And Up Audiences',
  mature: 'Mature', m: 'Mature',
  explicit: 'Explicit', e: 'Explicit',
};

const WARNING_ALIASES: Record<string, Warning> = {
  'creator chose not to use archive warnings': WARNINGS[0], 'choose not to warn': WARNINGS[0], 'chose not to warn': WARNINGS[0], cntw: WARNINGS[0],
  'no archive warnings apply': WARNINGS[1], none: WARNINGS[1], 'no warnings': WARNINGS[1], 'no warnings apply': WARNINGS[1],
  'graphic depictions of violence': WARNINGS[2], violence: WARNINGS[2],
  'major character death': WARNINGS[3], mcd: WARNINGS[3],
  'rape/non-con': WARNINGS[4], 'non-con': WARNINGS[4], noncon: WARNINGS[4],
  'underage sex': WARNINGS[5], underage: WARNINGS[5],
};

/** Folds a tag name for comparison: Unicode NFKC, lower case, single spaces, trimmed. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Cleans a tag name as typed: NFC, control characters (C0, DEL, C1) turned into spaces so no
 * terminal escape reaches an operator's `quire tags list`, single spaces, trimmed.
 * (Commas never reach here from forms: AO3-style fields split tags on commas.)
 */
export function cleanTagName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** `parseRating('explicit') === 'Explicit'`; undefined if it is not a rating. */
export function parseRating(input: string): Rating | undefined {
  const key = foldName(input);
  return RATING_ALIASES[key] ?? RATINGS.find((r) => foldName(r) === key);
}

export function parseWarning(input: string): Warning | undefined {
  const key = foldName(input);
  return WARNING_ALIASES[key] ?? WARNINGS.find((w) => foldName(w) === key);
}

export function parseCategory(input: string): Category | undefined {
  const key = foldName(input).replace(/\s/g, '');
  return CATEGORIES.find((c) => c.toLowerCase() === key);
}

/** A tag as the domain sees it. */
export interface Tag {
  id: number;
  type: TagType;
  name: string;
  canonical: boolean;
  synonymOf: number | null;
  unwrangleable: boolean;
}
