import { QuireError } from '../../errors.ts';
import type { Db } from '../../store/schema.ts';
import type { Viewer } from '../../works/visibility.ts';
import type { Work } from '../../works/work.types.ts';
import { isCreator } from '../context.ts';
import { NEW_ACCOUNT_AGE_MS, NEW_ACCOUNT_COMMENTS, NEW_ACCOUNT_WINDOW_MS, type Comment, type CommentSettings } from './comment.types.ts';

/** Creators of the work and administrators moderate its comments. */
export function moderates(viewer: Viewer, work: Pick<Work, 'creators'>): boolean {
  return isCreator(viewer, work) || !!viewer.admin;
}

/** Pending comments are seen by the work's moderators and by their own author. */
export function seesComment(viewer: Viewer, work: Pick<Work, 'creators'>, c: Comment): boolean {
  if (c.status === 'approved') return true;
  if (moderates(viewer, work)) return true;
  return c.author.kind === 'member' && viewer.kind === 'member' && c.author.accountId === viewer.accountId;
}

/**
 * Why this viewer may not comment on the work, or undefined when they may: the work's setting
 * (everyone / registered users / nobody) and blocks.
 */
export function postRefusal(viewer: Viewer, settings: CommentSettings, blocked: boolean): string | undefined {
  if (settings.permission === 'nobody') return 'Comments are turned off on this work.';
  if (settings.permission === 'registered' && viewer.kind !== 'member') return 'Only registered users can comment on this work. Log in to leave a comment.';
  if (blocked) return "Sorry, you can't comment on this work: a creator of it has blocked you.";
  return undefined;
}

/**
 * AO3's limit for new accounts (REFERENCE §4): an account younger than 7 days posts at most 3
 * comments per 15 minutes; guests are held to the same per address. Throws `rate_limited` with
 * how long to wait.
 */
export async function checkCommentRate(db: Db, who: { accountId: number; createdAt: string } | { guestHash: string }, now: Date): Promise<void> {
  if ('accountId' in who && now.getTime() - Date.parse(who.createdAt) >= NEW_ACCOUNT_AGE_MS) return;
  const since = new Date(now.getTime() - NEW_ACCOUNT_WINDOW_MS).toISOString();
  let q = db.selectFrom('comments').select('created_at').where('created_at', '>', since);
  q = 'accountId' in who ? q.where('account_id', '=', who.accountId) : q.where('guest_hash', '=', who.guestHash);
  const recent = await q.orderBy('created_at').execute();
  if (recent.length < NEW_ACCOUNT_COMMENTS) return;
  const oldest = Date.parse(recent[recent.length - NEW_ACCOUNT_COMMENTS]!.created_at);
  const minutes = Math.max(1, Math.ceil((oldest + NEW_ACCOUNT_WINDOW_MS - now.getTime()) / 60_000));
  const whom = 'accountId' in who ? 'New accounts (younger than 7 days)' : 'Guests';
  throw new QuireError('rate_limited', `${whom} can post at most ${NEW_ACCOUNT_COMMENTS} comments every 15 minutes. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again; your comment was not posted.`);
}
