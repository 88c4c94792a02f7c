import { z } from 'zod';
import { isQuireError } from '../../errors.ts';
import { textToHtml } from '../../formats/text/paragraphs.ts';
import { CATEGORIES, RATINGS, WARNINGS } from '../../tags/tag.types.ts';
import { parseLanguage } from '../../works/language.ts';
import { LIMITS } from '../../works/limits.ts';
import type { ChapterFields, SeriesChoice, WorkFields } from '../../works/posting.types.ts';
import type { ChapterInput, WorkWithChapters } from '../../works/work.types.ts';
import type { FormErrors } from '../views/account-fields.ts';
import type { FormValues } from '../views/work-form-controls.ts';

/**
 * The edge of the work and chapter forms: what a form body may hold (zod), the domain input it
 * becomes, the values to fill back in, and the domain's field names turned into the form's.
 */

/** Fields of the work form that may repeat (checkbox groups). */
const LIST_FIELDS = new Set(['pseuds', 'warnings', 'categories']);

export const WORK_FIELDS = [
  'title', 'pseuds', 'co_creators', 'rating', 'warnings', 'categories', 'fandoms', 'relationships', 'characters', 'tags',
  'summary', 'notes', 'end_notes', 'series_id', 'series_title', 'series_position', 'language', 'restricted',
  'progress', 'expected_chapters', 'published_on', 'chapter_title', 'text_format', 'chapter_text', 'action',
] as const;

export const CHAPTER_FIELDS = ['chapter_title', 'chapter_summary', 'chapter_notes', 'chapter_end_notes', 'text_format', 'chapter_text', 'action'] as const;

/** The named fields of a form body: strings, lists for checkbox groups; anything else is dropped. */
export function formValues(body: unknown, names: readonly string[]): FormValues {
  const src = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out: FormValues = {};
  for (const name of names) {
    const v = src[name];
    const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
    out[name] = LIST_FIELDS.has(name) ? list : (list[list.length - 1] ?? '');
  }
  return out;
}

/** A comma-separated list as names: trimmed, blanks dropped. */
export function commaList(value: string): string[] {
  return value.split(',').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Plain text with no tags in it becomes paragraphs, as the .txt importer makes them; HTML stays. */
function htmlOrText(value: string): string {
  return /<[a-z!/]/i.test(value) ? value : textToHtml(value);
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-01');
const whole = (min: number, max: number) => z.string().regex(/^\d{1,6}$/, 'must be a whole number').transform(Number).pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => undefined), schema]);
const long = (max: number) => z.string().max(max, `is too long (at most ${max.toLocaleString('en')} characters)`);

const chapterShape = {
  chapter_title: z.string().max(LIMITS.chapterTitleMax * 2, 'is too long'),
  chapter_summary: long(LIMITS.summaryMax * 4).optional(),
  chapter_notes: long(LIMITS.notesMax * 4).optional(),
  chapter_end_notes: long(LIMITS.notesMax * 4).optional(),
  text_format: z.enum(['html', 'text'], { error: 'choose HTML or plain text' }),
  chapter_text: z.string().trim().min(1, 'is needed: write or paste the chapter here').max(LIMITS.chapterMax * 2, `is too long (at most ${LIMITS.chapterMax.toLocaleString('en')} characters)`),
};

const workShape = {
  title: z.string().trim().min(1, 'is needed').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`),
  pseuds: z.array(z.string().regex(/^[1-9]\d{0,14}$/, 'must be one of your pen names').transform(Number)),
  co_creators: z.string().max(2000, 'is too long').transform(commaList),
  rating: z.enum(RATINGS, { error: 'choose a rating' }),
  warnings: z.array(z.enum(WARNINGS, { error: 'must be archive warnings from the list' })).min(1, 'choose at least one (“Creator Chose Not To Use Archive Warnings” is one)'),
  categories: z.array(z.enum(CATEGORIES, { error: 'must be categories from the list' })),
  fandoms: z.string().max(10_000, 'is too long').transform(commaList).pipe(z.array(z.string()).min(1, 'needs at least one fandom')),
  relationships: z.string().max(10_000, 'is too long').transform(commaList),
  characters: z.string().max(10_000, 'is too long').transform(commaList),
  tags: z.string().max(10_000, 'is too long').transform(commaList),
  summary: long(LIMITS.summaryMax * 4),
  notes: long(LIMITS.notesMax * 4),
  end_notes: long(LIMITS.notesMax * 4),
  series_id: z.union([z.literal(''), z.literal('new'), z.string().regex(/^[1-9]\d{0,14}$/, 'must be one of your series')]),
  series_title: z.string().max(LIMITS.seriesTitleMax, `must be at most ${LIMITS.seriesTitleMax} characters`).transform((s) => s.replace(/\s+/g, ' ').trim()),
  series_position: optional(whole(1, 100_000)),
  language: z.string().refine((v) => parseLanguage(v) !== undefined, 'choose a language from the list'),
  restricted: z.union([z.literal(''), z.literal('1')]),
  progress: z.enum(['complete', 'in_progress'], { error: 'choose complete or in progress' }),
  expected_chapters: optional(whole(1, LIMITS.chaptersMax)),
  published_on: optional(day),
};

type WorkObject = z.infer<z.ZodObject<typeof workShape>>;

/** A new series needs a title, and a title means a new series. */
function refineWork(v: WorkObject, ctx: z.RefinementCtx): void {
  if (v.series_id === 'new' && !v.series_title) ctx.addIssue({ code: 'custom', path: ['series_title'], message: 'is needed for a new series' });
  if (v.series_id !== 'new' && v.series_title) ctx.addIssue({ code: 'custom', path: ['series_id'], message: 'must be “A new series” when you give a new series title' });
}

const workSchema = z.object(workShape).superRefine(refineWork);
const newWorkSchema = z.object({ ...workShape, ...chapterShape }).superRefine(refineWork);
const chapterSchema = z.object(chapterShape);

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** The first problem per field of a zod failure. */
function zodErrors(error: z.ZodError): FormErrors {
  const out: FormErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? '_form')] ??= issue.message;
  return out;
}

function toFields(v: WorkObject): WorkFields {
  let series: SeriesChoice | undefined;
  const position = v.series_position !== undefined ? { position: v.series_position } : {};
  if (v.series_id === 'new') series = { newTitle: v.series_title, ...position };
  else if (v.series_id !== '') series = { seriesId: Number(v.series_id), ...position };
  return {
    title: v.title,
    summary: htmlOrText(v.summary),
    notes: htmlOrText(v.notes),
    endNotes: htmlOrText(v.end_notes),
    rating: v.rating,
    warnings: v.warnings,
    categories: v.categories,
    fandoms: v.fandoms,
    relationships: v.relationships,
    characters: v.characters,
    tags: v.tags,
    language: parseLanguage(v.language)!,
    pseudIds: v.pseuds,
    coCreators: v.co_creators,
    ...(series ? { series } : {}),
    complete: v.progress === 'complete',
    expectedChapters: v.progress === 'complete' ? null : (v.expected_chapters ?? null),
    ...(v.published_on ? { publishedOn: v.published_on } : {}),
    restricted: v.restricted === '1',
  };
}

function toChapter(v: z.infer<typeof chapterSchema>): ChapterInput {
  const fields: ChapterFields = {
    title: v.chapter_title.replace(/\s+/g, ' ').trim(),
    summary: htmlOrText(v.chapter_summary ?? ''),
    notes: htmlOrText(v.chapter_notes ?? ''),
    endNotes: htmlOrText(v.chapter_end_notes ?? ''),
    html: v.text_format === 'text' ? textToHtml(v.chapter_text) : v.chapter_text,
  };
  return fields;
}

/** A new work's form: its fields and its first chapter. */
export function parseNewWork(values: FormValues): Parsed<{ fields: WorkFields; chapter: ChapterInput }> {
  const r = newWorkSchema.safeParse(values);
  return r.success ? { ok: true, value: { fields: toFields(r.data), chapter: toChapter(r.data) } } : { ok: false, errors: zodErrors(r.error) };
}

/** An edited work's form (no chapter). */
export function parseWorkEdit(values: FormValues): Parsed<WorkFields> {
  const r = workSchema.safeParse(values);
  return r.success ? { ok: true, value: toFields(r.data) } : { ok: false, errors: zodErrors(r.error) };
}

export function parseChapter(values: FormValues): Parsed<ChapterInput> {
  const r = chapterSchema.safeParse(values);
  return r.success ? { ok: true, value: toChapter(r.data) } : { ok: false, errors: zodErrors(r.error) };
}

/** The domain's field names (validateWork, the posting service) as the form's. */
const FORM_NAMES: Record<string, string> = {
  title: 'title', summary: 'summary', notes: 'notes', endNotes: 'end_notes', rating: 'rating', warnings: 'warnings',
  categories: 'categories', fandoms: 'fandoms', relationships: 'relationships', characters: 'characters', tags: 'tags',
  language: 'language', creators: 'pseuds', coCreators: 'co_creators', series: 'series_id', 'series[0].title': 'series_title',
  'series[0].position': 'series_position', publishedOn: 'published_on', updatedOn: 'published_on',
  expectedChapters: 'expected_chapters', complete: 'progress', chapters: 'chapter_text', order: 'order', file: 'file', pseud: 'pseud',
  // A chapter form's problems (see chapterIssues), and a new work's first chapter.
  text: 'chapter_text', 'chapters[1].text': 'chapter_text', 'chapters[1].title': 'chapter_title',
  'chapters[1].summary': 'chapter_summary', 'chapters[1].notes': 'chapter_notes', 'chapters[1].endNotes': 'chapter_end_notes',
  'chapters[1].publishedOn': 'published_on',
};

/**
 * The form errors a service failure carries (`validation_failed`), named as the form names its
 * fields; undefined for any other failure (rethrow it). `chapterForm` maps a chapter's own
 * names (`title` → `chapter_title`).
 */
export function postingErrors(err: unknown, chapterForm = false): FormErrors | undefined {
  if (!isQuireError(err) || err.code !== 'validation_failed') return undefined;
  const out: FormErrors = {};
  for (const issue of err.issues) {
    const chapterName = chapterForm && ['title', 'summary', 'notes', 'endNotes'].includes(issue.field) ? `chapter_${issue.field === 'endNotes' ? 'end_notes' : issue.field}` : undefined;
    const name = chapterName ?? FORM_NAMES[issue.field];
    if (name) out[name] ??= issue.message;
    else out._form ??= issue.field ? `${issue.field}: ${issue.message}` : issue.message;
  }
  if (Object.keys(out).length === 0) out._form = err.message;
  return out;
}

/** The form values that show a stored work on the edit form. */
export function workValues(work: WorkWithChapters, ownPseudIds: readonly number[], publishedOn: string | undefined): FormValues {
  const series = work.series[0];
  return {
    title: work.title,
    pseuds: work.creators.filter((c) => ownPseudIds.includes(c.id)).map((c) => String(c.id)),
    co_creators: '',
    rating: work.rating,
    warnings: [...work.warnings],
    categories: [...work.categories],
    fandoms: work.fandoms.join(', '),
    relationships: work.relationships.join(', '),
    characters: work.characters.join(', '),
    tags: work.tags.join(', '),
    summary: work.summary,
    notes: work.notes,
    end_notes: work.endNotes,
    series_id: series ? String(series.id) : '',
    series_title: '',
    series_position: series ? String(series.position) : '',
    language: work.language,
    restricted: work.restricted ? '1' : '',
    progress: work.complete ? 'complete' : 'in_progress',
    expected_chapters: work.complete || work.expectedChapters === null ? '' : String(work.expectedChapters),
    published_on: publishedOn ?? '',
  };
}

/** The form values that show a stored chapter on the chapter form (its text as HTML). */
export function chapterValues(c: { title: string; summary: string; notes: string; endNotes: string; html: string }): FormValues {
  return { chapter_title: c.title, chapter_summary: c.summary, chapter_notes: c.notes, chapter_end_notes: c.endNotes, text_format: 'html', chapter_text: c.html };
}
