import { invalid, type FieldIssue } from '../errors.ts';
import { htmlToText, sanitize } from '../formats/sanitize.ts';
import { CATEGORIES, RATINGS, WARNINGS, cleanTagName, foldName, type Category, type Warning } from '../tags/tag.types.ts';
import { parseLanguage } from './language.ts';
import { LIMITS } from './limits.ts';
import type { WorkInput } from './work.types.ts';
import { countWords } from './word-count.ts';

/** A WorkInput that passed every check: HTML sanitized, tags cleaned and de-duplicated, counts done. */
export interface ValidWork {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  rating: string;
  warnings: Warning[];
  categories: Category[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  tags: string[];
  language: string;
  series: { title: string; position?: number }[];
  complete: boolean;
  expectedChapters: number | null;
  creators: string[];
  publishedOn: string;
  updatedOn: string;
  status: 'draft' | 'posted';
  restricted: boolean;
  words: number;
  importHash: string | null;
  chapters: { title: string; summary: string; notes: string; endNotes: string; html: string; words: number; publishedOn: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date as `YYYY-MM-DD` in UTC. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function uniqueTags(list: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list ?? []) {
    const name = cleanTagName(raw);
    const key = foldName(name);
    if (name && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/**
 * Checks a work against REFERENCE §1 and returns it cleaned. Every problem is collected, so
 * the error names all of them: `title: is empty; chapters[2].text: shorter than 10 characters`.
 */
export function validateWork(input: WorkInput, now = new Date()): ValidWork {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const day = today(now);

  const title = (input.title ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!title) add('title', 'is empty');
  else if (title.length > LIMITS.titleMax) add('title', `is ${title.length} characters; the limit is ${LIMITS.titleMax}`);

  const html = (field: string, value: string | undefined, max: number): string => {
    const clean = sanitize(value ?? '');
    if (clean.length > max) add(field, `is ${clean.length} characters; the limit is ${max}`);
    return clean;
  };
  const summary = html('summary', input.summary, LIMITS.summaryMax);
  const notes = html('notes', input.notes, LIMITS.notesMax);
  const endNotes = html('endNotes', input.endNotes, LIMITS.notesMax);

  if (!RATINGS.includes(input.rating)) add('rating', `"${input.rating}" is not one of ${RATINGS.join(', ')}`);
  const warnings = [...new Set(input.warnings ?? [])];
  if (warnings.length === 0) add('warnings', 'at least one archive warning is required');
  for (const w of warnings) if (!WARNINGS.includes(w)) add('warnings', `"${w}" is not an archive warning`);
  const categories = [...new Set(input.categories ?? [])];
  for (const c of categories) if (!CATEGORIES.includes(c)) add('categories', `"${c}" is not a category`);

  const fandoms = uniqueTags(input.fandoms);
  const relationships = uniqueTags(input.relationships);
  const characters = uniqueTags(input.characters);
  const tags = uniqueTags(input.tags);
  if (fandoms.length === 0) add('fandoms', 'at least one fandom is required');
  const free = fandoms.length + relationships.length + characters.length + tags.length;
  if (free > LIMITS.freeTagsMax) add('tags', `${free} fandom, relationship, character and additional tags; the limit is ${LIMITS.freeTagsMax} together`);
  for (const t of [...fandoms, ...relationships, ...characters, ...tags]) {
    if (t.length > 150) add('tags', `"${t.slice(0, 30)}…" is longer than 150 characters`);
    if (t.includes(',')) add('tags', `"${t}" contains a comma; commas separate tags`);
  }

  const language = parseLanguage(input.language ?? '');
  if (!language) add('language', input.language ? `"${input.language}" is not a known language or language code` : 'is required');

  const creators = uniqueTags(input.creators);
  if (creators.length === 0) add('creators', 'at least one creator is required');
  for (const c of creators) if (c.length > LIMITS.creatorNameMax) add('creators', `"${c.slice(0, 30)}…" is longer than ${LIMITS.creatorNameMax} characters`);

  const series = (input.series ?? []).map((s, i) => {
    const t = (s.title ?? '').replace(/\s+/g, ' ').trim();
    if (!t) add(`series[${i}].title`, 'is empty');
    if (t.length > LIMITS.seriesTitleMax) add(`series[${i}].title`, `is longer than ${LIMITS.seriesTitleMax} characters`);
    if (s.position !== undefined && (!Number.isInteger(s.position) || s.position < 1)) add(`series[${i}].position`, 'must be a whole number from 1');
    return s.position === undefined ? { title: t } : { title: t, position: s.position };
  });

  const checkDay = (field: string, value: string | undefined): string | undefined => {
    if (value === undefined || value === '') return undefined;
    if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      add(field, `"${value}" is not a date (YYYY-MM-DD)`);
      return undefined;
    }
    if (value > day) add(field, `${value} is in the future`);
    return value;
  };
  const publishedOn = checkDay('publishedOn', input.publishedOn) ?? day;
  let updatedOn = checkDay('updatedOn', input.updatedOn) ?? publishedOn;
  if (updatedOn < publishedOn) updatedOn = publishedOn;

  const chapters = (input.chapters ?? []).map((c, i) => {
    const field = `chapters[${i + 1}]`;
    const body = sanitize(c.html ?? '');
    const text = htmlToText(body);
    if (text.length < LIMITS.chapterMin) add(`${field}.text`, text.length === 0 ? 'is empty' : `is ${text.length} characters; at least ${LIMITS.chapterMin} are needed`);
    if (body.length > LIMITS.chapterMax) add(`${field}.text`, `is ${body.length} characters; the limit is ${LIMITS.chapterMax} per chapter`);
    const chTitle = (c.title ?? '').replace(/\s+/g, ' ').trim();
    if (chTitle.length > LIMITS.chapterTitleMax) add(`${field}.title`, `is longer than ${LIMITS.chapterTitleMax} characters`);
    const chPublished = checkDay(`${field}.publishedOn`, c.publishedOn) ?? publishedOn;
    return {
      title: chTitle,
      summary: html(`${field}.summary`, c.summary, LIMITS.summaryMax),
      notes: html(`${field}.notes`, c.notes, LIMITS.notesMax),
      endNotes: html(`${field}.endNotes`, c.endNotes, LIMITS.notesMax),
      html: body,
      words: countWords(text),
      publishedOn: chPublished,
    };
  });
  if (chapters.length === 0) add('chapters', 'a work needs at least one chapter');
  if (chapters.length > LIMITS.chaptersMax) add('chapters', `${chapters.length} chapters; the limit is ${LIMITS.chaptersMax}`);

  const expected = input.expectedChapters ?? null;
  if (expected !== null && (!Number.isInteger(expected) || expected < 1)) add('expectedChapters', 'must be a whole number from 1');
  else if (expected !== null && expected < chapters.length) add('expectedChapters', `is ${expected} but the work already has ${chapters.length} chapters`);
  const complete = input.complete ?? (expected === null || expected === chapters.length);
  if (complete && expected !== null && expected !== chapters.length) add('complete', `a complete work has all its chapters, but ${chapters.length} of ${expected} are here`);

  if (issues.length > 0) throw invalid(issues);
  const lastChapterDay = chapters.reduce((m, c) => (c.publishedOn > m ? c.publishedOn : m), updatedOn);
  return {
    title, summary, notes, endNotes, rating: input.rating, warnings, categories,
    fandoms, relationships, characters, tags, language: language!, series,
    complete, expectedChapters: complete ? chapters.length : expected,
    creators, publishedOn, updatedOn: lastChapterDay,
    status: input.status ?? 'posted', restricted: input.restricted ?? false,
    words: chapters.reduce((n, c) => n + c.words, 0),
    importHash: input.importHash ?? null,
    chapters,
  };
}
