import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { parseId, parsePage, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import { bookmarksPage } from '../views/bookmarks.ts';
import { workHref } from '../views/format.ts';
import { bookmarkForm, READER_NOTICES } from '../views/work-reader.ts';
import { errorStatus, formFields, noStore, serviceErrors } from './auth-forms.ts';
import { backWith, checked, loginFirst } from './reader-forms.ts';

const bookmarkBody = z.object({ notes: z.string().max(100_000, 'are far too long'), tags: z.string().max(20_000, 'are far too long'), back: z.string().max(2000) });
const searchQuery = z.object({ q: z.string().trim().max(200, 'must be at most 200 characters') });

/** The listing's address with its search kept (without `page`). */
function listingBase(path: string, q: string, rec: boolean): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (rec) params.set('rec', '1');
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Bookmarks: save or edit one's bookmark of a work (`POST /works/:id/bookmark`), delete it
 * (`POST /bookmarks/:id/delete`), and an account's bookmarks page (`/users/:username/bookmarks`,
 * `?q=` searches notes, tags and titles, `?rec=1` shows recs only); `/bookmarks` is one's own.
 */
export function registerBookmarkRoutes(app: FastifyInstance, archive: Archive): void {
  const bookmarks = archive.interactions.bookmarks;

  app.post<{ Params: { id: string } }>('/works/:id/bookmark', { preHandler: app.csrfProtection }, async (req, reply) => {
    const workId = parseId(req.params.id, 'work');
    const f = formFields(req.body, ['notes', 'tags', 'back']);
    const parsed = bookmarkBody.safeParse(f);
    if (!parsed.success) throw new QuireError('bad_request', 'The bookmark form was not filled in as expected.');
    const input = { notes: f.notes, tags: f.tags, rec: checked(req.body, 'rec'), private: checked(req.body, 'private') };
    try {
      await bookmarks.save(req.viewer, workId, input);
      return reply.redirect(backWith(f.back, workHref(workId), 'bookmarked', 'bookmark'), 303);
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      const work = await archive.works.read(req.viewer, workId);
      const existing = req.viewer.accountId === undefined ? undefined : await bookmarks.mine(req.viewer.accountId, workId);
      noStore(reply);
      const values = { notes: f.notes, tags: f.tags, rec: input.rec ? '1' : '', private: input.private ? '1' : '' };
      return sendPage(reply, archive.config, {
        title: ['Bookmark', work.title],
        body: bookmarkForm(reply, workId, existing, backWith(f.back, workHref(workId)), { errors, values }),
      }, errorStatus(err));
    }
  });

  app.post<{ Params: { id: string } }>('/bookmarks/:id/delete', { preHandler: app.csrfProtection }, async (req, reply) => {
    const b = await bookmarks.remove(req.viewer, parseId(req.params.id, 'bookmark'));
    const { back } = formFields(req.body, ['back']);
    return reply.redirect(backWith(back, workHref(b.workId), 'bookmark-deleted'), 303);
  });

  app.get('/bookmarks', async (req, reply) => {
    const login = loginFirst(req, reply);
    if (login) return login;
    return reply.redirect(`/users/${encodeURIComponent(req.viewer.username ?? '')}/bookmarks`, 303);
  });

  app.get<{ Params: { username: string } }>('/users/:username/bookmarks', async (req, reply) => {
    const parsed = searchQuery.safeParse({ q: queryString(req.query, 'q') ?? '' });
    if (!parsed.success) throw new QuireError('bad_request', `q ${parsed.error.issues[0]!.message}`);
    const q = parsed.data.q;
    const rec = queryString(req.query, 'rec') === '1';
    const pageNo = parsePage(req.query);
    const { owner, page } = await bookmarks.list(req.viewer, req.params.username, { q, rec, page: pageNo, pageSize: archive.config.pageSize });
    if (owner.username !== req.params.username) return reply.redirect(listingBase(`/users/${encodeURIComponent(owner.username)}/bookmarks`, q, rec), 301);
    if (page.page > page.pages) throw new QuireError('not_found', `there is no page ${page.page} of these bookmarks`);
    const own = req.viewer.accountId === owner.id;
    const path = `/users/${encodeURIComponent(owner.username)}/bookmarks`;
    const done = queryString(req.query, 'done');
    return sendPage(reply, archive.config, {
      title: [own ? 'Your bookmarks' : `Bookmarks by ${owner.username}`],
      body: bookmarksPage(reply, { owner, own, page, q, rec, base: listingBase(path, q, rec), notice: done ? READER_NOTICES[done] : undefined }),
    });
  });
}
