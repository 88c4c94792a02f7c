import type { Db } from '../store/schema.ts';
import type { Viewer } from '../works/visibility.ts';
import { FIXED_TAG_TYPES } from './tag.types.ts';

/**
 * Which tags a wrangler may see on the wrangling pages. A tag typed only on drafts (or, for a
 * wrangler who is not an administrator, only on works an administrator hid) is nobody's business
 * until its work is posted: the queues leave it out, and opening, naming or changing it answers
 * "not found", exactly as for a tag that does not exist — so it never reaches a page, an error
 * message or the audit log. A tag is visible when it is a fixed tag (ratings, warnings,
 * categories), when it is wrangled already (canonical, a synonym, unwrangleable, or linked to
 * another tag), or when a posted work the viewer may read carries it. The operator sees all.
 */
export async function visibleToWrangler(db: Db, viewer: Viewer, ids: readonly number[]): Promise<Set<number>> {
  const wanted = [...new Set(ids)];
  if (viewer.kind === 'operator') return new Set(wanted);
  const seen = new Set<number>();
  const includeHidden = viewer.admin === true;
  for (let i = 0; i < wanted.length; i += 500) {
    const batch = wanted.slice(i, i + 500);
    const wrangled = await db
      .selectFrom('tags')
      .select('id')
      .where('id', 'in', batch)
      .where((eb) =>
        eb.or([
          eb('type', 'in', [...FIXED_TAG_TYPES]),
          eb('canonical', '=', 1),
          eb('synonym_of', 'is not', null),
          eb('unwrangleable', '=', 1),
          eb.exists(eb.selectFrom('tag_links as l').select('l.tag_id').where((l) => l.or([l('l.tag_id', '=', l.ref('tags.id')), l('l.parent_id', '=', l.ref('tags.id'))]))),
        ]),
      )
      .execute();
    for (const r of wrangled) seen.add(r.id);
    const rest = batch.filter((id) => !seen.has(id));
    if (rest.length === 0) continue;
    let used = db
      .selectFrom('work_tags')
      .innerJoin('works', 'works.id', 'work_tags.work_id')
      .select('work_tags.tag_id as id')
      .distinct()
      .where('work_tags.tag_id', 'in', rest)
      .where('works.status', '=', 'posted');
    if (!includeHidden) used = used.where('works.hidden', '=', 0);
    for (const r of await used.execute()) seen.add(r.id);
  }
  return seen;
}
