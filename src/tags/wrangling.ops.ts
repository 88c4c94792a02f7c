import { QuireError } from '../errors.ts';
import type { Db } from '../store/schema.ts';
import { MAX_TAG_LENGTH } from './tag.repository.ts';
import { FIXED_TAG_TYPES, cleanTagName, foldName, type Tag } from './tag.types.ts';
import { addMetatagIn, addParentFandom, loadTag, setSynonymIn } from './wrangle.ts';

/**
 * The checks and row changes of each wrangling operation, inside the caller's transaction. They
 * change tags and tag_links only; the caller (wrangling.service.ts) recomputes filter tags,
 * writes the audit log and tells the search engine.
 */

function refuseFixed(tag: Tag): void {
  if ((FIXED_TAG_TYPES as readonly string[]).includes(tag.type)) {
    throw new QuireError('validation_failed', `"${tag.name}" is a ${tag.type} tag; ratings, warnings and categories are fixed`);
  }
}

function refuseSynonym(tag: Tag, role: string): void {
  if (tag.synonymOf !== null) throw new QuireError('validation_failed', `"${tag.name}" is a synonym; use its canonical tag as the ${role}`);
}

/** Makes a free tag canonical: no longer a synonym, no longer unwrangleable. */
export async function canonicalIn(trx: Db, tagId: number): Promise<Tag> {
  const tag = await loadTag(trx, tagId);
  refuseFixed(tag);
  await trx.updateTable('tags').set({ canonical: 1, synonym_of: null, unwrangleable: 0 }).where('id', '=', tagId).execute();
  return tag;
}

/**
 * Merges `tagId` into the canonical `canonicalId` as a synonym. Its synonyms follow it, and its
 * metatags, subtags and parent fandoms (and, for a fandom, its child tags) move to the canonical
 * tag, as on AO3, so nothing a wrangler set up is lost.
 */
export async function synonymIn(trx: Db, tagId: number, canonicalId: number): Promise<{ tag: Tag; target: Tag }> {
  const [tag, target] = [await loadTag(trx, tagId), await loadTag(trx, canonicalId)];
  await setSynonymIn(trx, tagId, canonicalId);
  const own = await trx.selectFrom('tag_links').selectAll().where((eb) => eb.or([eb('tag_id', '=', tagId), eb('parent_id', '=', tagId)])).execute();
  for (const l of own) {
    const moved = { tag_id: l.tag_id === tagId ? canonicalId : l.tag_id, parent_id: l.parent_id === tagId ? canonicalId : l.parent_id, kind: l.kind };
    if (moved.tag_id !== moved.parent_id) await trx.insertInto('tag_links').values(moved).onConflict((oc) => oc.doNothing()).execute();
  }
  await trx.deleteFrom('tag_links').where((eb) => eb.or([eb('tag_id', '=', tagId), eb('parent_id', '=', tagId)])).execute();
  return { tag, target };
}

/** Marks a tag unwrangleable: never a filter tag. Refused while synonyms or subtags depend on it. */
export async function unwrangleableIn(trx: Db, tagId: number): Promise<Tag> {
  const tag = await loadTag(trx, tagId);
  refuseFixed(tag);
  const syn = await trx.selectFrom('tags').select('name').where('synonym_of', '=', tagId).limit(1).executeTakeFirst();
  if (syn) throw new QuireError('validation_failed', `"${tag.name}" has synonyms (such as "${syn.name}"); make them canonical or merge them elsewhere first`);
  const sub = await trx.selectFrom('tag_links').innerJoin('tags', 'tags.id', 'tag_links.tag_id').select('tags.name').where('tag_links.parent_id', '=', tagId).where('tag_links.kind', '=', 'meta').limit(1).executeTakeFirst();
  if (sub) throw new QuireError('validation_failed', `"${tag.name}" has subtags (such as "${sub.name}"); remove them first`);
  await trx.updateTable('tags').set({ unwrangleable: 1, canonical: 0, synonym_of: null }).where('id', '=', tagId).execute();
  return tag;
}

/** Renames a free tag. Another tag with the same folded name is a `tag_name_taken` error. */
export async function renameIn(trx: Db, tagId: number, rawName: string): Promise<{ tag: Tag; name: string }> {
  const tag = await loadTag(trx, tagId);
  refuseFixed(tag);
  const name = cleanTagName(rawName);
  if (name === '') throw new QuireError('validation_failed', 'name: is empty');
  if (name.length > MAX_TAG_LENGTH) throw new QuireError('validation_failed', `name: longer than ${MAX_TAG_LENGTH} characters`);
  const key = foldName(name);
  const clash = await trx.selectFrom('tags').select(['id', 'name', 'type']).where('name_key', '=', key).where('id', '!=', tagId).executeTakeFirst();
  if (clash) throw new QuireError('tag_name_taken', `cannot rename "${tag.name}" to "${name}": the ${clash.type} tag "${clash.name}" already has that name (merge the two as synonyms instead)`);
  await trx.updateTable('tags').set({ name, name_key: key }).where('id', '=', tagId).execute();
  return { tag, name };
}

/** Whether `metaId` is `subId` or one of its subtags, transitively (a link would make a cycle). */
async function isBelow(trx: Db, metaId: number, subId: number): Promise<boolean> {
  const seen = new Set([subId]);
  let frontier = [subId];
  while (frontier.length > 0) {
    const rows = await trx.selectFrom('tag_links').select('tag_id').where('parent_id', 'in', frontier).where('kind', '=', 'meta').execute();
    frontier = rows.map((r) => r.tag_id).filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  return seen.has(metaId);
}

/** Adds a metatag: both tags of one free type, neither a synonym, and no cycle. */
export async function addMetaIn(trx: Db, subId: number, metaId: number): Promise<{ sub: Tag; meta: Tag }> {
  const [sub, meta] = [await loadTag(trx, subId), await loadTag(trx, metaId)];
  refuseFixed(sub);
  refuseSynonym(sub, 'subtag');
  refuseSynonym(meta, 'metatag');
  if (meta.unwrangleable) throw new QuireError('validation_failed', `"${meta.name}" is unwrangleable and cannot be a metatag`);
  if (subId !== metaId && (await isBelow(trx, metaId, subId))) throw new QuireError('validation_failed', `"${meta.name}" is already a subtag of "${sub.name}"; a tag cannot be its own metatag`);
  await addMetatagIn(trx, subId, metaId);
  return { sub, meta };
}

export async function removeMetaIn(trx: Db, subId: number, metaId: number): Promise<{ sub: Tag; meta: Tag }> {
  const [sub, meta] = [await loadTag(trx, subId), await loadTag(trx, metaId)];
  await trx.deleteFrom('tag_links').where('tag_id', '=', subId).where('parent_id', '=', metaId).where('kind', '=', 'meta').execute();
  return { sub, meta };
}

/** Adds a parent fandom to a character, relationship or additional tag (the fandom not a synonym). */
export async function addParentIn(trx: Db, tagId: number, fandomId: number): Promise<{ tag: Tag; fandom: Tag }> {
  const [tag, fandom] = [await loadTag(trx, tagId), await loadTag(trx, fandomId)];
  refuseSynonym(fandom, 'parent fandom');
  await addParentFandom(trx, tagId, fandomId);
  return { tag, fandom };
}

export async function removeParentIn(trx: Db, tagId: number, fandomId: number): Promise<{ tag: Tag; fandom: Tag }> {
  const [tag, fandom] = [await loadTag(trx, tagId), await loadTag(trx, fandomId)];
  await trx.deleteFrom('tag_links').where('tag_id', '=', tagId).where('parent_id', '=', fandomId).where('kind', '=', 'fandom').execute();
  return { tag, fandom };
}
