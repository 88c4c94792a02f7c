/** Comments: who may post, what a comment is, and AO3's limits (REFERENCE §4). */

export const COMMENT_PERMISSIONS = ['everyone', 'registered', 'nobody'] as const;
export type CommentPermission = (typeof COMMENT_PERMISSIONS)[number];

export function parseCommentPermission(value: string): CommentPermission | undefined {
  return (COMMENT_PERMISSIONS as readonly string[]).includes(value) ? (value as CommentPermission) : undefined;
}

/** A work's comment settings; a work that never changed them has the defaults. */
export interface CommentSettings {
  permission: CommentPermission;
  /** New comments wait for a creator's approval. */
  moderated: boolean;
}

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = { permission: 'everyone', moderated: false };

/** AO3's limit on a comment's length, in characters. */
export const COMMENT_MAX_CHARS = 10_000;
/** AO3's limit for new accounts: at most 3 comments per 15 minutes (REFERENCE §4)… */
export const NEW_ACCOUNT_COMMENTS = 3;
export const NEW_ACCOUNT_WINDOW_MS = 15 * 60 * 1000;
/** …while the account is younger than this. Guests are held to the same limit per address. */
export const NEW_ACCOUNT_AGE_MS = 7 * 24 * 3600 * 1000;
/** A guest's name, at most. */
export const GUEST_NAME_MAX = 100;

/** Who wrote a comment, as readers see it (a guest's e-mail address is never part of it). */
export type CommentAuthor =
  | { kind: 'member'; accountId: number; pseudId: number | null; name: string }
  | { kind: 'guest'; name: string }
  | { kind: 'gone' };

export interface Comment {
  id: number;
  workId: number;
  /** 1-based chapter; null for the whole work. */
  chapterPosition: number | null;
  parentId: number | null;
  depth: number;
  author: CommentAuthor;
  /** Sanitized HTML; '' when deleted. */
  html: string;
  status: 'approved' | 'pending';
  deleted: boolean;
  /** Frozen here (replies below are frozen too; see `frozenAt`). */
  frozen: boolean;
  createdAt: string;
  editedAt: string | null;
}

/** A comment in a thread, with the replies the viewer may see. */
export interface CommentNode {
  comment: Comment;
  /** Frozen here or in an ancestor: no new replies, no edits. */
  frozen: boolean;
  replies: CommentNode[];
}

/** What a new comment carries from a form. */
export interface NewComment {
  text: string;
  /** Reply to this comment (same work). */
  parentId?: number;
  /** Chapter commented on (ignored for a reply, which takes its parent's). */
  chapterPosition?: number | null;
  /** Guests only. */
  guestName?: string;
  guestEmail?: string;
}
