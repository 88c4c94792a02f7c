import { QuireError } from '../errors.ts';
import type { Db } from '../store/schema.ts';
import { CSV_TYPES, formatTagCsv, type CsvTagRow } from './tag-csv.ts';

/** Compares by folded name, then by exact name: the same order on every machine (no locale). */
function compare(a: { name_key: string; name: string }, b: { name_key: string; name: string }): number {
  if (a.name_key !== b.name_key) return a.name_key < b.name_key ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * `quire tags export`: every wrangled free tag (canonical, or a synonym) as tag CSV, sorted by
 * type (fandom, character, relationship, additional), then name; parents sorted by name. So an
 * export imported into an empty archive exports byte for byte the same. Metatags of characters
 * and relationships, and parent fandoms of additional tags, have no column and are left out.
 */
export async function exportTagCsv(db: Db): Promise<string> {
  const tags = await db
    .selectFrom('tags')
    .select(['id', 'type', 'name', 'name_key', 'synonym_of'])
    .where('type', 'in', [...CSV_TYPES])
    .where('unwrangleable', '=', 0)
    .where((eb) => eb.or([eb('canonical', '=', 1), eb('synonym_of', 'is not', null)]))
    .execute();
  const byId = new Map(tags.map((t) => [t.id, t]));
  const links = await db.selectFrom('tag_links').select(['tag_id', 'parent_id', 'kind']).execute();
  const parents = new Map<number, typeof tags>();
  for (const l of links) {
    const tag = byId.get(l.tag_id);
    const parent = byId.get(l.parent_id);
    if (!tag || !parent || tag.synonym_of !== null) continue;
    const wanted = tag.type === 'character' || tag.type === 'relationship' ? 'fandom' : 'meta';
    if (l.kind !== wanted) continue;
    if (parent.name.includes('|')) throw new QuireError('csv_invalid', `cannot export "${tag.name}": its parent "${parent.name}" contains "|", the separator of the parents column; rename it first`);
    parents.set(tag.id, [...(parents.get(tag.id) ?? []), parent]);
  }
  const order = (t: { type: string }) => (CSV_TYPES as readonly string[]).indexOf(t.type);
  const rows: Omit<CsvTagRow, 'line'>[] = [...tags]
    .sort((a, b) => order(a) - order(b) || compare(a, b))
    .map((t) => ({
      type: t.type as CsvTagRow['type'],
      name: t.name,
      synonymOf: t.synonym_of !== null ? (byId.get(t.synonym_of)?.name ?? '') : '',
      parents: (parents.get(t.id) ?? []).sort(compare).map((p) => p.name),
    }));
  return formatTagCsv(rows);
}
