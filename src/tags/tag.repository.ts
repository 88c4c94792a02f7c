import type { Selectable } from 'kysely';
import { QuireError } from '../errors.ts';
import type { Db, TagsTable } from '../store/schema.ts';
import { FIXED_TAGS, FIXED_TAG_TYPES, cleanTagName, foldName, type Tag, type TagType } from './tag.types.ts';

export const MAX_TAG_LENGTH = 150;

/** Maps a row to the domain tag. */
export function toTag(row: Selectable<TagsTable>): Tag {
  return {
    id: row.id,
    type: row.type as TagType,
    name: row.name,
    canonical: row.canonical === 1,
    synonymOf: row.synonym_of,
    unwrangleable: row.unwrangleable === 1,
  };
}

export async function findTagByName(db: Db, name: string): Promise<Tag | undefined> {
  const row = await db.selectFrom('tags').selectAll().where('name_key', '=', foldName(name)).executeTakeFirst();
  return row && toTag(row);
}

export async function findTagsByIds(db: Db, ids: readonly number[]): Promise<Tag[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('tags').selectAll().where('id', 'in', [...ids]).execute();
  return rows.map(toTag);
}

/**
 * Finds a tag by name or creates it. Names are unique across types (as on AO3): asking for
 * "Lizzy" as a character when "Lizzy" is a fandom is a `conflict` error naming both.
 * Fixed tags (ratings, warnings, categories) are created canonical; free tags start unwrangled.
 */
export async function ensureTag(db: Db, type: TagType, rawName: string, now = new Date()): Promise<Tag> {
  const name = cleanTagName(rawName);
  if (name === '') throw new QuireError('validation_failed', `${type} tag: name is empty`);
  if (name.length > MAX_TAG_LENGTH) {
    throw new QuireError('validation_failed', `${type} tag "${name.slice(0, 40)}…": longer than ${MAX_TAG_LENGTH} characters`);
  }
  const existing = await findTagByName(db, name);
  if (existing) {
    if (existing.type !== type) {
      throw new QuireError('conflict', `tag "${existing.name}" already exists as a ${existing.type} tag, so it cannot be used as a ${type} tag`);
    }
    return existing;
  }
  const fixed = (FIXED_TAG_TYPES as readonly string[]).includes(type);
  if (fixed && !FIXED_TAGS[type as keyof typeof FIXED_TAGS].includes(name)) {
    throw new QuireError('validation_failed', `"${name}" is not a ${type}`);
  }
  const row = await db
    .insertInto('tags')
    .values({ type, name, name_key: foldName(name), canonical: fixed ? 1 : 0, synonym_of: null, unwrangleable: 0, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  // No row: another process created the name between our look and our insert (PostgreSQL); use theirs.
  return row ? toTag(row) : ensureTag(db, type, rawName, now);
}

