import type { Selectable } from 'kysely';
import type { CommentsTable, Db } from '../../store/schema.ts';
import { DEFAULT_COMMENT_SETTINGS, parseCommentPermission, type Comment, type CommentSettings } from './comment.types.ts';

/** Comment rows in, domain objects out; every function takes a `Db` so callers choose the transaction. */

type Row = Selectable<CommentsTable> & { pseud_name: string | null; username: string | null };

function toComment(r: Row): Comment {
  const author: Comment['author'] =
    r.account_id !== null
      ? { kind: 'member', accountId: r.account_id, pseudId: r.pseud_id, name: r.pseud_name ?? r.username ?? 'a deleted pen name' }
      : r.guest_name !== null
        ? { kind: 'guest', name: r.guest_name }
        : { kind: 'gone' };
  return {
    id: r.id,
    workId: r.work_id,
    chapterPosition: r.chapter_position,
    parentId: r.parent_id,
    depth: r.depth,
    author,
    html: r.deleted ? '' : r.body,
    status: r.status === 'pending' ? 'pending' : 'approved',
    deleted: r.deleted === 1,
    frozen: r.frozen === 1,
    createdAt: r.created_at,
    editedAt: r.edited_at,
  };
}

function selectComments(db: Db) {
  return db
    .selectFrom('comments')
    .leftJoin('pseuds', 'pseuds.id', 'comments.pseud_id')
    .leftJoin('accounts', 'accounts.id', 'comments.account_id')
    .selectAll('comments')
    .select(['pseuds.name as pseud_name', 'accounts.username']);
}

/** Every comment of a work, oldest first. */
export async function commentsOfWork(db: Db, workId: number): Promise<Comment[]> {
  const rows = await selectComments(db).where('comments.work_id', '=', workId).orderBy('comments.id').execute();
  return rows.map(toComment);
}

export async function findComment(db: Db, id: number): Promise<Comment | undefined> {
  const row = await selectComments(db).where('comments.id', '=', id).executeTakeFirst();
  return row && toComment(row);
}

/** Comments by id (for the inbox), in any order. */
export async function findComments(db: Db, ids: readonly number[]): Promise<Comment[]> {
  if (ids.length === 0) return [];
  const rows = await selectComments(db).where('comments.id', 'in', [...ids]).execute();
  return rows.map(toComment);
}

/** True when any comment replies to `id`. */
export async function hasReplies(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('comments').select('id').where('parent_id', '=', id).executeTakeFirst());
}

/** `id` and its ancestors, nearest first. */
export async function ancestry(db: Db, id: number): Promise<Comment[]> {
  const out: Comment[] = [];
  let next: number | null = id;
  while (next !== null && out.length < 10_000) {
    const c = await findComment(db, next);
    if (!c) break;
    out.push(c);
    next = c.parentId;
  }
  return out;
}

/** A work's comment settings (the defaults when it never changed them). */
export async function commentSettings(db: Db, workId: number): Promise<CommentSettings> {
  const row = await db.selectFrom('work_comment_settings').selectAll().where('work_id', '=', workId).executeTakeFirst();
  if (!row) return DEFAULT_COMMENT_SETTINGS;
  return { permission: parseCommentPermission(row.permission) ?? 'everyone', moderated: row.moderated === 1 };
}

export async function saveCommentSettings(db: Db, workId: number, s: CommentSettings): Promise<void> {
  const values = { permission: s.permission, moderated: s.moderated ? 1 : 0 };
  await db.insertInto('work_comment_settings').values({ work_id: workId, ...values }).onConflict((oc) => oc.column('work_id').doUpdateSet(values)).execute();
}
