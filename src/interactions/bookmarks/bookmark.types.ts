/** Bookmarks (REFERENCE §4): private or public, notes, the bookmarker's own tags, a "rec" flag. */

/** AO3's limit on bookmark notes, in characters. */
export const BOOKMARK_NOTES_MAX = 5000;
/** At most this many of the bookmarker's tags, each at most `BOOKMARK_TAG_MAX` characters. */
export const BOOKMARK_TAGS_MAX = 75;
export const BOOKMARK_TAG_MAX = 100;

export interface Bookmark {
  id: number;
  workId: number;
  accountId: number;
  /** The bookmarker's username. */
  owner: string;
  /** Sanitized HTML. */
  notes: string;
  tags: string[];
  rec: boolean;
  private: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the bookmark form sends: notes as typed, tags comma-separated. */
export interface BookmarkInput {
  notes?: string;
  tags?: string;
  rec?: boolean;
  private?: boolean;
}

export interface BookmarkQuery {
  /** Words that must each appear in the notes, the tags or the work's title. */
  q?: string;
  /** Only recs. */
  rec?: boolean;
  page?: number;
  pageSize?: number;
}
