import { z } from 'zod';
import { CATEGORIES, RATINGS, WARNINGS, parseCategory, parseRating, parseWarning } from '../tags/tag.types.ts';
import { parseLanguage } from '../works/language.ts';
import type { SeriesInput } from '../works/work.types.ts';
import type { WorkMeta } from './types.ts';

/**
 * The metadata fields a file's front matter (or a command-line flag) can set, each with a zod
 * schema that accepts what people actually type: a string or a list for list fields (a
 * comma-separated string too), `T` or `teen` for a rating, `yes` for a boolean.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'must be text' }).transform((v) => String(v).trim());
const item = z.union([z.string(), z.number()], { error: 'must be text or a list of text' });

/** `'a, b'` → `['a', 'b']`; `['a', 'b, c']` → `['a', 'b', 'c']`; empty items dropped. */
export function splitList(value: string | number | (string | number)[]): string[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

const list = z.union([item, z.array(item)], { error: 'must be text or a list of text' }).transform(splitList);

function parsedList<T>(parse: (s: string) => T | undefined, what: string, allowed: readonly string[]) {
  return list.transform((names, ctx) => {
    const out: T[] = [];
    for (const name of names) {
      const v = parse(name);
      if (v === undefined) ctx.addIssue({ code: 'custom', message: `"${name}" is not ${what} (one of ${allowed.join(', ')})` });
      else out.push(v);
    }
    return out;
  });
}

const rating = scalar.transform((v, ctx) => {
  const r = parseRating(v);
  if (!r) ctx.addIssue({ code: 'custom', message: `"${v}" is not a rating (one of ${RATINGS.join(', ')})` });
  return r ?? z.NEVER;
});

const language = scalar.transform((v, ctx) => {
  const code = parseLanguage(v);
  if (!code) ctx.addIssue({ code: 'custom', message: `"${v}" is not a known language or language code` });
  return code ?? z.NEVER;
});

const flag = z
  .union([z.boolean(), z.string()], { error: 'must be true or false' })
  .transform((v, ctx) => {
    if (typeof v === 'boolean') return v;
    const s = v.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(s)) return true;
    if (['false', 'no', 'off', '0'].includes(s)) return false;
    ctx.addIssue({ code: 'custom', message: `"${v}" is not true or false` });
    return z.NEVER;
  });

const date = z
  .union([z.string(), z.date()], { error: 'must be a date (YYYY-MM-DD)' })
  .transform((v, ctx) => {
    const s = v instanceof Date ? v.toISOString() : v.trim();
    if (/^\d{4}-\d{2}-\d{2}(?:$|[T ])/.test(s)) return s.slice(0, 10);
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a date (YYYY-MM-DD)` });
    return z.NEVER;
  });

const expected = z
  .union([z.number(), z.string(), z.null()], { error: 'must be a number of chapters or "?"' })
  .transform((v, ctx) => {
    if (v === null || (typeof v === 'string' && ['?', '', 'unknown'].includes(v.trim().toLowerCase()))) return null;
    const n = Number(v);
    if (Number.isInteger(n) && n >= 1) return n;
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a number of chapters (a whole number from 1, or "?")` });
    return z.NEVER;
  });

const seriesEntry = z.union([
  z.string().transform((title): SeriesInput => ({ title: title.trim() })),
  z
    .object({ title: z.string({ error: 'title must be text' }), position: z.number().int().min(1).optional(), part: z.number().int().min(1).optional() }, { error: 'must be a title or {title, position}' })
    .strict()
    .transform((s): SeriesInput => {
      const position = s.position ?? s.part;
      return position === undefined ? { title: s.title.trim() } : { title: s.title.trim(), position };
    }),
], { error: 'must be a title, {title, position}, or a list of those' });
const series = z.union([seriesEntry, z.array(seriesEntry)], { error: 'must be a title, {title, position}, or a list of those' }).transform((v) => (Array.isArray(v) ? v : [v]));

/** Every settable field: the WorkMeta key it fills and its schema. `draft` fills `status`. */
export const FIELDS = {
  title: scalar,
  summary: scalar,
  notes: scalar,
  endNotes: scalar,
  fandoms: list,
  rating,
  warnings: parsedList(parseWarning, 'an archive warning', WARNINGS),
  categories: parsedList(parseCategory, 'a category', CATEGORIES),
  relationships: list,
  characters: list,
  tags: list,
  language,
  series,
  creators: list,
  publishedOn: date,
  updatedOn: date,
  complete: flag,
  expectedChapters: expected,
  restricted: flag,
  draft: flag,
} as const;

export type FieldName = keyof typeof FIELDS;

/** Accepted spellings, folded (lower case, no spaces, `_` or `-`), for each field. */
const ALIASES: Record<FieldName, string[]> = {
  title: ['title'],
  summary: ['summary', 'description'],
  notes: ['notes', 'note', 'authorsnotes', 'startnotes'],
  endNotes: ['endnotes', 'endnote'],
  fandoms: ['fandoms', 'fandom'],
  rating: ['rating'],
  warnings: ['warnings', 'warning', 'archivewarnings', 'archivewarning'],
  categories: ['categories', 'category'],
  relationships: ['relationships', 'relationship', 'pairings', 'pairing', 'ships', 'ship'],
  characters: ['characters', 'character'],
  tags: ['tags', 'tag', 'additionaltags', 'freeforms', 'freeform'],
  language: ['language', 'lang'],
  series: ['series'],
  creators: ['creators', 'creator', 'authors', 'author', 'by'],
  publishedOn: ['published', 'publishedon', 'date', 'posted'],
  updatedOn: ['updated', 'updatedon'],
  complete: ['complete', 'completed', 'finished'],
  expectedChapters: ['expectedchapters', 'chaptersexpected', 'totalchapters'],
  restricted: ['restricted'],
  draft: ['draft'],
};

const BY_ALIAS = new Map<string, FieldName>(
  (Object.entries(ALIASES) as [FieldName, string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

/** Folds a key as written (`Expected Chapters`, `expected_chapters`) to the field it names, if any. */
export function fieldFor(key: string): FieldName | undefined {
  return BY_ALIAS.get(key.toLowerCase().replace(/[\s_'’-]/g, ''));
}

/** The documented names, for "did you mean" hints and the docs. */
export const FIELD_KEYS = [
  'title', 'summary', 'notes', 'end_notes', 'fandoms', 'rating', 'warnings', 'categories', 'relationships', 'characters',
  'tags', 'language', 'series', 'creators', 'published', 'updated', 'complete', 'expected_chapters', 'restricted', 'draft',
];

/** Checks one value for one field: the parsed value, or the reason it is wrong. */
export function parseField(field: FieldName, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const r = FIELDS[field].safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, message: r.error.issues.map((i) => i.message).join('; ') };
}

/** Puts a checked value into `meta` under its WorkInput name. */
export function assignField(meta: WorkMeta, field: FieldName, value: unknown): void {
  if (field === 'draft') meta.status = value ? 'draft' : 'posted';
  else (meta as Record<string, unknown>)[field] = value;
}
