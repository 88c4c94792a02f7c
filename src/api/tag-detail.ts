import { sql } from 'kysely';
import { QuireError } from '../errors.ts';
import { abs, paths } from '../feeds/links.ts';
import { visibleWork } from '../interactions/visible-sql.ts';
import type { Db } from '../store/schema.ts';
import { findTagByName, findTagsByIds } from '../tags/tag.repository.ts';
import { TAG_TYPES, type TagType } from '../tags/tag.types.ts';
import type { Viewer } from '../works/visibility.ts';
import { keyCursor, readKeyCursor } from './cursor.ts';
import type { ApiContext } from './serialize.ts';
import type { TagJson } from './schemas.ts';

async function namesOf(db: Db, ids: number[]): Promise<string[]> {
  return (await findTagsByIds(db, ids)).map((t) => t.name).sort((a, b) => a.localeCompare(b, 'en'));
}

/** Works with filter tag `tagId` that `viewer` may read (posted, not hidden; restricted for members; their own). */
export async function filterTagCount(db: Db, viewer: Viewer, tagId: number): Promise<number> {
  const row = await db
    .selectFrom('filter_taggings')
    .innerJoin('works', 'works.id', 'filter_taggings.work_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('filter_taggings.tag_id', '=', tagId)
    .where((eb) => visibleWork(viewer)(eb))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True when `viewer` may read a work that carries tag `tagId`, as written or as a filter tag. */
async function inUseFor(db: Db, viewer: Viewer, tagId: number): Promise<boolean> {
  const direct = await db
    .selectFrom('work_tags')
    .innerJoin('works', 'works.id', 'work_tags.work_id')
    .select('work_tags.work_id')
    .where('work_tags.tag_id', '=', tagId)
    .where((eb) => visibleWork(viewer)(eb))
    .limit(1)
    .executeTakeFirst();
  return direct !== undefined || (await filterTagCount(db, viewer, tagId)) > 0;
}

/**
 * A tag with its wrangling (REFERENCE §2): canonical or the synonym of which tag, its synonyms,
 * metatags and subtags, parent fandoms (characters, relationships), and how many works the
 * viewer may read carry it as a filter tag. `not_found` for an unknown name, and for a tag that
 * only works the viewer may not read carry (a draft's or hidden work's tag must not be confirmed).
 */
export async function tagDetail(db: Db, c: ApiContext, viewer: Viewer, name: string): Promise<TagJson> {
  const tag = await findTagByName(db, name);
  if (!tag || !(await inUseFor(db, viewer, tag.id))) throw new QuireError('not_found', `there is no tag "${name.slice(0, 150)}"`);
  const links = await db.selectFrom('tag_links').select(['tag_id', 'parent_id', 'kind']).where((eb) => eb.or([eb('tag_id', '=', tag.id), eb('parent_id', '=', tag.id)])).execute();
  const synonyms = await db.selectFrom('tags').select('id').where('synonym_of', '=', tag.id).execute();
  const synonymOf = tag.synonymOf !== null ? (await findTagsByIds(db, [tag.synonymOf]))[0]?.name ?? null : null;
  return {
    id: tag.id,
    name: tag.name,
    type: tag.type,
    url: abs(c, paths.tag(tag.name)),
    canonical: tag.canonical,
    unwrangleable: tag.unwrangleable,
    synonym_of: synonymOf,
    synonyms: await namesOf(db, synonyms.map((s) => s.id)),
    metatags: await namesOf(db, links.filter((l) => l.kind === 'meta' && l.tag_id === tag.id).map((l) => l.parent_id)),
    subtags: await namesOf(db, links.filter((l) => l.kind === 'meta' && l.parent_id === tag.id).map((l) => l.tag_id)),
    parent_fandoms: await namesOf(db, links.filter((l) => l.kind === 'fandom' && l.tag_id === tag.id).map((l) => l.parent_id)),
    works: await filterTagCount(db, viewer, tag.id),
  };
}

/** The `type` parameter: a tag type, or undefined when absent; anything else is `bad_request`. */
export function parseTagType(value: string | undefined): TagType | undefined {
  if (value === undefined || value === '') return undefined;
  if ((TAG_TYPES as readonly string[]).includes(value)) return value as TagType;
  throw new QuireError('bad_request', `type must be one of ${TAG_TYPES.join(', ')}, got "${value.slice(0, 20)}"`);
}

/**
 * Filter tags (canonical tags, and unwrangled tags standing for themselves) that carry at least
 * one work the viewer may read, with those counts, by name; one page after `cursor`.
 */
export async function tagPage(db: Db, c: ApiContext, viewer: Viewer, opts: { type?: TagType; cursor?: string; limit: number }) {
  const after = readKeyCursor(opts.cursor, 'string');
  let q = db
    .selectFrom('tags')
    .innerJoin('filter_taggings', 'filter_taggings.tag_id', 'tags.id')
    .innerJoin('works', 'works.id', 'filter_taggings.work_id')
    .where((eb) => visibleWork(viewer)(eb));
  if (opts.type) q = q.where('tags.type', '=', opts.type);
  if (after) {
    const [key, id] = after as [string, number];
    q = q.where((eb) => eb.or([eb('tags.name_key', '>', key), eb.and([eb('tags.name_key', '=', key), eb('tags.id', '>', id)])]));
  }
  const rows = await q
    .select(['tags.id', 'tags.name', 'tags.type', 'tags.name_key'])
    .select(sql<number>`count(distinct works.id)`.as('n'))
    .groupBy(['tags.id', 'tags.name', 'tags.type', 'tags.name_key'])
    .orderBy('tags.name_key')
    .orderBy('tags.id')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ name: r.name, type: r.type as TagType, works: Number(r.n), url: abs(c, paths.tag(r.name)) })),
    next_cursor: rows.length > opts.limit && last ? keyCursor(last.name_key, last.id) : null,
  };
}
