import type { Category, Rating, Warning } from '../tags/tag.types.ts';
import type { WorkWithChapters } from './work.types.ts';

/**
 * What a creator sets on the web's work forms, already parsed at the edge (src/web/routes/post-form.ts).
 * The posting service checks it again against the same rules every writer meets (`validateWork`).
 */

/** A place in a series: one the account already writes in (by id), or a new series by title. */
export type SeriesChoice = { seriesId: number; position?: number } | { newTitle: string; position?: number };

/** A work's metadata as set on the post and edit forms. */
export interface WorkFields {
  title: string;
  /** HTML (sanitized by the service). */
  summary: string;
  notes: string;
  endNotes: string;
  rating: Rating;
  warnings: Warning[];
  categories: Category[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  /** Additional (freeform) tags. */
  tags: string[];
  /** A language code or name (`en`, `Français`). */
  language: string;
  /** The account's own pen names to credit, by id (at least one on a new work). */
  pseudIds: number[];
  /** Other accounts' pen names to invite as co-creators; they are credited once they accept. */
  coCreators: string[];
  /** Undefined: no series (on an edit, the work leaves the series shown on the form). */
  series?: SeriesChoice;
  complete: boolean;
  /** Expected number of chapters of a work in progress; null when unknown. */
  expectedChapters: number | null;
  /** `YYYY-MM-DD`, today or earlier; undefined: today (for a draft, the day it is posted). */
  publishedOn?: string;
  /** Visible to logged-in readers only. */
  restricted: boolean;
}

/** One chapter as set on the chapter forms (and the first chapter of the post form). */
export interface ChapterFields {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  /** HTML (sanitized by the service); the edge converts plain text first. */
  html: string;
}

/** What to do with a new work: store it as a draft, or post it. */
export type PostAction = 'draft' | 'post';

/** A series an account writes in (it credits one of its pen names on at least one work). */
export interface OwnSeries {
  id: number;
  title: string;
  works: number;
}

/** A work as its creator edits it: the work, its pending co-creator invitations, and the form's series. */
export interface OwnWork {
  work: WorkWithChapters;
  /** Pen names invited and not yet answered. */
  pendingCoCreators: string[];
  /** The published date a creator chose for a draft (undefined: the day it is posted). */
  chosenPublishedOn: string | undefined;
}

/** A pending invitation as the invited account sees it. */
export interface CoCreatorInvitation {
  id: number;
  workId: number;
  workTitle: string;
  workStatus: 'draft' | 'posted';
  /** The invited pen name (one of the account's). */
  pseudName: string;
  /** The pen name that invited; null when it is gone. */
  invitedBy: string | null;
  createdAt: string;
}
