import { htmlToText } from '../../formats/sanitize.ts';
import type { Db } from '../../store/schema.ts';
import { FREE_TAG_TYPES } from '../../tags/tag.types.ts';

/**
 * Work → indexed document: the plain text that goes into the FTS tables (and that the in-memory
 * matcher reads when it checks a few works itself). One function, so the index, a reindex and the
 * matcher always see the same text.
 *
 * - title, creators (pen names), tags: the work's own fandom, relationship, character and
 *   additional tags plus their filter tags (canonical names and metatags), so `tag:` finds a work
 *   through a synonym;
 * - summary: the work's summary and every chapter summary;
 * - notes: the work's notes and end notes and every chapter's;
 * - one chapter document per chapter: its title and text.
 */
export interface WorkDoc {
  id: number;
  title: string;
  creators: string;
  tags: string;
  summary: string;
  notes: string;
  chapters: { position: number; text: string }[];
}

const FREE = [...FREE_TAG_TYPES] as string[];

function join(parts: string[]): string {
  return parts.filter((p) => p.trim() !== '').join('\n');
}

/** Loads the documents of the given works (missing ids are skipped), in id order. */
export async function loadWorkDocs(db: Db, ids: readonly number[]): Promise<WorkDoc[]> {
  const out: WorkDoc[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200);
    const works = await db.selectFrom('works').select(['id', 'title', 'summary', 'notes', 'end_notes']).where('id', 'in', batch).orderBy('id').execute();
    if (works.length === 0) continue;
    const chapters = await db
      .selectFrom('chapters')
      .select(['work_id', 'position', 'title', 'summary', 'notes', 'end_notes', 'body'])
      .where('work_id', 'in', batch)
      .orderBy('work_id')
      .orderBy('position')
      .execute();
    // Tag types are filtered here, not in SQL: with `tags.type IN (…)` SQLite's planner starts
    // from the tags table and reads every tag of those types (seconds instead of milliseconds).
    const own = await db
      .selectFrom('work_tags')
      .innerJoin('tags', 'tags.id', 'work_tags.tag_id')
      .select(['work_tags.work_id', 'tags.name', 'tags.type'])
      .where('work_tags.work_id', 'in', batch)
      .orderBy('work_tags.work_id')
      .orderBy('work_tags.position')
      .execute();
    const filters = await db
      .selectFrom('filter_taggings')
      .innerJoin('tags', 'tags.id', 'filter_taggings.tag_id')
      .select(['filter_taggings.work_id', 'tags.name', 'tags.type'])
      .where('filter_taggings.work_id', 'in', batch)
      .execute();
    const creators = await db
      .selectFrom('work_creators')
      .innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
      .select(['work_creators.work_id', 'pseuds.name'])
      .where('work_creators.work_id', 'in', batch)
      .orderBy('work_creators.work_id')
      .orderBy('work_creators.position')
      .execute();
    const byId = new Map<number, { doc: WorkDoc; tags: Set<string>; summaries: string[]; notes: string[] }>();
    for (const w of works) {
      const doc: WorkDoc = { id: w.id, title: w.title, creators: '', tags: '', summary: '', notes: '', chapters: [] };
      byId.set(w.id, { doc, tags: new Set(), summaries: [htmlToText(w.summary)], notes: [htmlToText(w.notes), htmlToText(w.end_notes)] });
      out.push(doc);
    }
    for (const c of chapters) {
      const entry = byId.get(c.work_id);
      if (!entry) continue;
      entry.doc.chapters.push({ position: c.position, text: join([c.title, htmlToText(c.body)]) });
      entry.summaries.push(htmlToText(c.summary));
      entry.notes.push(htmlToText(c.notes), htmlToText(c.end_notes));
    }
    for (const t of [...own, ...filters.sort((x, y) => (x.name < y.name ? -1 : 1))]) if (FREE.includes(t.type)) byId.get(t.work_id)?.tags.add(t.name);
    const names = new Map<number, string[]>();
    for (const c of creators) names.set(c.work_id, [...(names.get(c.work_id) ?? []), c.name]);
    for (const { doc, tags, summaries, notes } of byId.values()) {
      doc.tags = [...tags].join('\n');
      doc.creators = (names.get(doc.id) ?? []).join('\n');
      doc.summary = join(summaries);
      doc.notes = join(notes);
    }
  }
  return out;
}
