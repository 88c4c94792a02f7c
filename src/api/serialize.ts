import type { DownloadFormat } from '../downloads/formats.ts';
import { abs, paths, type FeedContext } from '../feeds/links.ts';
import type { SeriesView } from '../works/series.repository.ts';
import type { Chapter, Work, WorkWithChapters } from '../works/work.types.ts';
import type { ChapterJson, ChapterSummaryJson, SeriesJson, WorkJson, WorkSummaryJson } from './schemas.ts';

/**
 * Domain objects → API JSON (snake_case, absolute URLs). Each function's return type is the
 * output type of its zod schema in schemas.ts, so the compiler holds them together.
 */
export interface ApiContext extends FeedContext {
  /** The download formats this archive offers. */
  formats: readonly DownloadFormat[];
}

/** A work without its chapters, with its download links. */
export function workSummaryJson(c: ApiContext, w: Work): WorkSummaryJson {
  return {
    id: w.id,
    url: abs(c, paths.work(w.id)),
    title: w.title,
    summary_html: w.summary,
    rating: w.rating,
    warnings: w.warnings,
    categories: w.categories,
    fandoms: w.fandoms,
    relationships: w.relationships,
    characters: w.characters,
    tags: w.tags,
    language: w.language,
    series: w.series.map((s) => ({ id: s.id, title: s.title, position: s.position, url: abs(c, paths.series(s.id)) })),
    complete: w.complete,
    expected_chapters: w.expectedChapters,
    chapter_count: w.chapterCount,
    words: w.words,
    creators: w.creators.map((p) => ({ id: p.id, name: p.name, url: abs(c, paths.creator(p.name)) })),
    published_on: w.publishedOn,
    updated_on: w.updatedOn,
    status: w.status,
    restricted: w.restricted,
    hidden: w.hidden,
    stats: { ...w.stats },
    downloads: c.formats.map((f) => ({ format: f.ext, type: f.mime, url: abs(c, paths.download(w.id, f.ext)) })),
  };
}

/** A chapter without its text. */
export function chapterSummaryJson(c: ApiContext, workId: number, ch: Chapter): ChapterSummaryJson {
  return {
    id: ch.id,
    position: ch.position,
    title: ch.title,
    summary_html: ch.summary,
    notes_html: ch.notes,
    end_notes_html: ch.endNotes,
    words: ch.words,
    published_on: ch.publishedOn,
    url: abs(c, paths.chapter(workId, ch.position)),
  };
}

/** A chapter with its text. */
export function chapterJson(c: ApiContext, workId: number, ch: Chapter): ChapterJson {
  return { ...chapterSummaryJson(c, workId, ch), text_html: ch.html };
}

/** A work with its notes and its chapters (without their text). */
export function workJson(c: ApiContext, w: WorkWithChapters): WorkJson {
  return { ...workSummaryJson(c, w), notes_html: w.notes, end_notes_html: w.endNotes, chapters: w.chapters.map((ch) => chapterSummaryJson(c, w.id, ch)) };
}

/** A series with the works in it the viewer may read. */
export function seriesJson(c: ApiContext, s: SeriesView): SeriesJson {
  return {
    id: s.id,
    title: s.title,
    url: abs(c, paths.series(s.id)),
    summary_html: s.summary,
    notes_html: s.notes,
    complete: s.complete,
    works: s.works.map((w) => ({ position: w.position, work: workSummaryJson(c, w.work) })),
  };
}
