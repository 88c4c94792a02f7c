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

/** A reader's or writer's account. `username_key` and `email_key` are lower case and unique. */
export interface AccountsTable {
  id: Generated<number>;
  username: string;
  username_key: string;
  email: string;
  email_key: string;
  /** argon2id, in the PHC string format. */
  password_hash: string;
  /** `member`, `wrangler` or `admin`. */
  role: string;
  default_pseud_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A signed-in browser. `id` is the sha256 (hex) of the token in the `quire_session` cookie. */
export interface SessionsTable {
  id: string;
  account_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  /** A short summary of the browser, shown on the account page. */
  user_agent: string;
}

/** An outstanding password-reset link; `id` is the sha256 (hex) of the token it carries. */
export interface PasswordResetsTable {
  id: string;
  account_id: number;
  created_at: string;
  expires_at: string;
}

/** An invitation code (stored as its sha256; `hint` is its first characters, for the admin list). */
export interface InvitationsTable {
  id: Generated<number>;
  code_hash: string;
  hint: string;
  created_by: number | null;
  /** `web` (an admin's page) or `cli` (`quire admin invite`). */
  created_via: string;
  created_at: string;
  used_by: number | null;
  used_at: string | null;
}

/** One login attempt in a bucket (`ip:…`, `account:…`, `login:…`); `at` in epoch milliseconds. */
export interface LoginAttemptsTable {
  id: Generated<number>;
  bucket: string;
  at: number;
}

/** Consecutive failed logins per account bucket, and the lock they caused (epoch milliseconds). */
export interface LoginFailuresTable {
  bucket: string;
  failures: number;
  locked_until: number | null;
  updated_at: number;
}

/** A pending invitation for `pseud_id` to co-create `work_id` (migration 0003); accepted ones move to `work_creators`. */
export interface CoCreatorInvitationsTable {
  id: Generated<number>;
  work_id: number;
  pseud_id: number;
  /** The pen name that sent it; null once that pen name is gone. */
  invited_by_pseud_id: number | null;
  created_at: string;
}

/**
 * A work's comment settings (migration 0004); a work without a row takes the defaults
 * (everyone may comment, no moderation). Kept apart from `works` so code that builds whole
 * works rows is untouched.
 */
export interface WorkCommentSettingsTable {
  work_id: number;
  /** `everyone`, `registered` or `nobody`. */
  permission: string;
  /** 1: new comments wait until a creator approves them. */
  moderated: number;
}

/** Kudos (migration 0004): one per account, or one per visitor address (kept only as a keyed hash). */
export interface KudosTable {
  id: Generated<number>;
  work_id: number;
  /** Null for a guest's kudos, and once the account is deleted. */
  account_id: number | null;
  guest_hash: string | null;
  created_at: string;
}

/** A comment on a work or one of its chapters; `parent_id` makes threads (migration 0004). */
export interface CommentsTable {
  id: Generated<number>;
  work_id: number;
  /** The chapter commented on (1-based); null for the whole work. Positions, not chapter ids: ids change when a work is rewritten. */
  chapter_position: number | null;
  parent_id: number | null;
  depth: number;
  account_id: number | null;
  pseud_id: number | null;
  guest_name: string | null;
  /** Never shown to anyone. */
  guest_email: string | null;
  /** Keyed hash of a guest's address, for the comment rate limit. */
  guest_hash: string | null;
  /** Sanitized HTML; '' once deleted. */
  body: string;
  /** `approved` or `pending` (held for moderation). */
  status: string;
  deleted: number;
  frozen: number;
  created_at: string;
  edited_at: string | null;
}

/** One bookmark per account per work (migration 0004). */
export interface BookmarksTable {
  id: Generated<number>;
  work_id: number;
  account_id: number;
  /** Sanitized HTML. */
  notes: string;
  /** JSON array of the bookmarker's own tags. */
  tags: string;
  /** Lower-case text of the notes and tags, for searching. */
  search_text: string;
  rec: number;
  private: number;
  created_at: string;
  updated_at: string;
}

/** `kind`: `work`, `pseud` (a creator's pen name) or `series` (migration 0004). */
export interface SubscriptionsTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  target_id: number;
  created_at: string;
}

/** An inbox entry: `chapter`, `work`, `series_work`, `comment` or `reply` (migration 0004). */
export interface NoticesTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  work_id: number | null;
  chapter_position: number | null;
  series_id: number | null;
  pseud_id: number | null;
  comment_id: number | null;
  read: number;
  emailed: number;
  created_at: string;
}

/** What subscribers were last told about a posted work (migration 0004). */
export interface NotifiedWorksTable {
  work_id: number;
  chapter_count: number;
  notified_at: string;
}

export interface LaterWorksTable {
  account_id: number;
  work_id: number;
  created_at: string;
}

export interface ReadingHistoryTable {
  account_id: number;
  work_id: number;
  chapter_position: number | null;
  visits: number;
  first_visited_at: string;
  last_visited_at: string;
}

export interface ReaderSettingsTable {
  account_id: number;
  history_paused: number;
  email_digest: number;
}

/** `kind`: `block` or `mute`; `via_pseud_id` is the pen name the reader acted on, if any. */
export interface AccountRelationsTable {
  account_id: number;
  kind: string;
  target_account_id: number;
  via_pseud_id: number | null;
  created_at: string;
}

/** One row per work, UTC day and viewer (a keyed hash) while the day lasts: hits count once a day. */
export interface WorkHitsTable {
  work_id: number;
  day: string;
  viewer: string;
}

/** A reader's saved "never show me" filters: `rules` is versioned JSON (src/profiles/rules.stored.ts). */
export interface FilterProfilesTable {
  account_id: number;
  /** `default` for now; named profiles may come later. */
  name: string;
  rules: string;
  updated_at: string;
}

/** One administrator's hide or unhide of a work (src/works/moderation.ts); kept after the work goes. */
export interface WorkModerationTable {
  id: Generated<number>;
  work_id: number;
  /** The title when it happened. */
  work_title: string;
  action: 'hide' | 'unhide';
  /** The admin's account; null for the CLI's operator (or once the account is deleted). */
  account_id: number | null;
  /** Who, as shown in the record: the admin's username, or `operator (CLI)`. */
  actor: string;
  reason: string;
  created_at: string;
}

/**
 * A program's credential (migration 0007): a personal access token (`kind` `token`) for the API,
 * or an app password (`app_password`) for OPDS readers. `hash` is the sha256 (hex) of the secret.
 */
export interface ApiTokensTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  /** The member's label, e.g. "KOReader on my Kobo". */
  name: string;
  hash: string;
  /** The secret's last four characters, shown on the account page. */
  hint: string;
  /** Space-separated: `read`, or `read write`. */
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

/** One wrangling change (migration 0008): who, when, what, to which tag; `details` is JSON. */
export interface TagAuditTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  /** The account's username at the time, or `cli`. */
  actor: string;
  action: string;
  tag_id: number | null;
  tag_name: string;
  details: string;
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
  accounts: AccountsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
  login_attempts: LoginAttemptsTable;
  login_failures: LoginFailuresTable;
  work_comment_settings: WorkCommentSettingsTable;
  kudos: KudosTable;
  comments: CommentsTable;
  bookmarks: BookmarksTable;
  subscriptions: SubscriptionsTable;
  notices: NoticesTable;
  notified_works: NotifiedWorksTable;
  later_works: LaterWorksTable;
  reading_history: ReadingHistoryTable;
  reader_settings: ReaderSettingsTable;
  account_relations: AccountRelationsTable;
  work_hits: WorkHitsTable;
  co_creator_invitations: CoCreatorInvitationsTable;
  filter_profiles: FilterProfilesTable;
  work_moderation: WorkModerationTable;
  api_tokens: ApiTokensTable;
  rating_hints: RatingHintsTable;
  tag_audit: TagAuditTable;
  change_log: ChangeLogTable;
  rate_limits: RateLimitsTable;
  search_keys: SearchKeysTable;
  search_postings: SearchPostingsTable;
  search_lengths: SearchLengthsTable;
  search_work_keys: SearchWorkKeysTable;
}

/** One work written, deleted or recounted, for the other processes (migration 0011, src/cluster/change-log.ts). */
export interface ChangeLogTable {
  seq: Generated<number>;
  /** Null for `rebuild`. */
  work_id: number | null;
  /** `write`, `delete`, `counts` or `rebuild`. */
  kind: string;
  /** The process that wrote it (it skips its own rows). */
  origin: string;
  at: string;
}

/** A shared request counter of the rate limit (migration 0011, src/cluster/rate-limit-store.ts). */
export interface RateLimitsTable {
  key: string;
  count: number;
  /** When the counter's window ends (ISO-8601). */
  reset_at: string;
}

/** The latest rating hint per work, for the administrators' review queue (migration 0009, src/suggest/rating-hints.ts). */
export interface RatingHintsTable {
  work_id: number;
  /** The hinted rating (one of RATINGS). */
  rating: string;
  confidence: number;
  /** JSON array of Evidence. */
  evidence: string;
  /** The work's declared rating when the hint was computed. */
  declared: string;
  /** 1 when the hint is above the declared rating (Not Rated is never below a hint). */
  exceeds: number;
  computed_at: string;
  /** The work's revision the hint was computed for. */
  revision: number;
  dismissed_by: number | null;
  dismissed_at: string | null;
  /** The declared and hinted ratings the dismissal was made for. */
  dismissed_declared: string | null;
  dismissed_rating: string | null;
}

/** A key of the frequency postings: a folded word or run of words (migration 0012, src/search/postings). */
export interface SearchKeysTable {
  id: number;
  key: string;
}

/** One key's postings for one block of 1,024 work ids (src/search/postings/block-format.ts). */
export interface SearchPostingsTable {
  key_id: number;
  block: number;
  works: number;
  chapters: number;
  meta: number;
  data: Uint8Array;
}

/** Metadata and chapter lengths of one block's works, in tokens. */
export interface SearchLengthsTable {
  block: number;
  data: Uint8Array;
}

/** The key ids one work contains (varint deltas). */
export interface SearchWorkKeysTable {
  work_id: number;
  data: Uint8Array;
}

/** A connection or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
