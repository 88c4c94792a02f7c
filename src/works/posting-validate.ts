import { invalid, isQuireError, type FieldIssue } from '../errors.ts';
import type { ChapterInput, WorkInput, WorkWithChapters } from './work.types.ts';
import { validateWork, type ValidWork } from './work.validate.ts';

/**
 * Checks for the posting service: every change is checked as a whole work against
 * `validateWork`, the rules every writer meets, so a form cannot store what an import could not.
 */

/**
 * Stands in for a stored chapter when only the metadata or another chapter changes: stored
 * chapters were checked and sanitized when written, and re-sanitizing a long work's every
 * chapter on each small edit would be slow. Word counts are then taken from the stored rows.
 */
const STORED_CHAPTER = '<p>(stored chapter)</p>';

/** The stored chapters as stand-ins carrying their titles and dates. */
export function storedChapters(work: WorkWithChapters): ChapterInput[] {
  return work.chapters.map((c) => ({ title: c.title, publishedOn: c.publishedOn, html: STORED_CHAPTER }));
}

/** A stored work as a WorkInput (chapters as stand-ins), for re-checking it with one change. */
export function inputOf(work: WorkWithChapters, creators: string[]): WorkInput {
  return {
    title: work.title,
    summary: work.summary,
    notes: work.notes,
    endNotes: work.endNotes,
    rating: work.rating,
    warnings: work.warnings,
    categories: work.categories,
    fandoms: work.fandoms,
    relationships: work.relationships,
    characters: work.characters,
    tags: work.tags,
    language: work.language,
    complete: work.complete,
    expectedChapters: work.expectedChapters,
    creators,
    publishedOn: work.publishedOn,
    status: work.status,
    restricted: work.restricted,
    chapters: storedChapters(work),
  };
}

/** `validateWork`, with `extra` problems found before it (pen names, series, tag kinds) reported together, first. */
export function checkWork(input: WorkInput, now: Date, extra: FieldIssue[] = []): ValidWork {
  let valid: ValidWork | undefined;
  const issues: FieldIssue[] = [...extra];
  try {
    valid = validateWork(input, now);
  } catch (err) {
    if (!isQuireError(err) || err.code !== 'validation_failed') throw err;
    issues.push(...err.issues);
  }
  if (issues.length > 0 || !valid) throw invalid(issues);
  return valid;
}

/**
 * Renames the problems of chapter `n` (`chapters[n].text` → `text`) for a chapter form; problems
 * of other chapters or of the work stay as they are.
 */
export function chapterIssues(err: unknown, n: number): unknown {
  if (!isQuireError(err) || err.code !== 'validation_failed') return err;
  const prefix = `chapters[${n}].`;
  return invalid(err.issues.map((i) => (i.field.startsWith(prefix) ? { field: i.field.slice(prefix.length), message: i.message } : i)));
}
