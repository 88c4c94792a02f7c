import { z } from 'zod';
import type { FilterRules } from '../../profiles/rules.ts';
import { CATEGORY_SLUGS, RATING_SLUGS, WARNING_SLUGS, slugOf } from '../../search/query.ts';
import { FREE_TAG_TYPES, type FreeTagType, foldName, type TagType } from '../../tags/tag.types.ts';
import type { Creator } from '../../works/work.types.ts';
import type { FormErrors } from '../views/account-fields.ts';
import type { FormValues } from '../views/work-form-controls.ts';
import { zodErrors } from './auth-forms.ts';
import { commaList } from './post-form.ts';

/**
 * The edge of the filters form (`/filters`): what its body may hold (zod), the rules it becomes,
 * and the values to fill back in. Tags come in one comma-separated field per kind (they are one
 * list to the engine); ratings, warnings and categories as check boxes named by slug.
 */

/** The form field of each free tag kind. */
export const TAG_FIELDS: Record<FreeTagType, string> = { fandom: 'fandoms', relationship: 'relationships', character: 'characters', additional: 'tags' };

export const FILTER_FIELDS = ['fandoms', 'relationships', 'characters', 'tags', 'ratings', 'warnings', 'categories', 'crossovers', 'languages', 'words_min', 'words_max', 'creators'] as const;
const LIST_FIELDS = new Set(['ratings', 'warnings', 'categories', 'languages']);

/** The named fields of a body: lists for check boxes and the language list, single strings otherwise. */
export function filterValues(body: unknown): FormValues {
  const src = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out: FormValues = {};
  for (const name of FILTER_FIELDS) {
    const v = src[name];
    const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
    out[name] = LIST_FIELDS.has(name) ? list : (list[list.length - 1] ?? '');
  }
  return out;
}

const slugs = <T extends string>(map: Record<string, T>, what: string) =>
  z.array(z.string()).max(50).transform((list, ctx) => {
    const out: T[] = [];
    for (const s of list) {
      const v = map[s];
      if (v) out.push(v);
      else ctx.addIssue({ code: 'custom', message: `has "${s.slice(0, 40)}", which is not a ${what}` });
    }
    return out;
  });

const words = z
  .string()
  .trim()
  .max(20, 'is too long')
  .transform((s) => s.replace(/[\s,_']/g, ''))
  .refine((s) => s === '' || /^[0-9]{1,12}$/.test(s), 'must be a whole number of words')
  .transform((s) => (s === '' || Number(s) === 0 ? null : Number(s)));

const text = (max: number) => z.string().max(max, `is too long (at most ${max.toLocaleString('en')} characters)`);

const form = z.object({
  fandoms: text(40_000),
  relationships: text(40_000),
  characters: text(40_000),
  tags: text(40_000),
  ratings: slugs(RATING_SLUGS, 'rating'),
  warnings: slugs(WARNING_SLUGS, 'warning'),
  categories: slugs(CATEGORY_SLUGS, 'category'),
  crossovers: z.string(),
  languages: z.array(z.string().max(20, 'has a value too long for a language code')).max(200, 'has too many languages'),
  words_min: words,
  words_max: words,
  creators: text(100_000),
});

/** The form as rules, creators still as names (the route resolves them). */
export interface FilterForm {
  rules: Omit<FilterRules, 'creators'>;
  creatorNames: string[];
}

/** Validates a filters form; on failure, the first problem per field. */
export function parseFilterForm(values: FormValues): { ok: true; form: FilterForm } | { ok: false; errors: FormErrors } {
  const parsed = form.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const f = parsed.data;
  const tags = [...commaList(f.fandoms), ...commaList(f.relationships), ...commaList(f.characters), ...commaList(f.tags)];
  return {
    ok: true,
    form: {
      rules: {
        tags,
        ratings: f.ratings,
        warnings: f.warnings,
        categories: f.categories,
        crossovers: f.crossovers !== '' && f.crossovers !== '0',
        languages: f.languages,
        wordsMin: f.words_min,
        wordsMax: f.words_max,
      },
      creatorNames: f.creators.split(/[,\n]/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean),
    },
  };
}

/**
 * The form's values for saved rules: each tag in the field of its kind (a tag the archive does
 * not know yet goes with the other tags), creators by their pen names now.
 */
export function rulesToValues(rules: FilterRules, kinds: Map<string, { name: string; type: TagType }>, creators: readonly Creator[]): FormValues {
  const byField: Record<string, string[]> = Object.fromEntries(FREE_TAG_TYPES.map((t) => [TAG_FIELDS[t], []]));
  for (const tag of rules.tags) {
    const known = kinds.get(foldName(tag));
    const type = known && (FREE_TAG_TYPES as readonly string[]).includes(known.type) ? (known.type as FreeTagType) : 'additional';
    byField[TAG_FIELDS[type]]!.push(known?.name ?? tag);
  }
  return {
    ...Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, v.join(', ')])),
    ratings: rules.ratings.map((r) => slugOf(RATING_SLUGS, r)),
    warnings: rules.warnings.map((w) => slugOf(WARNING_SLUGS, w)),
    categories: rules.categories.map((c) => slugOf(CATEGORY_SLUGS, c)),
    crossovers: rules.crossovers ? '1' : '',
    languages: rules.languages,
    words_min: rules.wordsMin === null ? '' : String(rules.wordsMin),
    words_max: rules.wordsMax === null ? '' : String(rules.wordsMax),
    creators: creators.map((c) => c.name).join(', '),
  };
}
