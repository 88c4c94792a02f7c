import { sql } from 'kysely';
import type { FieldIssue } from '../errors.ts';
import type { Db } from '../store/schema.ts';
import { FIXED_TAGS, foldName, type FreeTagType } from '../tags/tag.types.ts';
import type { Viewer } from './visibility.ts';

/**
 * Tags for the posting forms: suggestions while typing, the common tags offered in each field's
 * `<datalist>`, and the check that a typed tag does not already exist as another kind.
 *
 * What a suggestion may reveal: a tag is offered only when it is public anyway, that is, when a
 * wrangler made it canonical or a synonym, or when a posted, unhidden work the asker may read
 * carries it. A tag used only on drafts (or, for guests, on restricted works) is never offered.
 */

/** One suggestion: a canonical name, another tag in use, or a synonym with the name to use instead. */
export interface TagSuggestion {
  name: string;
  canonical: boolean;
  /** For a synonym: its canonical tag's name. */
  synonymOf?: string;
}

/** The form field a free tag type's problems are reported on (as `validateWork` names them). */
export const TAG_FIELDS: Record<FreeTagType, string> = { fandom: 'fandoms', relationship: 'relationships', character: 'characters', additional: 'tags' };

const TYPE_NAMES: Record<string, string> = {
  fandom: 'fandom', relationship: 'relationship', character: 'character', additional: 'additional tag',
  rating: 'rating', warning: 'archive warning', category: 'category',
};

/** `%`, `_` and `\` taken literally in a LIKE pattern (with `escape '\'`). */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Up to `limit` tags of `type` whose name contains `query` (case and spacing ignored):
 * canonical tags first, then other tags in use, then synonyms (with their canonical name);
 * names starting with the query before the rest.
 *
 * @example await suggestTags(db, 'character', 'eli', GUEST) // [{ name: 'Elinor Vane', canonical: true }, …]
 */
export async function suggestTags(db: Db, type: FreeTagType, query: string, viewer: Viewer, limit = 10): Promise<TagSuggestion[]> {
  const q = foldName(query).slice(0, 100);
  if (q.length === 0) return [];
  const includeRestricted = viewer.kind !== 'guest';
  const contains = `%${likeEscape(q)}%`;
  const prefix = `${likeEscape(q)}%`;
  const rows = await db
    .selectFrom('tags')
    .leftJoin('tags as canon', 'canon.id', 'tags.synonym_of')
    .select(['tags.name', 'tags.canonical', 'canon.name as canonical_name'])
    .select(sql<number>`case when tags.name_key like ${prefix} escape '\\' then 0 else 1 end`.as('rank_prefix'))
    .select(sql<number>`case when tags.canonical = 1 then 0 when tags.synonym_of is null then 1 else 2 end`.as('rank_kind'))
    .where('tags.type', '=', type)
    .where(sql<boolean>`tags.name_key like ${contains} escape '\\'`)
    .where((eb) =>
      eb.or([
        eb('tags.canonical', '=', 1),
        eb('tags.synonym_of', 'is not', null),
        eb.exists(
          eb.selectFrom('work_tags')
            .innerJoin('works', 'works.id', 'work_tags.work_id')
            .select('work_tags.work_id')
            .whereRef('work_tags.tag_id', '=', 'tags.id')
            .where('works.status', '=', 'posted')
            .where('works.hidden', '=', 0)
            .$if(!includeRestricted, (qb) => qb.where('works.restricted', '=', 0)),
        ),
      ]),
    )
    .orderBy('rank_kind')
    .orderBy('rank_prefix')
    .orderBy('tags.name_key')
    .limit(Math.min(Math.max(limit, 1), 50))
    .execute();
  return rows.map((r) => (r.canonical_name ? { name: r.name, canonical: false, synonymOf: r.canonical_name } : { name: r.name, canonical: r.canonical === 1 }));
}

/**
 * The `limit` most used tags of `type` that a form may offer (canonical ones, and any carried
 * by a posted, unhidden work), most used first. Synonyms are left out: their canonical tag is offered.
 */
export async function commonTags(db: Db, type: FreeTagType, limit = 100): Promise<string[]> {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('work_tags', 'work_tags.tag_id', 'tags.id')
    .leftJoin('works', (join) => join.onRef('works.id', '=', 'work_tags.work_id').on('works.status', '=', 'posted').on('works.hidden', '=', 0))
    .select((eb) => ['tags.name', 'tags.name_key', 'tags.canonical', eb.fn.count<number>('works.id').as('uses')])
    .where('tags.type', '=', type)
    .where('tags.synonym_of', 'is', null)
    .groupBy(['tags.id', 'tags.name', 'tags.name_key', 'tags.canonical'])
    .having((eb) => eb.or([eb('tags.canonical', '=', 1), eb(eb.fn.count('works.id'), '>', 0)]))
    .orderBy('uses', 'desc')
    .orderBy('tags.name_key')
    .limit(limit)
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Tag names are unique across kinds (as on AO3): a character may not be named like an existing
 * fandom, nor like a rating, warning or category. One problem per clash, on the field it was typed in.
 */
export async function tagKindIssues(db: Db, lists: Record<FreeTagType, readonly string[]>): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const fixed = new Map<string, string>();
  for (const [type, names] of Object.entries(FIXED_TAGS)) for (const n of names) fixed.set(foldName(n), type);
  for (const [type, names] of Object.entries(lists) as [FreeTagType, readonly string[]][]) {
    const keys = [...new Set(names.map(foldName).filter(Boolean))];
    if (keys.length === 0) continue;
    const existing = await db.selectFrom('tags').select(['name', 'name_key', 'type']).where('name_key', 'in', keys).execute();
    const byKey = new Map(existing.map((t) => [t.name_key, t]));
    for (const key of keys) {
      const other = byKey.get(key)?.type ?? fixed.get(key);
      if (other && other !== type) {
        const name = byKey.get(key)?.name ?? names.find((n) => foldName(n) === key) ?? key;
        const was = TYPE_NAMES[other] ?? other;
        const article = (w: string) => (/^[aeiou]/.test(w) ? 'an' : 'a');
        issues.push({ field: TAG_FIELDS[type], message: `"${name}" is already ${article(was)} ${was.endsWith('tag') ? was : `${was} tag`}, so it cannot be used as ${article(TYPE_NAMES[type]!)} ${TYPE_NAMES[type]}` });
      }
    }
  }
  return issues;
}
