import type { Db } from '../store/schema.ts';
import { foldName, RATINGS, WARNINGS } from '../tags/tag.types.ts';
import type { Suggestions } from './suggest.types.ts';

/**
 * Accepting suggestions: the one place that says what accepting each kind does to a work's tag
 * fields, for the post form's checkboxes and `quire import --accept-suggestions` alike. Pure but
 * for `canonicalNames`, which reads which typed names are synonyms.
 */

export type SuggestionKind = 'rating' | 'warning' | 'fandom' | 'character' | 'relationship' | 'language';

export interface Accepted {
  kind: SuggestionKind;
  value: string;
}

/** The tag fields suggestions can change. */
export interface TagFields {
  rating: string;
  warnings: string[];
  fandoms: string[];
  characters: string[];
  relationships: string[];
  language: string;
}

const KINDS: readonly SuggestionKind[] = ['rating', 'warning', 'fandom', 'character', 'relationship', 'language'];
/** Placeholders a specific accepted value replaces. */
const WARNING_PLACEHOLDERS: readonly string[] = ['No Archive Warnings Apply', 'Creator Chose Not To Use Archive Warnings'];
const FANDOM_PLACEHOLDER = 'uncategorized';

/** `character:Elizabeth Bennet`: the value of an accept checkbox. */
export function acceptKey(a: Accepted): string {
  return `${a.kind}:${a.value}`;
}

/** Accept checkbox values back into suggestions; anything malformed (or not a rating or warning where one is due) is dropped. */
export function parseAccepted(keys: readonly string[]): Accepted[] {
  const out: Accepted[] = [];
  for (const key of keys) {
    const i = key.indexOf(':');
    const kind = key.slice(0, i) as SuggestionKind;
    const value = key.slice(i + 1).replace(/\s+/g, ' ').trim();
    if (i < 1 || !KINDS.includes(kind) || value === '' || value.length > 200 || value.includes(',')) continue;
    if (kind === 'rating' && !(RATINGS as readonly string[]).includes(value)) continue;
    if (kind === 'warning' && !(WARNINGS as readonly string[]).includes(value)) continue;
    out.push({ kind, value });
  }
  return out;
}

/** Every suggestion, as if each were accepted (`--accept-suggestions`). */
export function everySuggestion(s: Suggestions): Accepted[] {
  return [
    { kind: 'rating', value: s.rating.value },
    ...s.warnings.map((w) => ({ kind: 'warning' as const, value: w.value })),
    ...s.fandoms.map((f) => ({ kind: 'fandom' as const, value: f.tag })),
    ...s.characters.map((c) => ({ kind: 'character' as const, value: c.tag })),
    ...s.relationships.map((r) => ({ kind: 'relationship' as const, value: r.tag })),
    ...(s.language ? [{ kind: 'language' as const, value: s.language.value }] : []),
  ];
}

/** Folded name → the canonical tag's name, for names that are synonyms (from `canonicalNames`). */
export type CanonicalMap = ReadonlyMap<string, string>;

/** Which of `names` are synonyms, and of which canonical tag (tag names prefer their canonical form). */
export async function canonicalNames(db: Db, names: readonly string[]): Promise<Map<string, string>> {
  const keys = [...new Set(names.map(foldName))].filter(Boolean);
  const out = new Map<string, string>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('tags as t')
    .innerJoin('tags as c', 'c.id', 't.synonym_of')
    .select(['t.name_key', 'c.name'])
    .where('t.name_key', 'in', keys)
    .execute();
  for (const r of rows) out.set(r.name_key, r.name);
  return out;
}

/** Whether `list` already holds `tag`, by name or by a synonym of it. */
export function holds(list: readonly string[], tag: string, canonical: CanonicalMap = new Map()): boolean {
  const key = foldName(tag);
  return list.some((n) => foldName(n) === key || foldName(canonical.get(foldName(n)) ?? '') === key);
}

/** Adds `tag`, replacing a synonym of it the list already holds with the canonical name. */
function addTag(list: readonly string[], tag: string, canonical: CanonicalMap): string[] {
  const key = foldName(tag);
  if (list.some((n) => foldName(n) === key)) return [...list];
  const i = list.findIndex((n) => foldName(canonical.get(foldName(n)) ?? '') === key);
  if (i >= 0) return list.map((n, j) => (j === i ? tag : n));
  return [...list, tag];
}

/**
 * The fields with the accepted suggestions in: a rating or language replaces the field; a
 * warning is added (replacing "No Archive Warnings Apply" and "Creator Chose Not To Use Archive
 * Warnings"); a fandom, character or relationship is added unless the field has it (a synonym
 * of it is replaced by the canonical name); a fandom replaces the importer's "Uncategorized".
 */
export function applyAccepted(fields: TagFields, accepted: readonly Accepted[], canonical: CanonicalMap = new Map()): TagFields {
  const out: TagFields = { ...fields, warnings: [...fields.warnings], fandoms: [...fields.fandoms], characters: [...fields.characters], relationships: [...fields.relationships] };
  for (const a of accepted) {
    if (a.kind === 'rating') out.rating = a.value;
    else if (a.kind === 'language') out.language = a.value;
    else if (a.kind === 'warning') {
      if (!out.warnings.includes(a.value)) out.warnings = [...out.warnings.filter((w) => !WARNING_PLACEHOLDERS.includes(w)), a.value];
    } else if (a.kind === 'fandom') out.fandoms = addTag(out.fandoms.filter((f) => foldName(f) !== FANDOM_PLACEHOLDER), a.value, canonical);
    else if (a.kind === 'character') out.characters = addTag(out.characters, a.value, canonical);
    else out.relationships = addTag(out.relationships, a.value, canonical);
  }
  return out;
}
