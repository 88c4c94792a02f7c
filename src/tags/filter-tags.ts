import type { Db } from '../store/schema.ts';

/**
 * Filter tags (REFERENCE §2): for every tag on a work, its canonical form (a synonym points to
 * its canonical tag; any other tag stands for itself), plus every metatag of those, transitively.
 *
 * Departure from AO3, on purpose: an unwrangled tag is its own filter tag, so a small archive
 * without wranglers can still filter on every tag. Tags marked unwrangleable are not filter tags.
 */
export interface TagGraph {
  synonymOf: Map<number, number>;
  unwrangleable: Set<number>;
  /** tag id → its metatags (direct). */
  metas: Map<number, number[]>;
}

/** Pure: the filter-tag closure of `tagIds` in `graph`. Cycles are tolerated. */
export function filterTagClosure(tagIds: Iterable<number>, graph: TagGraph): Set<number> {
  const out = new Set<number>();
  const stack: number[] = [];
  for (const id of tagIds) {
    if (graph.unwrangleable.has(id)) continue;
    stack.push(graph.synonymOf.get(id) ?? id);
  }
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const meta of graph.metas.get(id) ?? []) stack.push(graph.synonymOf.get(meta) ?? meta);
  }
  return out;
}

/** Loads the wrangling graph (synonyms, unwrangleable flags, metatag links). */
export async function loadTagGraph(db: Db): Promise<TagGraph> {
  const tags = await db.selectFrom('tags').select(['id', 'synonym_of', 'unwrangleable']).where((eb) => eb.or([eb('synonym_of', 'is not', null), eb('unwrangleable', '=', 1)])).execute();
  const links = await db.selectFrom('tag_links').select(['tag_id', 'parent_id']).where('kind', '=', 'meta').execute();
  const graph: TagGraph = { synonymOf: new Map(), unwrangleable: new Set(), metas: new Map() };
  for (const t of tags) {
    if (t.synonym_of !== null) graph.synonymOf.set(t.id, t.synonym_of);
    if (t.unwrangleable === 1) graph.unwrangleable.add(t.id);
  }
  for (const l of links) {
    const list = graph.metas.get(l.tag_id) ?? [];
    list.push(l.parent_id);
    graph.metas.set(l.tag_id, list);
  }
  return graph;
}

/** Recomputes and stores the filter tags of the given works. */
export async function refreshFilterTags(db: Db, workIds: readonly number[], graph?: TagGraph): Promise<void> {
  if (workIds.length === 0) return;
  const g = graph ?? (await loadTagGraph(db));
  for (let i = 0; i < workIds.length; i += 500) {
    const batch = workIds.slice(i, i + 500);
    const rows = await db.selectFrom('work_tags').select(['work_id', 'tag_id']).where('work_id', 'in', batch).execute();
    const byWork = new Map<number, number[]>(batch.map((id) => [id, []]));
    for (const r of rows) byWork.get(r.work_id)!.push(r.tag_id);
    await db.deleteFrom('filter_taggings').where('work_id', 'in', batch).execute();
    const values = [...byWork].flatMap(([workId, tagIds]) => [...filterTagClosure(tagIds, g)].map((tagId) => ({ work_id: workId, tag_id: tagId })));
    for (let j = 0; j < values.length; j += 400) {
      await db.insertInto('filter_taggings').values(values.slice(j, j + 400)).execute();
    }
  }
}

/**
 * Works whose filter tags may change when `tagId` is rewrangled: works tagged with it, with any
 * of its synonyms, or with any of its subtags (and their synonyms), transitively.
 */
export async function worksAffectedByTag(db: Db, tagId: number): Promise<number[]> {
  return worksAffectedByTags(db, [tagId]);
}

/** `worksAffectedByTag` for several tags at once (one walk), in id order. */
export async function worksAffectedByTags(db: Db, tagIds: readonly number[]): Promise<number[]> {
  const seen = new Set<number>(tagIds);
  let frontier = [...seen];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (let i = 0; i < frontier.length; i += 500) {
      const batch = frontier.slice(i, i + 500);
      const syn = await db.selectFrom('tags').select('id').where('synonym_of', 'in', batch).execute();
      const sub = await db.selectFrom('tag_links').select('tag_id as id').where('parent_id', 'in', batch).where('kind', '=', 'meta').execute();
      for (const r of [...syn, ...sub]) if (!seen.has(r.id)) (seen.add(r.id), next.push(r.id));
    }
    frontier = next;
  }
  const all = [...seen];
  const works = new Set<number>();
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db.selectFrom('work_tags').select('work_id').distinct().where('tag_id', 'in', all.slice(i, i + 500)).execute();
    for (const r of rows) works.add(r.work_id);
  }
  return [...works].sort((a, b) => a - b);
}
