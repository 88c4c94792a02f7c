import type { Db } from '../store/schema.ts';
import { createNameIndex, type NameIndex, type NameIndexInput } from './name-index.ts';

/**
 * Loads the archive's names for suggestions: canonical character tags with their synonyms,
 * fandoms with theirs, parent fandoms (tag_links kind `fandom`), and relationship tags.
 *
 * Departure from AO3, as with filter tags (src/tags/filter-tags.ts): an archive without
 * wranglers still gets suggestions, so an unwrangled tag (neither canonical nor a synonym, not
 * unwrangleable) stands for itself. A character with no parent fandom takes the fandoms of the
 * works it is tagged on.
 *
 * Only names a reader could know: a tag that is wrangled (canonical or a synonym) or on a posted
 * work that is not hidden. A tag typed only on someone's draft (or on a hidden work) is never
 * suggested to another author, and drafts and hidden works never lend a character their fandoms.
 */
export async function buildNameIndex(db: Db): Promise<NameIndex> {
  const tags = await db
    .selectFrom('tags')
    .select(['id', 'type', 'name', 'canonical', 'synonym_of'])
    .where('type', 'in', ['fandom', 'character', 'relationship'])
    .where('unwrangleable', '=', 0)
    .where((eb) =>
      eb.or([
        eb('canonical', '=', 1),
        eb('synonym_of', 'is not', null),
        eb.exists(eb.selectFrom('work_tags as wt').innerJoin('works as w', 'w.id', 'wt.work_id').select('wt.tag_id').whereRef('wt.tag_id', '=', 'tags.id').where('w.status', '=', 'posted').where('w.hidden', '=', 0)),
      ]),
    )
    .execute();
  const links = await db.selectFrom('tag_links').select(['tag_id', 'parent_id']).where('kind', '=', 'fandom').execute();

  const canonicalOf = new Map<number, number>();
  for (const t of tags) canonicalOf.set(t.id, t.synonym_of ?? t.id);
  const parents = new Map<number, Set<number>>();
  for (const l of links) {
    const id = canonicalOf.get(l.tag_id) ?? l.tag_id;
    if (!parents.has(id)) parents.set(id, new Set());
    parents.get(id)!.add(canonicalOf.get(l.parent_id) ?? l.parent_id);
  }

  const input: Required<NameIndexInput> = { fandoms: [], characters: [], relationships: [] };
  const synonyms = new Map<number, string[]>();
  for (const t of tags) {
    if (t.synonym_of !== null) synonyms.set(t.synonym_of, [...(synonyms.get(t.synonym_of) ?? []), t.name]);
  }
  const unlinked: number[] = [];
  for (const t of tags) {
    if (t.synonym_of !== null) continue;
    const fandoms = [...(parents.get(t.id) ?? [])];
    if (t.type === 'fandom') input.fandoms.push({ id: t.id, name: t.name, synonyms: synonyms.get(t.id) ?? [] });
    else if (t.type === 'relationship') input.relationships.push({ id: t.id, name: t.name, fandoms });
    else {
      input.characters.push({ id: t.id, name: t.name, synonyms: synonyms.get(t.id) ?? [], fandoms });
      if (fandoms.length === 0) unlinked.push(t.id);
    }
  }

  if (unlinked.length > 0) {
    const byWorks = await fandomsFromWorks(db);
    const want = new Set(unlinked);
    for (const c of input.characters) {
      if (!want.has(c.id)) continue;
      c.fandoms = [...new Set([...(byWorks.get(c.id) ?? [])].map((f) => canonicalOf.get(f) ?? f))];
    }
  }
  return createNameIndex(input);
}

/** Character tag id (canonicalized) → fandom tag ids of the posted, not hidden, works tagged with it. */
async function fandomsFromWorks(db: Db): Promise<Map<number, Set<number>>> {
  const rows = await db
    .selectFrom('work_tags as wc')
    .innerJoin('works as w', 'w.id', 'wc.work_id')
    .innerJoin('tags as c', 'c.id', 'wc.tag_id')
    .innerJoin('work_tags as wf', 'wf.work_id', 'wc.work_id')
    .innerJoin('tags as f', 'f.id', 'wf.tag_id')
    .where('w.status', '=', 'posted')
    .where('w.hidden', '=', 0)
    .where('c.type', '=', 'character')
    .where('f.type', '=', 'fandom')
    .select(['c.id as character', 'c.synonym_of as characterSynonymOf', 'f.id as fandom'])
    .distinct()
    .execute();
  const out = new Map<number, Set<number>>();
  for (const r of rows) {
    const id = r.characterSynonymOf ?? r.character;
    if (!out.has(id)) out.set(id, new Set());
    out.get(id)!.add(r.fandom);
  }
  return out;
}
