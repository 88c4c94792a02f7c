import { invalid, isQuireError } from '../errors.ts';
import { buildWorkInput, IMPORT_DEFAULTS } from '../formats/build-input.ts';
import { readerFor, supportedExtensions } from '../formats/registry.ts';
import { foldName } from '../tags/tag.types.ts';
import type { PostingService } from './posting.service.ts';
import type { SeriesChoice, WorkFields } from './posting.types.ts';
import type { Work } from './work.types.ts';

/** The largest file the web takes (a novel in plain text is well under 2 MB). */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

export interface UploadResult {
  work: Work;
  /** What the reader and the upload changed or could not use, for the person uploading. */
  warnings: string[];
}

/**
 * Reads an uploaded file with the importers' readers (the ones `quire import` uses) and stores it
 * as a **draft** credited to the uploader's pen name `pseudId`, for review in the edit form before
 * it is posted. What the file cannot decide is overruled: the creator is always the uploader (a
 * file naming someone else must not credit them), the work is never posted blindly, a series is
 * one of the uploader's own with that title or a new one, and no import hash is kept (two
 * people may upload the same file). Problems are `validation_failed` on `file` or on the fields.
 *
 * @example const { work } = await draftFromUpload(archive.posting, accountId, pseudId, 'story.md', bytes)
 */
export async function draftFromUpload(posting: PostingService, accountId: number, pseudId: number, fileName: string, bytes: Uint8Array): Promise<UploadResult> {
  const name = fileName.split(/[\\/]/).pop()!.slice(-200) || 'upload';
  const reader = readerFor(name);
  if (!reader) throw invalid([{ field: 'file', message: `"${name}" is not a kind of file Quire reads (${supportedExtensions().join(', ')})` }]);
  if (bytes.length === 0) throw invalid([{ field: 'file', message: `"${name}" is empty` }]);
  let parsed;
  try {
    parsed = await reader.read(bytes, { fileName: name });
  } catch (err) {
    if (isQuireError(err)) throw invalid([{ field: 'file', message: err.message.startsWith(`${name}:`) ? `could not be read: ${err.message.slice(name.length + 1).trim()}` : `could not be read: ${err.message}` }]);
    throw err;
  }
  const { input, warnings } = buildWorkInput(parsed, name, {});
  const { pseuds, series } = await posting.choices(accountId);
  if (!pseuds.some((p) => p.id === pseudId)) throw invalid([{ field: 'pseud', message: 'choose one of your pen names' }]);

  const named = input.creators.filter((c) => foldName(c) !== foldName(IMPORT_DEFAULTS.creator));
  if (named.length > 0) warnings.push(`The file names ${named.join(', ')} as creator; the draft is credited to your pen name. Invite co-creators in the form below.`);
  let place: SeriesChoice | undefined;
  const wanted = input.series?.[0];
  if (wanted) {
    const mine = series.find((s) => foldName(s.title) === foldName(wanted.title));
    place = mine ? { seriesId: mine.id } : { newTitle: wanted.title };
    if (wanted.position !== undefined) place.position = wanted.position;
    if ((input.series?.length ?? 0) > 1) warnings.push('The file names several series; the draft is in the first one only.');
  }

  const fields: WorkFields = {
    title: input.title,
    summary: input.summary ?? '',
    notes: input.notes ?? '',
    endNotes: input.endNotes ?? '',
    rating: input.rating,
    warnings: input.warnings,
    categories: input.categories ?? [],
    fandoms: input.fandoms,
    relationships: input.relationships ?? [],
    characters: input.characters ?? [],
    tags: input.tags ?? [],
    language: input.language,
    pseudIds: [pseudId],
    coCreators: [],
    ...(place ? { series: place } : {}),
    complete: input.complete ?? (input.expectedChapters == null || input.expectedChapters === input.chapters.length),
    expectedChapters: input.expectedChapters ?? null,
    ...(input.publishedOn ? { publishedOn: input.publishedOn } : {}),
    restricted: input.restricted ?? false,
  };
  const work = await posting.create(accountId, fields, input.chapters, 'draft');
  return { work, warnings };
}
