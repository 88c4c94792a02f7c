import type { Db } from '../store/schema.ts';
import { findTagsByIds, toTag } from './tag.repository.ts';
import type { Tag } from './tag.types.ts';

/** What a tag is wrangled to: shown on its public page and its wrangling page. */
export interface TagRelations {
  tag: Tag;
  /** The canonical tag, when this one is a synonym. */
  canonical: Tag | null;
  synonyms: Tag[];
  metatags: Tag[];
  subtags: Tag[];
  parentFandoms: Tag[];
  /** For a fandom: the characters, relationships and additional tags it is a parent fandom of. */
  children: Tag[];
}

const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, 'en');

async function linked(db: Db, column: 'tag_id' | 'parent_id', id: number, kind: 'meta' | 'fandom'): Promise<Tag[]> {
  const other = column === 'tag_id' ? 'tag_links.parent_id' : 'tag_links.tag_id';
  const rows = await db.selectFrom('tag_links').innerJoin('tags', 'tags.id', other).selectAll('tags').where(`tag_links.${column}`, '=', id).where('tag_links.kind', '=', kind).execute();
  return rows.map(toTag).sort(byName);
}

/** The relations of `tag`, each list sorted by name. */
export async function tagRelations(db: Db, tag: Tag): Promise<TagRelations> {
  const synonyms = (await db.selectFrom('tags').selectAll().where('synonym_of', '=', tag.id).execute()).map(toTag).sort(byName);
  return {
    tag,
    canonical: tag.synonymOf !== null ? ((await findTagsByIds(db, [tag.synonymOf]))[0] ?? null) : null,
    synonyms,
    metatags: await linked(db, 'tag_id', tag.id, 'meta'),
    subtags: await linked(db, 'parent_id', tag.id, 'meta'),
    parentFandoms: await linked(db, 'tag_id', tag.id, 'fandom'),
    children: tag.type === 'fandom' ? await linked(db, 'parent_id', tag.id, 'fandom') : [],
  };
}

/** How a tag's state reads in lists: canonical, synonym, unwrangleable or unwrangled. */
export function tagState(tag: Tag): 'canonical' | 'synonym' | 'unwrangleable' | 'unwrangled' {
  if (tag.synonymOf !== null) return 'synonym';
  if (tag.unwrangleable) return 'unwrangleable';
  return tag.canonical ? 'canonical' : 'unwrangled';
}

/**
 * `rel` with only the related tags that appear on a work a reader may see (posted, not hidden;
 * restricted works only for members), directly or as a filter tag: a public tag page must not
 * name a tag that only a draft or a hidden work carries.
 */
export async function publicRelations(db: Db, rel: TagRelations, includeRestricted: boolean): Promise<TagRelations> {
  const ids = [...new Set([...rel.synonyms, ...rel.metatags, ...rel.subtags, ...rel.parentFandoms, ...rel.children].map((t) => t.id))];
  const seen = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    for (const table of ['work_tags', 'filter_taggings'] as const) {
      let q = db.selectFrom(table).innerJoin('works', 'works.id', `${table}.work_id`).select(`${table}.tag_id as id`).distinct().where(`${table}.tag_id`, 'in', batch).where('works.status', '=', 'posted').where('works.hidden', '=', 0);
      if (!includeRestricted) q = q.where('works.restricted', '=', 0);
      for (const r of await q.execute()) seen.add(r.id);
    }
  }
  const keep = (list: Tag[]) => list.filter((t) => seen.has(t.id));
  return { ...rel, synonyms: keep(rel.synonyms), metatags: keep(rel.metatags), subtags: keep(rel.subtags), parentFandoms: keep(rel.parentFandoms), children: keep(rel.children) };
}
