import type { Archive } from '../archive.ts';
import { htmlToText } from '../formats/sanitize.ts';
import { foldName } from '../tags/tag.types.ts';
import { loadWorks } from '../works/work.repository.ts';
import type { Work } from '../works/work.types.ts';

/**
 * The plain oracle for the search property tests: every work read back from the database as
 * arrays and sets, with its filter tags, its searchable text and whether it is a crossover
 * (computed here independently of the engine, straight from the definition).
 */
export interface OracleWork {
  work: Work;
  filterTags: Set<number>;
  crossover: boolean;
  /** Everything searchable except the title, fields separated by " | ". */
  text: string;
}

export interface Oracle {
  works: OracleWork[];
  tags: Map<number, { type: string; name: string }>;
  /** The filter tag id a reader's tag name stands for (a synonym's canonical), if the tag exists. */
  tagId(name: string): number | undefined;
}

export async function loadOracle(a: Archive): Promise<Oracle> {
  const db = a.store.db;
  const tagRows = await db.selectFrom('tags').selectAll().execute();
  const tags = new Map(tagRows.map((t) => [t.id, { type: t.type, name: t.name }]));
  const byKey = new Map(tagRows.map((t) => [t.name_key, t.synonym_of ?? t.id]));
  const links = await db.selectFrom('tag_links').select(['tag_id', 'parent_id']).where('kind', '=', 'meta').execute();
  const ancestors = (id: number): Set<number> => {
    const seen = new Set<number>();
    const stack = links.filter((l) => l.tag_id === id).map((l) => l.parent_id);
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p) || p === id) continue;
      seen.add(p);
      stack.push(...links.filter((l) => l.tag_id === p).map((l) => l.parent_id));
    }
    return seen;
  };
  const ids = (await db.selectFrom('works').select('id').orderBy('id').execute()).map((r) => r.id);
  const filterRows = await db.selectFrom('filter_taggings').selectAll().execute();
  const chapters = await db.selectFrom('chapters').selectAll().orderBy('position').execute();
  const works = (await loadWorks(db, ids)).map((work): OracleWork => {
    const filterTags = new Set(filterRows.filter((r) => r.work_id === work.id).map((r) => r.tag_id));
    const fandoms = [...filterTags].filter((t) => tags.get(t)!.type === 'fandom');
    const anc = new Map(fandoms.map((f) => [f, ancestors(f)]));
    const base = fandoms.filter((f) => !fandoms.some((g) => g !== f && anc.get(g)!.has(f)));
    const crossover = base.length >= 2 && !fandoms.some((c) => base.every((b) => b === c || anc.get(b)!.has(c)));
    const own = [...work.fandoms, ...work.relationships, ...work.characters, ...work.tags];
    const text = [
      htmlToText(work.summary), htmlToText(work.notes), htmlToText(work.endNotes), ...own,
      ...[...filterTags].map((t) => tags.get(t)!.name), ...work.creators.map((c) => c.name),
      ...chapters.filter((c) => c.work_id === work.id).map((c) => `${c.title} | ${htmlToText(c.body)}`),
    ].join(' | ');
    return { work, filterTags, crossover, text };
  });
  return { works, tags, tagId: (name) => byKey.get(foldName(name)) };
}
