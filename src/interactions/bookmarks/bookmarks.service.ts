import { sql, type Selectable } from 'kysely';
import { findAccountByUsername } from '../../accounts/account.repository.ts';
import { invalid, notFound, QuireError, type FieldIssue } from '../../errors.ts';
import { htmlToText } from '../../formats/sanitize.ts';
import { logger } from '../../log.ts';
import type { BookmarksTable } from '../../store/schema.ts';
import { canView, type Viewer } from '../../works/visibility.ts';
import type { Page } from '../../works/work.service.ts';
import { loadWorks } from '../../works/work.repository.ts';
import type { Work } from '../../works/work.types.ts';
import { accountOf, paging, readableWork, type InteractionContext } from '../context.ts';
import { recount } from '../counters.ts';
import { charLength, userHtml } from '../user-html.ts';
import { likeEscape, visibleWork } from '../visible-sql.ts';
import { BOOKMARK_NOTES_MAX, BOOKMARK_TAG_MAX, BOOKMARK_TAGS_MAX, type Bookmark, type BookmarkInput, type BookmarkQuery } from './bookmark.types.ts';

const log = logger('interactions');

function toBookmark(r: Selectable<BookmarksTable>, owner: string): Bookmark {
  let tags: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.tags);
    if (Array.isArray(parsed)) tags = parsed.filter((t): t is string => typeof t === 'string');
  } catch {
    tags = [];
  }
  return { id: r.id, workId: r.work_id, accountId: r.account_id, owner, notes: r.notes, tags, rec: r.rec === 1, private: r.private === 1, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** "Angst, fluff ,, Angst" → ['Angst', 'fluff']: trimmed, single-spaced, without repeats (case ignored). */
export function parseBookmarkTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,，、]/)) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** One bookmark with its work, for lists. */
export interface BookmarkEntry {
  bookmark: Bookmark;
  work: Work;
}

/**
 * Bookmarks: one per account per work (saving again edits it), public or private, with notes,
 * the bookmarker's own tags and a "rec" flag. `works.bookmarks_count` counts public ones (as on
 * AO3). Nobody sees another's private bookmarks, nor any bookmark of a work they cannot read.
 */
export class Bookmarks {
  constructor(private readonly ctx: InteractionContext) {}

  /** Creates or updates the member's bookmark of a work they can read. */
  async save(viewer: Viewer, workId: number, input: BookmarkInput): Promise<Bookmark> {
    const accountId = accountOf(viewer);
    if (accountId === undefined) throw new QuireError('forbidden', 'Log in to bookmark works.');
    await readableWork(this.ctx.works, viewer, workId);
    const issues: FieldIssue[] = [];
    const notesText = input.notes ?? '';
    if (charLength(notesText) > BOOKMARK_NOTES_MAX) issues.push({ field: 'notes', message: `are too long: ${charLength(notesText).toLocaleString('en')} characters, at most ${BOOKMARK_NOTES_MAX.toLocaleString('en')}` });
    const tags = parseBookmarkTags(input.tags ?? '');
    if (tags.length > BOOKMARK_TAGS_MAX) issues.push({ field: 'tags', message: `are too many: ${tags.length}, at most ${BOOKMARK_TAGS_MAX}` });
    const long = tags.find((t) => [...t].length > BOOKMARK_TAG_MAX);
    if (long) issues.push({ field: 'tags', message: `"${long.slice(0, 30)}…" is longer than ${BOOKMARK_TAG_MAX} characters` });
    if (issues.length > 0) throw invalid(issues);
    const notes = userHtml(notesText);
    const now = this.ctx.clock().toISOString();
    const values = {
      notes,
      tags: JSON.stringify(tags),
      search_text: `${htmlToText(notes)}\n${tags.join('\n')}`.toLowerCase(),
      rec: input.rec ? 1 : 0,
      private: input.private ? 1 : 0,
      updated_at: now,
    };
    await this.ctx.db
      .insertInto('bookmarks')
      .values({ work_id: workId, account_id: accountId, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['account_id', 'work_id']).doUpdateSet(values))
      .execute();
    await recount(this.ctx.db, this.ctx.events, workId, ['bookmarks']);
    log.info({ workId, private: input.private === true }, 'bookmark saved');
    return (await this.mine(accountId, workId))!;
  }

  /** Deletes one of the member's own bookmarks. */
  async remove(viewer: Viewer, bookmarkId: number): Promise<Bookmark> {
    const accountId = accountOf(viewer);
    const row = await this.ctx.db.selectFrom('bookmarks').selectAll().where('id', '=', bookmarkId).executeTakeFirst();
    if (!row || row.account_id !== accountId) throw notFound('bookmark', bookmarkId);
    await this.ctx.db.deleteFrom('bookmarks').where('id', '=', bookmarkId).execute();
    await recount(this.ctx.db, this.ctx.events, row.work_id, ['bookmarks']);
    return toBookmark(row, viewer.username ?? '');
  }

  /** The account's bookmark of a work, if any. */
  async mine(accountId: number, workId: number): Promise<Bookmark | undefined> {
    const row = await this.ctx.db
      .selectFrom('bookmarks')
      .innerJoin('accounts', 'accounts.id', 'bookmarks.account_id')
      .selectAll('bookmarks')
      .select('accounts.username')
      .where('bookmarks.account_id', '=', accountId)
      .where('bookmarks.work_id', '=', workId)
      .executeTakeFirst();
    return row && toBookmark(row, row.username);
  }

  /**
   * An account's bookmarks as `viewer` sees them: all of them for the owner, the public ones for
   * others; only bookmarks of works the viewer may read. Searchable (each word of `q` in the
   * notes, the tags or the title) and filtered by rec; newest first.
   */
  async list(viewer: Viewer, username: string, query: BookmarkQuery = {}): Promise<{ owner: { id: number; username: string }; page: Page<BookmarkEntry> }> {
    const owner = await findAccountByUsername(this.ctx.db, username);
    if (!owner) throw new QuireError('not_found', `there is no account "${username.slice(0, 40)}"`);
    const { page, pageSize, offset } = paging(query.page, query.pageSize);
    const own = accountOf(viewer) === owner.id;
    let q = this.ctx.db
      .selectFrom('bookmarks')
      .innerJoin('works', 'works.id', 'bookmarks.work_id')
      .where('bookmarks.account_id', '=', owner.id)
      .where((eb) => visibleWork(viewer)(eb));
    if (!own) q = q.where('bookmarks.private', '=', 0);
    if (query.rec) q = q.where('bookmarks.rec', '=', 1);
    for (const word of (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)) {
      const pattern = `%${likeEscape(word)}%`;
      q = q.where((eb) => eb.or([sql<boolean>`bookmarks.search_text LIKE ${pattern} ESCAPE '\\'`, sql<boolean>`lower(works.title) LIKE ${pattern} ESCAPE '\\'`]));
    }
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll('bookmarks').orderBy('bookmarks.updated_at', 'desc').orderBy('bookmarks.id', 'desc').limit(pageSize).offset(offset).execute();
    const works = new Map((await loadWorks(this.ctx.db, rows.map((r) => r.work_id))).map((w) => [w.id, w]));
    const items = rows.flatMap((r) => {
      const work = works.get(r.work_id);
      return work && canView(viewer, work) ? [{ bookmark: toBookmark(r, owner.username), work }] : [];
    });
    const total = Number(count.n);
    return { owner: { id: owner.id, username: owner.username }, page: { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) } };
  }
}
