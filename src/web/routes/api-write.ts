import type { Bookmark } from '../../interactions/bookmarks/bookmark.types.ts';
import type { Comment } from '../../interactions/comments/comment.types.ts';
import { commentPath } from '../../interactions/paths.ts';
import { BookmarkBody, ChapterChangesBody, ChapterInputBody, CommentBody, NewWorkBody, SubscriptionBody, WorkChangesBody } from '../../api/requests.ts';
import type { ChapterInputJson, NewWorkInput, WorkChangesInput } from '../../api/requests.ts';
import * as S from '../../api/schemas.ts';
import { chapterJson, workJson, workSummaryJson, type ApiContext } from '../../api/serialize.ts';
import { subscriptionPage } from '../../api/owner-lists.ts';
import { apiIssues, changedWorkFields, chapterInput, newWorkFields } from '../../api/work-input.ts';
import { notFound } from '../../errors.ts';
import { fieldsOf } from '../../works/posting.service.ts';
import { accountPseuds } from '../../works/posting.repository.ts';
import type { Work } from '../../works/work.types.ts';
import { parseId } from '../params.ts';
import { ownerId, type ApiCall, type ApiEnv, type ApiOperation } from './api-context.ts';

/** Runs a posting call, naming the fields of a validation failure as the API does. */
async function posting<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw apiIssues(err);
  }
}

function bookmarkJson(c: ApiContext, b: Bookmark, work: Work) {
  return { id: b.id, work: workSummaryJson(c, work), notes_html: b.notes, tags: b.tags, rec: b.rec, private: b.private, created_at: b.createdAt, updated_at: b.updatedAt };
}

function commentJson(c: ApiContext, m: Comment, work: Work) {
  return {
    id: m.id, work_id: m.workId, work_title: work.title, chapter: m.chapterPosition, parent_id: m.parentId, html: m.html,
    status: m.status, created_at: m.createdAt, edited_at: m.editedAt, url: `${c.baseUrl}${commentPath(m.workId, m.chapterPosition, m.id)}`,
  };
}

/**
 * Writes, for tokens with the write scope: posting and editing works and chapters through the
 * posting service (the same checks and messages as the web forms), and the reader's actions
 * (kudos, bookmarks, comments, subscriptions, marked for later) through the interactions services.
 */
export function writeOperations(env: ApiEnv): ApiOperation[] {
  const { archive, c } = env;
  const db = archive.store.db;
  const { posting: post, interactions: it } = archive;
  const workId = (call: ApiCall) => parseId(call.params.id, 'work');
  const actor = (call: ApiCall) => ({ viewer: call.viewer, ip: call.req.ip });
  /** The chapter at `position` of a work of the owner's (by id: the posting service names chapters so). */
  const ownChapter = async (call: ApiCall) => {
    const id = workId(call);
    const position = parseId(call.params.position, 'chapter');
    const { work } = await post.own(ownerId(call), id);
    const chapter = work.chapters.find((ch) => ch.position === position);
    if (!chapter) throw notFound(`chapter ${position} of work`, id);
    return { id, chapter };
  };
  const readWork = async (call: ApiCall, id: number) => workJson(c, await archive.works.read(call.viewer, id));

  return [
    {
      method: 'POST', path: '/works', operationId: 'createWork', tag: 'works', access: 'write',
      summary: 'Post a work (or keep it as a draft)', errors: [409, 413, 415, 422],
      description: 'Checked exactly as the web’s post form: AO3’s limits, tags of the right kinds, your own pen names and series. Every problem is listed in `issues`.',
      body: NewWorkBody,
      success: { status: 201, description: 'The new work.', schema: S.Work },
      handler: async (call) => {
        const body = call.body as NewWorkInput;
        const account = call.credential!.account;
        const work = await posting(() => post.create(account.id, newWorkFields(body, account.defaultPseudId), body.chapters.map((ch) => chapterInput(ch)), body.status === 'draft' ? 'draft' : 'post'));
        call.reply.header('location', `${c.baseUrl}/api/v1/works/${work.id}`);
        return readWork(call, work.id);
      },
    },
    {
      method: 'PATCH', path: '/works/{id}', operationId: 'updateWork', tag: 'works', access: 'write',
      summary: 'Change a work’s metadata, or post a draft', errors: [404, 409, 415, 422],
      body: WorkChangesBody,
      success: { status: 200, description: 'The work as it is now.', schema: S.Work },
      handler: async (call) => {
        const id = workId(call);
        const accountId = ownerId(call);
        const body = call.body as WorkChangesInput;
        const own = await post.own(accountId, id);
        const fields = changedWorkFields(fieldsOf(own, await accountPseuds(db, accountId)), body);
        await posting(() => post.update(accountId, id, fields, body.status === 'posted' ? 'post' : 'save'));
        return readWork(call, id);
      },
    },
    {
      method: 'DELETE', path: '/works/{id}', operationId: 'deleteWork', tag: 'works', access: 'write',
      summary: 'Delete a work of yours', errors: [404],
      success: { status: 204, description: 'Deleted.' },
      handler: async (call) => {
        await post.deleteWork(ownerId(call), workId(call));
        return undefined;
      },
    },
    {
      method: 'POST', path: '/works/{id}/chapters', operationId: 'addChapter', tag: 'works', access: 'write',
      summary: 'Add a chapter at the end of a work of yours', errors: [404, 415, 422],
      body: ChapterInputBody,
      success: { status: 201, description: 'The new chapter.', schema: S.Chapter },
      handler: async (call) => {
        const id = workId(call);
        const position = await posting(() => post.chapters.add(ownerId(call), id, chapterInput(call.body as ChapterInputJson)));
        const work = await archive.works.read(call.viewer, id);
        return chapterJson(c, id, work.chapters.find((ch) => ch.position === position)!);
      },
    },
    {
      method: 'PATCH', path: '/works/{id}/chapters/{position}', operationId: 'updateChapter', tag: 'works', access: 'write',
      summary: 'Change a chapter’s title, summary, notes or text', errors: [404, 415, 422],
      body: ChapterChangesBody,
      success: { status: 200, description: 'The chapter as it is now.', schema: S.Chapter },
      handler: async (call) => {
        const { id, chapter } = await ownChapter(call);
        await posting(() => post.chapters.update(ownerId(call), id, chapter.id, chapterInput(call.body as Partial<ChapterInputJson>, chapter)));
        const work = await archive.works.read(call.viewer, id);
        return chapterJson(c, id, work.chapters.find((ch) => ch.position === chapter.position)!);
      },
    },
    {
      method: 'DELETE', path: '/works/{id}/chapters/{position}', operationId: 'deleteChapter', tag: 'works', access: 'write',
      summary: 'Delete a chapter (not a work’s only one); the ones after it move up', errors: [404, 409],
      success: { status: 204, description: 'Deleted.' },
      handler: async (call) => {
        const { id, chapter } = await ownChapter(call);
        await post.chapters.delete(ownerId(call), id, chapter.id);
        return undefined;
      },
    },
    {
      method: 'POST', path: '/works/{id}/kudos', operationId: 'giveKudos', tag: 'works', access: 'write',
      summary: 'Leave kudos (once; never on your own work)', errors: [403, 404],
      success: { status: 200, description: 'Given, or given before.', schema: S.KudosResult },
      handler: async (call) => {
        const id = workId(call);
        const result = await it.kudos.give(actor(call), id);
        return { result, kudos: (await archive.works.get(id))!.stats.kudos };
      },
    },
    {
      method: 'PUT', path: '/works/{id}/bookmark', operationId: 'saveBookmark', tag: 'me', access: 'write',
      summary: 'Bookmark a work, or change your bookmark of it', errors: [404, 415, 422],
      body: BookmarkBody,
      success: { status: 200, description: 'The bookmark.', schema: S.Bookmark },
      handler: async (call) => {
        const id = workId(call);
        const body = call.body as { notes?: string; tags?: string[]; rec?: boolean; private?: boolean };
        const saved = await it.bookmarks.save(call.viewer, id, { notes: body.notes ?? '', tags: (body.tags ?? []).join(', '), rec: body.rec ?? false, private: body.private ?? false });
        return bookmarkJson(c, saved, (await archive.works.get(id))!);
      },
    },
    {
      method: 'DELETE', path: '/me/bookmarks/{id}', operationId: 'deleteBookmark', tag: 'me', access: 'write',
      summary: 'Delete one of your bookmarks', errors: [404],
      success: { status: 204, description: 'Deleted.' },
      handler: async (call) => {
        await it.bookmarks.remove(call.viewer, parseId(call.params.id, 'bookmark'));
        return undefined;
      },
    },
    {
      method: 'POST', path: '/works/{id}/comments', operationId: 'postComment', tag: 'works', access: 'write',
      summary: 'Comment on a work or a chapter, or reply to a comment', errors: [403, 404, 415, 422],
      description: 'As on the web: the work’s comment settings, blocks and the new-account limit (3 comments per 15 minutes) apply; a moderated work holds the comment for approval.',
      body: CommentBody,
      success: { status: 201, description: 'The comment.', schema: S.Comment },
      handler: async (call) => {
        const id = workId(call);
        const body = call.body as { text: string; chapter?: number; parent_id?: number };
        const comment = await it.comments.post(actor(call), id, { text: body.text, ...(body.chapter !== undefined ? { chapterPosition: body.chapter } : {}), ...(body.parent_id !== undefined ? { parentId: body.parent_id } : {}) });
        return commentJson(c, comment, (await archive.works.get(id))!);
      },
    },
    {
      method: 'POST', path: '/me/subscriptions', operationId: 'subscribe', tag: 'me', access: 'write',
      summary: 'Subscribe to a work, a pen name or a series', errors: [404, 409, 415, 422],
      body: SubscriptionBody,
      success: { status: 201, description: 'The subscription (the same one when it existed).', schema: S.Subscription },
      handler: async (call) => {
        const body = call.body as { kind: 'work' | 'pseud' | 'series'; target_id: number };
        const id = await it.subscriptions.subscribe(call.viewer, body.kind, body.target_id);
        const all = (await it.subscriptions.list(call.viewer)).filter((s) => s.id === id);
        return subscriptionPage(c, all, undefined, 1).items[0];
      },
    },
    {
      method: 'DELETE', path: '/me/subscriptions/{id}', operationId: 'unsubscribe', tag: 'me', access: 'write',
      summary: 'End one of your subscriptions', errors: [404],
      success: { status: 204, description: 'Ended.' },
      handler: async (call) => {
        await it.subscriptions.unsubscribe(call.viewer, parseId(call.params.id, 'subscription'));
        return undefined;
      },
    },
    {
      method: 'PUT', path: '/me/later/{id}', operationId: 'markForLater', tag: 'me', access: 'write',
      summary: 'Mark a work for later (the id is the work’s)', errors: [404, 409],
      success: { status: 204, description: 'Marked.' },
      handler: async (call) => {
        await it.later.add(call.viewer, workId(call));
        return undefined;
      },
    },
    {
      method: 'DELETE', path: '/me/later/{id}', operationId: 'unmarkForLater', tag: 'me', access: 'write',
      summary: 'Take a work off your marked-for-later list',
      success: { status: 204, description: 'Taken off (or it was not there).' },
      handler: async (call) => {
        await it.later.remove(ownerId(call), workId(call));
        return undefined;
      },
    },
  ];
}
