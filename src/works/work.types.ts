import type { Category, Rating, Warning } from '../tags/tag.types.ts';

/** One chapter as written: HTML is sanitized by the service before it is stored. */
export interface ChapterInput {
  title?: string;
  summary?: string;
  notes?: string;
  endNotes?: string;
  html: string;
  /** `YYYY-MM-DD`; defaults to the work's published date. */
  publishedOn?: string;
}

export interface SeriesInput {
  title: string;
  /** 1-based; defaults to the end of the series. */
  position?: number;
}

/**
 * What it takes to create or replace a work. Importers, the web forms, the API and the demo
 * library all build one of these and hand it to `WorkService.create` / `update`.
 */
export interface WorkInput {
  title: string;
  summary?: string;
  notes?: string;
  endNotes?: string;
  rating: Rating;
  warnings: Warning[];
  categories?: Category[];
  fandoms: string[];
  relationships?: string[];
  characters?: string[];
  /** Additional (freeform) tags. */
  tags?: string[];
  /** Language code, e.g. `en`. */
  language: string;
  series?: SeriesInput[];
  complete?: boolean;
  expectedChapters?: number | null;
  /** Pen names, first one first. */
  creators: string[];
  publishedOn?: string;
  updatedOn?: string;
  status?: 'draft' | 'posted';
  restricted?: boolean;
  chapters: ChapterInput[];
  /** sha256 of the imported file; importing the same file again is then a no-op. */
  importHash?: string;
}

export interface Creator {
  id: number;
  name: string;
}

export interface SeriesRef {
  id: number;
  title: string;
  position: number;
}

/** A work as readers see it (without chapter bodies). */
export interface Work {
  id: number;
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  rating: Rating;
  warnings: Warning[];
  categories: Category[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  tags: string[];
  language: string;
  series: SeriesRef[];
  complete: boolean;
  expectedChapters: number | null;
  creators: Creator[];
  publishedOn: string;
  updatedOn: string;
  status: 'draft' | 'posted';
  restricted: boolean;
  hidden: boolean;
  words: number;
  chapterCount: number;
  revision: number;
  stats: { hits: number; kudos: number; comments: number; bookmarks: number };
}

export interface Chapter {
  id: number;
  position: number;
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  html: string;
  words: number;
  publishedOn: string;
}

export interface WorkWithChapters extends Work {
  chapters: Chapter[];
}
