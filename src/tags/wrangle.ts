import { QuireError, notFound } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Db } from '../store/schema.ts';
import type { WorkEvents } from '../works/work.events.ts';
import { refreshFilterTags, worksAffectedByTag } from './filter-tags.ts';
import { findTagsByIds } from './tag.repository.ts';
import { FIXED_TAG_TYPES, type Tag } from './tag.types.ts';

/**
 * The wrangling operations that change filter tags. Each runs in one transaction, recomputes
 * the filter tags of every affected work, then tells the listeners. (The wrangling pages and
 * `quire tags` commands come with the wrangling issue; they will call these.)
 */
async function load(db: Db, id: number): Promise<Tag> {
  const [tag] = await findTagsByIds(db, [id]);
  if (!tag) throw notFound('tag', id);
  return tag;
}

async function rewrangle(store: Store, events: WorkEvents, tagId: number, change: (trx: Db) => Promise<void>): Promise<number[]> {
  const affected = await store.db.transaction().execute(async (trx) => {
    const before = await worksAffectedByTag(trx, tagId);
    await change(trx);
    const after = await worksAffectedByTag(trx, tagId);
    const ids = [...new Set([...before, ...after])];
    await refreshFilterTags(trx, ids);
    await events.written(trx, ids);
    return ids;
  });
  await events.changed(affected);
  return affected;
}

/** Makes `tagId` a synonym of the canonical `canonicalId`; its own synonyms follow it. */
export async function makeSynonym(store: Store, events: WorkEvents, tagId: number, canonicalId: number): Promise<number[]> {
  return rewrangle(store, events, tagId, async (trx) => {
    const [tag, target] = [await load(trx, tagId), await load(trx, canonicalId)];
    if (tag.id === target.id) throw new QuireError('validation_failed', `tag "${tag.name}" cannot be a synonym of itself`);
    if (tag.type !== target.type) throw new QuireError('validation_failed', `"${tag.name}" is a ${tag.type} tag and "${target.name}" a ${target.type} tag`);
    if ((FIXED_TAG_TYPES as readonly string[]).includes(tag.type)) throw new QuireError('validation_failed', `${tag.type} tags are fixed`);
    if (target.synonymOf !== null) throw new QuireError('validation_failed', `"${target.name}" is itself a synonym; choose its canonical tag`);
    await trx.updateTable('tags').set({ canonical: 1 }).where('id', '=', target.id).execute();
    await trx.updateTable('tags').set({ synonym_of: target.id, canonical: 0 }).where('id', '=', tag.id).execute();
    await trx.updateTable('tags').set({ synonym_of: target.id }).where('synonym_of', '=', tag.id).execute();
  });
}

/** Makes `tagId` canonical (and no longer anyone's synonym). */
export async function makeCanonical(store: Store, events: WorkEvents, tagId: number): Promise<number[]> {
  return rewrangle(store, events, tagId, async (trx) => {
    await load(trx, tagId);
    await trx.updateTable('tags').set({ canonical: 1, synonym_of: null, unwrangleable: 0 }).where('id', '=', tagId).execute();
  });
}

/** Adds `metaId` as a metatag of `subId` (a filter on the metatag then finds the subtag's works). */
export async function addMetatag(store: Store, events: WorkEvents, subId: number, metaId: number): Promise<number[]> {
  return rewrangle(store, events, subId, async (trx) => {
    const [sub, meta] = [await load(trx, subId), await load(trx, metaId)];
    if (sub.id === meta.id) throw new QuireError('validation_failed', `tag "${sub.name}" cannot be its own metatag`);
    if (sub.type !== meta.type) throw new QuireError('validation_failed', `a metatag must be of the same type: "${meta.name}" is a ${meta.type} tag`);
    await trx.insertInto('tag_links').values({ tag_id: subId, parent_id: metaId, kind: 'meta' }).onConflict((oc) => oc.doNothing()).execute();
  });
}

export async function removeMetatag(store: Store, events: WorkEvents, subId: number, metaId: number): Promise<number[]> {
  return rewrangle(store, events, subId, async (trx) => {
    await trx.deleteFrom('tag_links').where('tag_id', '=', subId).where('parent_id', '=', metaId).where('kind', '=', 'meta').execute();
  });
}

/** Records a parent fandom of a character or relationship tag (no effect on filter tags). */
export async function addParentFandom(db: Db, tagId: number, fandomId: number): Promise<void> {
  const [tag, fandom] = [await load(db, tagId), await load(db, fandomId)];
  if (fandom.type !== 'fandom') throw new QuireError('validation_failed', `"${fandom.name}" is not a fandom`);
  if (tag.type !== 'character' && tag.type !== 'relationship') {
    throw new QuireError('validation_failed', `only characters and relationships have parent fandoms, not ${tag.type} tags`);
  }
  await db.insertInto('tag_links').values({ tag_id: tagId, parent_id: fandomId, kind: 'fandom' }).onConflict((oc) => oc.doNothing()).execute();
}
