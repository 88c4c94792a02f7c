import type { Db } from '../store/schema.ts';
import { toTag } from './tag.repository.ts';
import { FREE_TAG_TYPES, type Tag, type TagType } from './tag.types.ts';

export interface ListedTag {
  tag: Tag;
  /** Posted works tagged with it (directly), within the fandom when one is given. */
  uses: number;
  /** The canonical tag's name, for a synonym. */
  synonymOfName: string | null;
}

/**
 * Tags for `quire tags list`: free tags (or one `type`), optionally only the unwrangled ones,
 * optionally only those used on posted works in a fandom (works whose filter tags include it).
 * Ordered by type, then name.
 */
export async function listTags(db: Db, opts: { type?: TagType; fandomId?: number; unwrangled?: boolean } = {}): Promise<ListedTag[]> {
  let q = db
    .selectFrom('tags')
    .leftJoin('tags as canon', 'canon.id', 'tags.synonym_of')
    .selectAll('tags')
    .select('canon.name as canon_name')
    .select((eb) => {
      let uses = eb
        .selectFrom('work_tags')
        .innerJoin('works', 'works.id', 'work_tags.work_id')
        .whereRef('work_tags.tag_id', '=', 'tags.id')
        .where('works.status', '=', 'posted');
      if (opts.fandomId !== undefined) {
        const f = opts.fandomId;
        uses = uses.where(({ exists, selectFrom }) => exists(selectFrom('filter_taggings as ft').select('ft.tag_id').whereRef('ft.work_id', '=', 'works.id').where('ft.tag_id', '=', f)));
      }
      return uses.select((e) => e.fn.count<number>('works.id').distinct().as('n')).as('uses');
    })
    .where('tags.type', 'in', opts.type ? [opts.type] : [...FREE_TAG_TYPES]);
  if (opts.unwrangled) q = q.where('tags.canonical', '=', 0).where('tags.synonym_of', 'is', null).where('tags.unwrangleable', '=', 0);
  const rows = await q.orderBy('tags.type').orderBy('tags.name_key').execute();
  return rows
    .map((r) => ({ tag: toTag(r), uses: Number(r.uses ?? 0), synonymOfName: r.canon_name }))
    .filter((t) => opts.fandomId === undefined || t.uses > 0);
}
