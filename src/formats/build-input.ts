import type { WorkInput } from '../works/work.types.ts';
import { guessLanguage } from './language-guess.ts';
import { htmlToText, sanitize } from './sanitize.ts';
import { splitLongChapters } from './split.ts';
import { titleFromFileName } from './title.ts';
import type { ImportOverrides, ParsedWork, WorkMeta } from './types.ts';

/** What a work gets when neither the file nor the command line says (docs/importing.md). */
export const IMPORT_DEFAULTS = {
  rating: 'Not Rated',
  warning: 'Creator Chose Not To Use Archive Warnings',
  fandom: 'Uncategorized',
  creator: 'Anonymous',
} as const;

function defined(meta: WorkMeta): WorkMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as WorkMeta;
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

/**
 * Merges defaults, what the file says and the overrides (in that order of strength) into a
 * WorkInput ready for `WorkService.create`. Chapter HTML is sanitized here and chapters over the
 * size limit are split (with a warning). Pure: no database, no file system.
 */
export function buildWorkInput(parsed: ParsedWork, fileName: string, overrides: ImportOverrides = {}, importHash?: string): { input: WorkInput; warnings: string[] } {
  const meta: WorkMeta = { ...defined(parsed.meta), ...defined(overrides) };
  const cleaned = parsed.chapters.map((c) => ({ ...c, html: sanitize(c.html) }));
  const split = splitLongChapters(cleaned);
  const chapters = split.chapters;
  let expectedChapters = meta.expectedChapters;
  if (typeof expectedChapters === 'number' && split.added > 0) expectedChapters += split.added;
  const { title, rating, warnings, fandoms, language, creators, ...rest } = meta;
  const input: WorkInput = {
    ...rest,
    title: title?.trim() ? title : titleFromFileName(fileName),
    rating: rating ?? IMPORT_DEFAULTS.rating,
    warnings: nonEmpty(warnings) ?? [IMPORT_DEFAULTS.warning],
    fandoms: nonEmpty(fandoms) ?? [IMPORT_DEFAULTS.fandom],
    language: language ?? guessLanguage(htmlToText((chapters[0]?.html ?? '').slice(0, 80_000))),
    creators: nonEmpty(creators) ?? [IMPORT_DEFAULTS.creator],
    chapters,
  };
  if (expectedChapters !== undefined) input.expectedChapters = expectedChapters;
  if (importHash) input.importHash = importHash;
  return { input, warnings: [...parsed.warnings, ...split.warnings] };
}
