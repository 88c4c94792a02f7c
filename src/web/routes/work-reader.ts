import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { accountOf, isCreator } from '../../interactions/context.ts';
import type { WorkWithChapters } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { queryString } from '../params.ts';
import type { ChapterMode } from '../views/chapter-nav.ts';
import { commentsSection } from '../views/comment-forms.ts';
import { moderationBar } from '../views/moderation.ts';
import { chapterHref, workHref } from '../views/format.ts';
import { bookmarkForm, READER_NOTICES, readerActions } from '../views/work-reader.ts';
import { actorOf } from './reader-forms.ts';

/** The page a work is shown on, for forms to come back to. */
export function workPagePath(work: Pick<WorkWithChapters, 'id' | 'chapters'>, mode: ChapterMode): string {
  if (mode.kind === 'chapter') return chapterHref(work.id, mode.position);
  return work.chapters.length > 1 ? `${workHref(work.id)}?view=full` : workHref(work.id);
}

/**
 * Counts a reader's view of a work they are shown (a hit, once a day per reader) and records it
 * in their reading history (unless paused). Called only when the work itself is shown, not the
 * adult-content gate.
 */
export async function recordVisit(archive: Archive, req: FastifyRequest, work: WorkWithChapters, mode: ChapterMode): Promise<void> {
  const interactions = archive.interactions;
  await interactions.hits.record(actorOf(req), work);
  await interactions.history.record(req.viewer, work.id, mode.kind === 'chapter' ? mode.position : null);
}

/**
 * Everything under a work for its reader: stats, kudos, subscribe, mark for later, the bookmark
 * form, and the comments (of the chapter shown, or of the entire work).
 */
export async function readerSection(archive: Archive, req: FastifyRequest, reply: FastifyReply, work: WorkWithChapters, mode: ChapterMode): Promise<SafeHtml> {
  const { interactions } = archive;
  const viewer = req.viewer;
  const accountId = accountOf(viewer);
  const back = workPagePath(work, mode);
  const creator = isCreator(viewer, work);
  const done = queryString(req.query, 'done');
  const chapter = mode.kind === 'chapter' ? mode.position : undefined;
  const comments = await interactions.comments.view(viewer, work, chapter);
  // The stats as they are now: this very visit may have counted a hit.
  const stats = (await archive.works.get(work.id))?.stats ?? work.stats;
  const actions = readerActions(reply, {
    work: { ...work, stats },
    back,
    notice: done ? READER_NOTICES[done] : undefined,
    member: accountId !== undefined,
    creator,
    kudos: await interactions.kudos.list(work.id),
    kudosGiven: !creator && (await interactions.kudos.hasGiven(actorOf(req), work.id)),
    subscriptionId: await interactions.subscriptions.find(viewer, 'work', work.id),
    markedForLater: accountId !== undefined && (await interactions.later.has(accountId, work.id)),
  });
  const bookmark = accountId !== undefined ? bookmarkForm(reply, work.id, await interactions.bookmarks.mine(accountId, work.id), back) : '';
  const section = commentsSection({
    ctx: { reply, work, accountId, view: comments, back },
    view: comments,
    guest: accountId === undefined,
    chapter,
    commentChapter: chapter ?? (work.chapters.length === 1 ? 1 : null),
  });
  const moderation = viewer.kind === 'member' && viewer.admin ? moderationBar(reply, work, back) : '';
  return html`<div class="reader-section">
${moderation}
${actions}
${bookmark}
${section}
</div>`;
}
