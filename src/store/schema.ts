import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * Row types: what the database holds, apart from the domain types in src/works and src/tags.
 * Booleans are stored as 0/1 integers and dates as ISO-8601 text so that the same rows
 * read back identically on SQLite and PostgreSQL.
 */
export interface WorksTable {
  id: Generated<number>;
  title: string;
  /** Sanitized HTML. */
  summary: string;
  notes: string;
  end_notes: string;
  /** One of RATINGS (the rating tag's name is kept here too, for fast reads). */
  rating: string;
  /** BCP-47-ish language code, e.g. `en`, `zh`, `pt-BR`. */
  language: string;
  complete: number;
  expected_chapters: number | null;
  word_count: number;
  chapter_count: number;
  /** `draft` or `posted`. */
  status: string;
  restricted: number;
  hidden: number;
  /** Day the work was first published, `YYYY-MM-DD` (may be backdated, never in the future). */
  published_on: string;
  /** Day of the last update, `YYYY-MM-DD`. */
  updated_on: string;
  created_at: string;
  revised_at: string;
  /** Bumped on every write: downloads and caches key on it. */
  revision: number;
  /** sha256 of an imported file, so importing it again is a no-op. */
  import_hash: string | null;
  hits: number;
  kudos_count: number;
  comments_count: number;
  bookmarks_count: number;
}

export interface ChaptersTable {
  id: Generated<number>;
  work_id: number;
  /** 1-based order within the work. */
  position: number;
  title: string;
  summary: string;
  notes: string;
  end_notes: string;
  /** Sanitized HTML. */
  body: string;
  word_count: number;
  published_on: string;
}

export interface TagsTable {
  id: Generated<number>;
  /** fandom, relationship, character, additional, rating, warning, category. */
  type: string;
  name: string;
  /** Folded name (lower case, single spaces): unique across all types, as on AO3. */
  name_key: string;
  canonical: number;
  /** The canonical tag this one is a synonym of. */
  synonym_of: number | null;
  unwrangleable: number;
  created_at: string;
}

/** `meta`: parent is a metatag of tag. `fandom`: parent is a parent fandom of a character or relationship. */
export interface TagLinksTable {
  tag_id: number;
  parent_id: number;
  kind: string;
}

export interface WorkTagsTable {
  work_id: number;
  tag_id: number;
  position: number;
}

export interface FilterTaggingsTable {
  work_id: number;
  tag_id: number;
}

export interface PseudsTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  /** Owning account, once accounts exist. */
  account_id: number | null;
  created_at: string;
}

export interface WorkCreatorsTable {
  work_id: number;
  pseud_id: number;
  position: number;
}

export interface SeriesTable {
  id: Generated<number>;
  title: string;
  title_key: string;
  summary: string;
  notes: string;
  complete: number;
  created_at: string;
  updated_at: string;
}

export interface SeriesWorksTable {
  series_id: number;
  work_id: number;
  position: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  works: WorksTable;
  chapters: ChaptersTable;
  tags: TagsTable;
  tag_links: TagLinksTable;
  work_tags: WorkTagsTable;
  filter_taggings: FilterTaggingsTable;
  pseuds: PseudsTable;
  work_creators: WorkCreatorsTable;
  series: SeriesTable;
  series_works: SeriesWorksTable;
  settings: SettingsTable;
}

/** A connection or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
