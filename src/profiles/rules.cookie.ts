import { z } from 'zod';
import { CATEGORIES, RATINGS, WARNINGS } from '../tags/tag.types.ts';
import { RULES_VERSION, rulesFromDocument } from './rules.stored.ts';
import { isEmptyRules, normalizeRules, type FilterRules } from './rules.ts';

/**
 * A guest's rules in a cookie: compact (one-letter keys, ratings, warnings and categories by
 * their index in the fixed lists, empty fields left out), as base64url of UTF-8 JSON so the
 * value needs no further escaping. It carries the same version number as the stored document.
 * Signing, size limits and cookie flags are the web edge's (src/web/routes/profiles-hook.ts).
 *
 * Example payload before base64url: `{"v":2,"t":["Angst"],"r":[4],"x":1,"n":1000}`.
 */

const index = (max: number) => z.number().int().min(0).max(max - 1);

const compact = z.object({
  v: z.number().int().min(1),
  t: z.array(z.string().max(1000)).max(10_000).optional(),
  r: z.array(index(RATINGS.length)).optional(),
  w: z.array(index(WARNINGS.length)).optional(),
  c: z.array(index(CATEGORIES.length)).optional(),
  p: z.array(z.number().int().positive()).max(100_000).optional(),
  x: z.literal(1).optional(),
  l: z.array(z.string().max(100)).max(1000).optional(),
  n: z.number().int().positive().optional(),
  m: z.number().int().positive().optional(),
});

/** The cookie payload for `rules` ('' when they hide nothing: the cookie should be cleared). */
export function encodeCookieRules(rules: FilterRules): string {
  const r = normalizeRules(rules);
  if (isEmptyRules(r)) return '';
  const doc: z.infer<typeof compact> = { v: RULES_VERSION };
  if (r.tags.length) doc.t = r.tags;
  if (r.ratings.length) doc.r = r.ratings.map((x) => RATINGS.indexOf(x));
  if (r.warnings.length) doc.w = r.warnings.map((x) => WARNINGS.indexOf(x));
  if (r.categories.length) doc.c = r.categories.map((x) => CATEGORIES.indexOf(x));
  if (r.creators.length) doc.p = r.creators;
  if (r.crossovers) doc.x = 1;
  if (r.languages.length) doc.l = r.languages;
  if (r.wordsMin !== null) doc.n = r.wordsMin;
  if (r.wordsMax !== null) doc.m = r.wordsMax;
  return Buffer.from(JSON.stringify(doc), 'utf8').toString('base64url');
}

/**
 * The rules in a cookie payload, or null when it is not one (garbled, tampered after signing
 * was checked elsewhere, or from a newer Quire). Never throws: a bad cookie means no rules.
 */
export function decodeCookieRules(payload: string): FilterRules | null {
  if (payload === '' || payload.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  try {
    const parsed = compact.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.v > RULES_VERSION) return null;
    const d = parsed.data;
    // The compact layout has not changed between versions; an upgrade step goes here when it does.
    return rulesFromDocument({
      v: RULES_VERSION,
      tags: d.t ?? [],
      ratings: (d.r ?? []).map((i) => RATINGS[i]),
      warnings: (d.w ?? []).map((i) => WARNINGS[i]),
      categories: (d.c ?? []).map((i) => CATEGORIES[i]),
      creators: d.p ?? [],
      crossovers: d.x === 1,
      languages: d.l ?? [],
      wordsMin: d.n ?? null,
      wordsMax: d.m ?? null,
    });
  } catch {
    return null;
  }
}
