import { z } from 'zod';
import { QuireError } from '../errors.ts';
import { CATEGORIES, RATINGS, WARNINGS } from '../tags/tag.types.ts';
import { normalizeRules, type FilterRules } from './rules.ts';

/**
 * The saved form of a profile's rules: a JSON document that names its format version (`v`).
 * "Version what you save": every older version keeps loading, upgraded on read; a document from
 * a newer Quire is refused (`bad_request`) rather than half-read.
 *
 * - v1: the engine's own `HideRules` shape — ratings, warnings and categories inside `tags`,
 *   creators as `pseudIds`, optional fields.
 * - v2 (current): ratings, warnings and categories in their own lists, creators as `creators`,
 *   every field present, word bounds `null` when unset.
 */
export const RULES_VERSION = 2;

const count = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const name = z.string().max(1000);

const v1 = z.object({
  v: z.literal(1),
  tags: z.array(name).max(10_000).optional(),
  pseudIds: z.array(count).max(100_000).optional(),
  languages: z.array(name).max(1000).optional(),
  crossovers: z.boolean().optional(),
  wordsMin: count.optional(),
  wordsMax: count.optional(),
});

const v2 = z.object({
  v: z.literal(2),
  tags: z.array(name).max(10_000),
  ratings: z.array(z.enum(RATINGS)),
  warnings: z.array(z.enum(WARNINGS)),
  categories: z.array(z.enum(CATEGORIES)),
  creators: z.array(count).max(100_000),
  crossovers: z.boolean(),
  languages: z.array(name).max(1000),
  wordsMin: count.nullable(),
  wordsMax: count.nullable(),
});

const anyVersion = z.discriminatedUnion('v', [v1, v2]);

/** The rules as a document of the current version. */
export function rulesDocument(rules: FilterRules): { v: number } & FilterRules {
  return { v: RULES_VERSION, ...normalizeRules(rules) };
}

/** The rules as stored (JSON text of `rulesDocument`). */
export function serializeRules(rules: FilterRules): string {
  return JSON.stringify(rulesDocument(rules));
}

/**
 * Reads a rules document of any known version (a parsed JSON value), upgrading it to the
 * current rules. Throws `bad_request` naming the problem for anything else.
 *
 * @example rulesFromDocument({ v: 1, tags: ['Explicit'], pseudIds: [4] }) // ratings ['Explicit'], creators [4]
 */
export function rulesFromDocument(doc: unknown): FilterRules {
  const version = typeof doc === 'object' && doc !== null ? (doc as { v?: unknown }).v : undefined;
  if (typeof version === 'number' && version > RULES_VERSION) {
    throw new QuireError('bad_request', `filter rules of version ${version} come from a newer Quire (this one reads up to version ${RULES_VERSION})`);
  }
  const parsed = anyVersion.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QuireError('bad_request', `filter rules are malformed at ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'unknown problem'}`);
  }
  const d = parsed.data;
  if (d.v === 1) {
    return normalizeRules({ tags: d.tags, creators: d.pseudIds, languages: d.languages, crossovers: d.crossovers, wordsMin: d.wordsMin, wordsMax: d.wordsMax });
  }
  const { v: _v, ...rules } = d;
  return normalizeRules(rules);
}

/** Parses stored JSON text (`serializeRules`' output, or an older version's). Throws `bad_request`. */
export function parseStoredRules(json: string): FilterRules {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new QuireError('bad_request', 'filter rules are not valid JSON');
  }
  return rulesFromDocument(doc);
}
