import { invalid, isQuireError } from '../errors.ts';
import { textToHtml } from '../formats/text/paragraphs.ts';
import { parseCategory, parseRating, parseWarning, type Category, type Rating, type Warning } from '../tags/tag.types.ts';
import { parseLanguage } from '../works/language.ts';
import type { SeriesChoice, WorkFields } from '../works/posting.types.ts';
import type { ChapterInput } from '../works/work.types.ts';
import type { ChapterInputJson, NewWorkInput, WorkChangesInput } from './requests.ts';

/**
 * API bodies → the posting service's input (the same `WorkFields` the web forms build), and the
 * service's field names → the API's (`endNotes` → `end_notes`, `creators` → `pen_names`), so
 * an error names the field as the client sent it.
 */

/** Plain text with no tags in it becomes paragraphs (as on the forms and the .txt importer); HTML stays. */
export function htmlOrText(value: string | undefined): string {
  if (value === undefined) return '';
  return /<[a-z!/]/i.test(value) ? value : textToHtml(value);
}

/** `endNotes` → `end_notes`, `creators` → `pen_names`, `series[0].title` → `series.title`. */
export function apiFieldName(field: string): string {
  return field
    .replace(/^creators\b/, 'pen_names')
    .replace(/^coCreators\b/, 'co_creators')
    .replace(/^series\[0\]/, 'series')
    .replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a}_${b.toLowerCase()}`);
}

/** Renames the fields of a validation failure for the API; other errors pass as they are. */
export function apiIssues(err: unknown): unknown {
  if (!isQuireError(err) || err.code !== 'validation_failed') return err;
  return invalid(err.issues.map((i) => ({ field: apiFieldName(i.field), message: i.message })));
}

/** A name or alias read as `parse` reads it; one it cannot read passes as typed, for the service to name. */
function lookup<T extends string>(value: string, parse: (s: string) => T | undefined): T {
  return parse(value) ?? (value as T);
}

function seriesChoice(series: NewWorkInput['series']): SeriesChoice | undefined {
  if (!series) return undefined;
  const position = series.position !== undefined ? { position: series.position } : {};
  return 'id' in series ? { seriesId: series.id, ...position } : { newTitle: series.title, ...position };
}

/**
 * The fields a body sets, converted. Ratings, warnings, categories and languages are read with
 * their aliases (`teen`, `English`); what cannot be read goes to the service as typed, so its
 * check names it together with every other problem.
 */
function convert(body: Partial<NewWorkInput>): Partial<WorkFields> {
  const out: Partial<WorkFields> = {};
  if (body.title !== undefined) out.title = body.title;
  if (body.summary !== undefined) out.summary = htmlOrText(body.summary);
  if (body.notes !== undefined) out.notes = htmlOrText(body.notes);
  if (body.end_notes !== undefined) out.endNotes = htmlOrText(body.end_notes);
  if (body.rating !== undefined) out.rating = lookup<Rating>(body.rating, parseRating);
  if (body.warnings !== undefined) out.warnings = body.warnings.map((w) => lookup<Warning>(w, parseWarning));
  if (body.categories !== undefined) out.categories = body.categories.map((c) => lookup<Category>(c, parseCategory));
  if (body.fandoms !== undefined) out.fandoms = body.fandoms;
  if (body.relationships !== undefined) out.relationships = body.relationships;
  if (body.characters !== undefined) out.characters = body.characters;
  if (body.tags !== undefined) out.tags = body.tags;
  if (body.language !== undefined) out.language = lookup(body.language, parseLanguage);
  if (body.pen_names !== undefined) out.pseudIds = body.pen_names;
  if (body.co_creators !== undefined) out.coCreators = body.co_creators;
  if (body.complete !== undefined) out.complete = body.complete;
  if (body.expected_chapters !== undefined) out.expectedChapters = body.expected_chapters;
  if (body.published_on !== undefined) out.publishedOn = body.published_on;
  if (body.restricted !== undefined) out.restricted = body.restricted;
  return out;
}

/** A chapter body as the posting service takes it. */
export function chapterInput(body: Partial<ChapterInputJson>, base?: ChapterInput): ChapterInput {
  return {
    title: body.title ?? base?.title ?? '',
    summary: body.summary !== undefined ? htmlOrText(body.summary) : (base?.summary ?? ''),
    notes: body.notes !== undefined ? htmlOrText(body.notes) : (base?.notes ?? ''),
    endNotes: body.end_notes !== undefined ? htmlOrText(body.end_notes) : (base?.endNotes ?? ''),
    html: body.text !== undefined ? htmlOrText(body.text) : (base?.html ?? ''),
  };
}

/** A new work's fields: unset fields take the forms' defaults (complete, not restricted, the default pen name). */
export function newWorkFields(body: NewWorkInput, defaultPseudId: number | null): WorkFields {
  const f = convert(body);
  const series = seriesChoice(body.series);
  return {
    title: f.title ?? '',
    summary: f.summary ?? '',
    notes: f.notes ?? '',
    endNotes: f.endNotes ?? '',
    rating: f.rating!,
    warnings: f.warnings ?? [],
    categories: f.categories ?? [],
    fandoms: f.fandoms ?? [],
    relationships: f.relationships ?? [],
    characters: f.characters ?? [],
    tags: f.tags ?? [],
    language: f.language!,
    pseudIds: f.pseudIds ?? (defaultPseudId !== null ? [defaultPseudId] : []),
    coCreators: f.coCreators ?? [],
    ...(series ? { series } : {}),
    complete: f.complete ?? true,
    expectedChapters: f.expectedChapters ?? null,
    ...(f.publishedOn ? { publishedOn: f.publishedOn } : {}),
    restricted: f.restricted ?? false,
  };
}

/** A work's fields after a change: what the body sets over what the work has (`series: null` leaves its series). */
export function changedWorkFields(current: WorkFields, body: WorkChangesInput): WorkFields {
  const f = convert(body);
  const { series: _old, ...rest } = current;
  const series = body.series === undefined ? current.series : seriesChoice(body.series);
  return { ...rest, ...f, ...(series ? { series } : {}) };
}
