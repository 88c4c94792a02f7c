import type { Creator } from '../../works/work.types.ts';

/**
 * An inbox entry: a new chapter of a subscribed work, a new work by a subscribed creator, a new
 * work in a subscribed series, a comment on one's work, or a reply to one's comment.
 */
export const NOTICE_KINDS = ['chapter', 'work', 'series_work', 'comment', 'reply'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NewNotice {
  accountId: number;
  kind: NoticeKind;
  workId?: number | null;
  chapterPosition?: number | null;
  seriesId?: number | null;
  pseudId?: number | null;
  commentId?: number | null;
}

/** A notice as its owner sees it. Notices about works the owner can no longer see are not shown. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  read: boolean;
  createdAt: string;
  work: { id: number; title: string; creators: Creator[]; chapterCount: number } | null;
  chapterPosition: number | null;
  series: { id: number; title: string } | null;
  /** The subscribed pen name a `work` notice came through. */
  creator: { id: number; name: string } | null;
  comment: { id: number; author: string; excerpt: string; pending: boolean; deleted: boolean; chapterPosition: number | null } | null;
}
