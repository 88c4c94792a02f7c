import type { ChapterInput, WorkInput } from '../works/work.types.ts';
import { prose } from './prose.ts';

/** One work of the demo library. */
export interface DemoWork {
  /** Stable name: the work is stored with import hash `demo:<slug>`, so loading twice adds nothing. */
  slug: string;
  work: WorkInput;
}

/** An invented fandom with its works and the tags wrangled under it. */
export interface DemoFandom {
  name: string;
  /** Character and relationship tags whose parent fandom this is. */
  characters: string[];
  relationships: string[];
  works: DemoWork[];
}

/** Wrangling applied after the demo loads, so tag pages show synonyms and metatags. */
export interface DemoWrangling {
  /** `[synonym, canonical]` pairs. */
  synonyms: [string, string][];
  /** `[subtag, metatag]` pairs. */
  metatags: [string, string][];
}

/** A chapter from plain text (see `prose`); notes are plain text too. */
export function chapter(text: string, extra: { title?: string; notes?: string; endNotes?: string; publishedOn?: string } = {}): ChapterInput {
  const c: ChapterInput = { html: prose(text) };
  if (extra.title !== undefined) c.title = extra.title;
  if (extra.notes !== undefined) c.notes = prose(extra.notes);
  if (extra.endNotes !== undefined) c.endNotes = prose(extra.endNotes);
  if (extra.publishedOn !== undefined) c.publishedOn = extra.publishedOn;
  return c;
}
