import { logger } from '../../log.ts';
import { prepareForIndex } from '../text/tokens.ts';
import type { WorkDoc } from './documents.ts';
import { CHAPTER_SLOTS, chapterRowid } from './schema.ts';

const log = logger('search');

/** One work's full-text rows, prepared for FTS5: its metadata row and one row per chapter. */
export interface WorkRows {
  id: number;
  /** title, creators, tags, summary, notes (META_COLUMNS order). */
  meta: [string, string, string, string, string];
  /** [rowid, text] per chapter. */
  chapters: [number, string][];
}

/** The rows the indexer writes for a work document (text prepared as tokens.ts says). */
export function workRows(doc: WorkDoc): WorkRows {
  const chapters: [number, string][] = [];
  for (const c of doc.chapters) {
    if (c.position < 1 || c.position >= CHAPTER_SLOTS) {
      log.warn({ workId: doc.id, position: c.position }, 'chapter position outside the search index range; not indexed');
      continue;
    }
    chapters.push([chapterRowid(doc.id, c.position), prepareForIndex(c.text)]);
  }
  return {
    id: doc.id,
    meta: [prepareForIndex(doc.title), prepareForIndex(doc.creators), prepareForIndex(doc.tags), prepareForIndex(doc.summary), prepareForIndex(doc.notes)],
    chapters,
  };
}
