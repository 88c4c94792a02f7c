import { QuireError, notFound } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Db } from '../store/schema.ts';
import type { WorkEvents } from '../works/work.events.ts';
import { refreshFilterTags, worksAffectedByTags } from './filter-tags.ts';
import { findTagsByIds } from './tag.repository.ts';
import { FIXED_TAG_TYPES, type Tag } from './tag.types.ts';

/**
 * The wrangling operations that change filter tags. Each runs in one transaction, recomputes
 * the filter tags of every affected work, then tells the listeners. The wrangling service
 * (wrangling.service.ts: permissions, audit log, bulk) composes the `…In` forms inside its own
 * transaction; these plain forms are for code that wrangles as the archive itself (demo, tests).
 */
export async function loadTag(db: Db, id: number): Promise<Tag> {
  const [tag] = await findTagsByIds(db, [id]);
  if (!tag) throw notFound('tag', id);
  return tag;
}

/**
 * Inside a transaction: runs `change`, then recomputes the filter tags of every work whose filter
 * tags may depend on the `focus` tags (before or after the change) and writes the transactional
 * indexes. Returns the affected work ids: call `events.changed` with them after the commit.
 */
export async function rewrangleIn(trx: Db, events: WorkEvents, focus: readonly number[], change: () => Promise<void>): Promise<number[]> {
  const before = await worksAffectedByTags(trx, focus);
  await change();
  const after = await worksAffectedByTags(trx, focus);
  const ids = [...new Set([...before, ...after])].sort((a, b) => a - b);
  await refreshFilterTags(trx, ids);
  await events.written(trx, ids);
  return ids;
}

async function rewrangle(store: Store, events: WorkEvents, focus: readonly number[], change: (trx: Db) => Promise<void>): Promise<number[]> {
  const affected = await store.db.transaction().execute((trx) => rewrangleIn(trx, events, focus, () => change(trx)));
  await events.changed(affected);
  return affected;
}

/** Checks and writes "`tagId` is a synonym of `canonicalId`" (its own synonyms follow it). */
export async function setSynonymIn(trx: Db, tagId: number, canonicalId: number): Promise<void> {
  const [tag, target] = [await loadTag(trx, tagId), await loadTag(trx, canonicalId)];
  if (tag.id === target.id) throw new QuireError('validation_failed', `tag "${tag.name}" cannot be a synonym of itself`);
  if (tag.type !== target.type) throw new QuireError('validation_failed', `"${tag.name}" is a ${tag.type} tag and "${target.name}" a ${target.type} tag`);
  if ((FIXED_TAG_TYPES as readonly string[]).includes(tag.type)) throw new QuireError('validation_failed', `${tag.type} tags are fixed`);
  if (target.synonymOf !== null) throw new QuireError('validation_failed', `"${target.name}" is itself a synonym; choose its canonical tag`);
  if (target.unwrangleable) throw new QuireError('validation_failed', `"${target.name}" is marked unwrangleable, so it cannot be a canonical tag`);
  await trx.updateTable('tags').set({ canonical: 1 }).where('id', '=', target.id).execute();
  await trx.updateTable('tags').set({ synonym_of: target.id, canonical: 0, unwrangleable: 0 }).where('id', '=', tag.id).execute();
  await trx.updateTable('tags').set({ synonym_of: target.id }).where('synonym_of', '=', tag.id).execute();
}

/** Checks and writes "`metaId` is a metatag of `subId`". */
export async function addMetatagIn(trx: Db, subId: number, metaId: number): Promise<void> {
  const [sub, meta] = [await loadTag(trx, subId), await loadTag(trx, metaId)];
  if (sub.id === meta.id) throw new QuireError('validation_failed', `tag "${sub.name}" cannot be its own metatag`);
  if (sub.type !== meta.type) throw new QuireError('validation_failed', `a metatag must be of the same type: "${meta.name}" is a ${meta.type} tag`);
  await trx.insertInto('tag_links').values({ tag_id: subId, parent_id: metaId, kind: 'meta' }).onConflict((oc) => oc.doNothing()).execute();
}

/** Makes `tagId` a synonym of the canonical `canonicalId`; its own synonyms follow it. */
export async function makeSynonym(store: Store, events: WorkEvents, tagId: number, canonicalId: number): Promise<number[]> {
  return rewrangle(store, events, [tagId], (trx) => setSynonymIn(trx, tagId, canonicalId));
}

/** Makes `tagId` canonical (and no longer anyone's synonym). */
export async function makeCanonical(store: Store, events: WorkEvents, tagId: number): Promise<number[]> {
  return rewrangle(store, events, [tagId], async (trx) => {
    await loadTag(trx, tagId);
    await trx.updateTable('tags').set({ canonical: 1, synonym_of: null, unwrangleable: 0 }).where('id', '=', tagId).execute();
  });
}

/** Adds `metaId` as a metatag of `subId` (a filter on the metatag then finds the subtag's works). */
export async function addMetatag(store: Store, events: WorkEvents, subId: number, metaId: number): Promise<number[]> {
  return rewrangle(store, events, [subId], (trx) => addMetatagIn(trx, subId, metaId));
}

export async function removeMetatag(store: Store, events: WorkEvents, subId: number, metaId: number): Promise<number[]> {
  return rewrangle(store, events, [subId], async (trx) => {
    await trx.deleteFrom('tag_links').where('tag_id', '=', subId).where('parent_id', '=', metaId).where('kind', '=', 'meta').execute();
  });
}

/** Checks and records a parent fandom of a character, relationship or additional tag (no effect on filter tags). */
export async function addParentFandom(db: Db, tagId: number, fandomId: number): Promise<void> {
  const [tag, fandom] = [await loadTag(db, tagId), await loadTag(db, fandomId)];
  if (fandom.type !== 'fandom') throw new QuireError('validation_failed', `"${fandom.name}" is not a fandom`);
  if (tag.type !== 'character' && tag.type !== 'relationship' && tag.type !== 'additional') {
    throw new QuireError('validation_failed', `only characters, relationships and additional tags have parent fandoms, not ${tag.type} tags`);
  }
  await db.insertInto('tag_links').values({ tag_id: tagId, parent_id: fandomId, kind: 'fandom' }).onConflict((oc) => oc.doNothing()).execute();
}
