import { sql } from 'kysely';
import { visibleWork } from '../interactions/visible-sql.ts';
import type { Db } from '../store/schema.ts';
import type { TagType } from '../tags/tag.types.ts';
import type { Viewer } from '../works/visibility.ts';

export interface TagCount {
  name: string;
  type: TagType;
  works: number;
}

/**
 * Filter tags of the given types (canonical tags, and unwrangled tags standing for themselves)
 * with how many works `viewer` may read carry them, by name or most used first; one page.
 */
export async function filterTagCounts(db: Db, viewer: Viewer, opts: { types: readonly TagType[]; order: 'name' | 'works'; offset: number; limit: number }): Promise<{ total: number; items: TagCount[] }> {
  const base = db
    .selectFrom('tags')
    .innerJoin('filter_taggings', 'filter_taggings.tag_id', 'tags.id')
    .innerJoin('works', 'works.id', 'filter_taggings.work_id')
    .where('tags.type', 'in', [...opts.types])
    .where((eb) => visibleWork(viewer)(eb));
  const total = await base.select(sql<number>`count(distinct tags.id)`.as('n')).executeTakeFirstOrThrow();
  let q = base
    .select(['tags.id', 'tags.name', 'tags.type', 'tags.name_key'])
    .select(sql<number>`count(distinct works.id)`.as('n'))
    .groupBy(['tags.id', 'tags.name', 'tags.type', 'tags.name_key']);
  q = opts.order === 'works' ? q.orderBy(sql`count(distinct works.id)`, 'desc').orderBy('tags.name_key') : q.orderBy('tags.name_key');
  const rows = await q.orderBy('tags.id').limit(opts.limit).offset(opts.offset).execute();
  return { total: Number(total.n), items: rows.map((r) => ({ name: r.name, type: r.type as TagType, works: Number(r.n) })) };
}
