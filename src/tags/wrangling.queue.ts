import { sql } from 'kysely';
import type { Db } from '../store/schema.ts';
import { toTag } from './tag.repository.ts';
import type { Tag, TagType } from './tag.types.ts';

/**
 * The unwrangled queues: free tags that are neither canonical, a synonym nor unwrangleable, with
 * how many posted works use them. Per canonical fandom (works whose filter tags include it), the
 * fandom tags themselves (`fandoms`), and tags on works with no canonical fandom (`none`).
 * Drafts do not count: their tags are nobody's business until posted. Nor, unless `includeHidden`
 * (administrators), do works an administrator hid: a wrangler may not read them.
 */
export type QueueKey = number | 'fandoms' | 'none';

export interface QueueEntry {
  tag: Tag;
  uses: number;
}

export interface QueueSummary {
  fandom: Tag;
  unwrangled: number;
}

const TAG_COLS = ['tags.id', 'tags.type', 'tags.name', 'tags.name_key', 'tags.canonical', 'tags.synonym_of', 'tags.unwrangleable', 'tags.created_at'] as const;

/** Whether works hidden by an administrator count: only for administrators, who may read them. */
export interface QueueScope {
  includeHidden?: boolean;
}

function unwrangledUses(db: Db, scope: QueueScope) {
  const q = db
    .selectFrom('work_tags')
    .innerJoin('tags', 'tags.id', 'work_tags.tag_id')
    .innerJoin('works', 'works.id', 'work_tags.work_id')
    .where('works.status', '=', 'posted')
    .where('tags.canonical', '=', 0)
    .where('tags.synonym_of', 'is', null)
    .where('tags.unwrangleable', '=', 0)
    .where('tags.type', 'in', ['fandom', 'character', 'relationship', 'additional']);
  return scope.includeHidden ? q : q.where('works.hidden', '=', 0);
}

/** The (tag, work) pairs of one queue, before grouping. */
function queuePairs(db: Db, key: QueueKey, scope: QueueScope, type?: TagType) {
  let q = unwrangledUses(db, scope);
  if (key === 'fandoms') q = q.where('tags.type', '=', 'fandom');
  else {
    q = q.where('tags.type', '!=', 'fandom');
    if (key === 'none') {
      q = q.where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('filter_taggings as ft').innerJoin('tags as f', 'f.id', 'ft.tag_id').select('ft.tag_id').whereRef('ft.work_id', '=', 'works.id').where('f.type', '=', 'fandom').where('f.canonical', '=', 1))),
      );
    } else {
      q = q.where(({ exists, selectFrom }) => exists(selectFrom('filter_taggings as ft').select('ft.tag_id').whereRef('ft.work_id', '=', 'works.id').where('ft.tag_id', '=', key)));
    }
  }
  return type ? q.where('tags.type', '=', type) : q;
}

/** One queue, most used first, then by name (at most `limit`, default 500). `type` narrows it to one tag type. */
export async function unwrangledQueue(db: Db, key: QueueKey, opts: QueueScope & { type?: TagType; limit?: number } = {}): Promise<QueueEntry[]> {
  const rows = await queuePairs(db, key, opts, opts.type)
    .select([...TAG_COLS])
    .select((eb) => eb.fn.count<number>('works.id').distinct().as('uses'))
    .groupBy([...TAG_COLS])
    .orderBy(sql`count(distinct works.id)`, 'desc')
    .orderBy('tags.name_key')
    .limit(opts.limit ?? 500)
    .execute();
  return rows.map((r) => ({ tag: toTag(r), uses: Number(r.uses) }));
}

/** Canonical fandoms with the number of distinct unwrangled tags on their posted works (those with any). */
export async function queueSummaries(db: Db, scope: QueueScope = {}): Promise<QueueSummary[]> {
  const rows = await unwrangledUses(db, scope)
    .where('tags.type', '!=', 'fandom')
    .innerJoin('filter_taggings as ft', 'ft.work_id', 'works.id')
    .innerJoin('tags as f', 'f.id', 'ft.tag_id')
    .where('f.type', '=', 'fandom')
    .where('f.canonical', '=', 1)
    .select(['f.id', 'f.type', 'f.name', 'f.name_key', 'f.canonical', 'f.synonym_of', 'f.unwrangleable', 'f.created_at'])
    .select((eb) => eb.fn.count<number>('tags.id').distinct().as('n'))
    .groupBy(['f.id', 'f.type', 'f.name', 'f.name_key', 'f.canonical', 'f.synonym_of', 'f.unwrangleable', 'f.created_at'])
    .orderBy('f.name_key')
    .execute();
  return rows.map((r) => ({ fandom: toTag(r), unwrangled: Number(r.n) }));
}

/** How many distinct tags wait in the special queues. */
export async function specialCounts(db: Db, scope: QueueScope = {}): Promise<{ fandoms: number; none: number }> {
  const count = async (key: QueueKey) => {
    const row = await queuePairs(db, key, scope).select((eb) => eb.fn.count<number>('tags.id').distinct().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return { fandoms: await count('fandoms'), none: await count('none') };
}
