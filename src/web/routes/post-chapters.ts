import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import type { ChapterPreview } from '../../works/posting-chapters.ts';
import type { WorkWithChapters } from '../../works/work.types.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import type { FormErrors } from '../views/account-fields.ts';
import type { ChapterMode } from '../views/chapter-nav.ts';
import { chapterHref, workHref } from '../views/format.ts';
import { chapterForm, chapterFormPage, deleteChapterPage, manageChaptersPage, type ChapterFormView } from '../views/post-chapter-pages.ts';
import { previewPage } from '../views/post-pages.ts';
import { one, type FormValues } from '../views/work-form-controls.ts';
import { noStore } from './auth-forms.ts';
import { creatorAccount, doneNotice, FORM_BODY_LIMIT } from './post-common.ts';
import { CHAPTER_FIELDS, chapterValues, formValues, parseChapter, postingErrors } from './post-form.ts';

const NOTICES: Record<string, string> = {
  reordered: 'The chapters were reordered.',
  deleted: 'The chapter was deleted.',
};

type Params = { Params: { id: string; n?: string } };

/** The new order from the reorder form's `position_<chapterId>` boxes, or the errors beside them. */
function parseOrder(body: unknown, work: WorkWithChapters): { order: number[] } | { errors: FormErrors; values: FormValues } {
  const src = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const values: FormValues = {};
  const errors: FormErrors = {};
  const seen = new Map<number, number>();
  const placed: { id: number; position: number }[] = [];
  for (const c of work.chapters) {
    const name = `position_${c.id}`;
    const raw = src[name];
    const value = typeof raw === 'string' ? raw.trim() : '';
    values[name] = value;
    if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > work.chapters.length) {
      errors[name] = `must be a whole number from 1 to ${work.chapters.length}`;
      continue;
    }
    const position = Number(value);
    if (seen.has(position)) errors[name] = `is ${position}, the same as another chapter’s: give each chapter its own position`;
    seen.set(position, c.id);
    placed.push({ id: c.id, position });
  }
  if (Object.keys(errors).length > 0) return { errors, values };
  return { order: placed.sort((a, b) => a.position - b.position).map((p) => p.id) };
}

/**
 * A work's chapters for its creators: the chapter list with the reorder form
 * (`/works/:id/chapters/manage`), add (`…/chapters/new`), edit and delete (`…/chapters/:chapterId/edit|delete`;
 * chapters are named by id there, so a reorder in between cannot make a form change the wrong one).
 * Everyone else gets 404.
 */
export function registerPostChapterRoutes(app: FastifyInstance, archive: Archive): void {
  const chapters = archive.posting.chapters;
  const config = archive.config;

  async function ownWork(req: FastifyRequest<Params>): Promise<{ accountId: number; work: WorkWithChapters }> {
    const id = parseId(req.params.id, 'work');
    const accountId = creatorAccount(req, id);
    return { accountId, work: (await archive.posting.own(accountId, id)).work };
  }

  function showForm(reply: FastifyReply, view: ChapterFormView, status = 200): FastifyReply {
    noStore(reply);
    const title = view.chapter ? `Edit chapter ${view.chapter.position}` : 'Add a chapter';
    return sendPage(reply, config, { title: [title, view.work.title], body: chapterFormPage(view, chapterForm(reply, view)) }, status);
  }

  function showPreview(reply: FastifyReply, preview: ChapterPreview, view: ChapterFormView): FastifyReply {
    noStore(reply);
    const mode: ChapterMode = preview.work.chapters.length > 1 ? { kind: 'chapter', position: preview.position } : { kind: 'full' };
    return sendPage(reply, config, { title: ['Preview', preview.work.title], bodyClass: 'page-work', body: previewPage(preview.work, mode, chapterForm(reply, view)) });
  }

  function showManage(req: FastifyRequest, reply: FastifyReply, work: WorkWithChapters, state: { errors: FormErrors; values: FormValues }, status = 200): FastifyReply {
    noStore(reply);
    return sendPage(reply, config, { title: ['Chapters', work.title], body: manageChaptersPage(reply, work, { ...state, message: doneNotice(req, NOTICES) }) }, status);
  }

  app.get<Params>('/works/:id/chapters/manage', async (req, reply) => {
    const { work } = await ownWork(req);
    return showManage(req, reply, work, { errors: {}, values: {} });
  });

  app.post<Params>('/works/:id/chapters/order', { preHandler: app.csrfProtection }, async (req, reply) => {
    const { accountId, work } = await ownWork(req);
    const parsed = parseOrder(req.body, work);
    if ('errors' in parsed) return showManage(req, reply, work, parsed, 422);
    try {
      await chapters.reorder(accountId, work.id, parsed.order);
    } catch (err) {
      const errors = postingErrors(err);
      if (!errors) throw err;
      return showManage(req, reply, work, { errors, values: {} }, 422);
    }
    return reply.redirect(`${workHref(work.id)}/chapters/manage?done=reordered`, 303);
  });

  app.get<Params>('/works/:id/chapters/new', async (req, reply) => {
    const { work } = await ownWork(req);
    return showForm(reply, { work, values: { text_format: 'html' }, errors: {} });
  });

  app.post<Params>('/works/:id/chapters/new', { preHandler: app.csrfProtection, bodyLimit: FORM_BODY_LIMIT }, async (req, reply) => {
    const { accountId, work } = await ownWork(req);
    const values = formValues(req.body, CHAPTER_FIELDS);
    const view: ChapterFormView = { work, values, errors: {} };
    const parsed = parseChapter(values);
    if (!parsed.ok) return showForm(reply, { ...view, errors: parsed.errors }, 422);
    try {
      if (one(values, 'action') !== 'save') return showPreview(reply, await chapters.previewAdd(accountId, work.id, parsed.value), view);
      const position = await chapters.add(accountId, work.id, parsed.value);
      return reply.redirect(chapterHref(work.id, position), 303);
    } catch (err) {
      const errors = postingErrors(err, true);
      if (!errors) throw err;
      return showForm(reply, { ...view, errors }, 422);
    }
  });

  app.get<Params>('/works/:id/chapters/:n/edit', async (req, reply) => {
    const { accountId, work } = await ownWork(req);
    const { chapter } = await chapters.own(accountId, work.id, parseId(req.params.n, 'chapter'));
    return showForm(reply, { work, chapter, values: chapterValues(chapter), errors: {} });
  });

  app.post<Params>('/works/:id/chapters/:n/edit', { preHandler: app.csrfProtection, bodyLimit: FORM_BODY_LIMIT }, async (req, reply) => {
    const { accountId, work } = await ownWork(req);
    const { chapter } = await chapters.own(accountId, work.id, parseId(req.params.n, 'chapter'));
    const values = formValues(req.body, CHAPTER_FIELDS);
    const view: ChapterFormView = { work, chapter, values, errors: {} };
    const parsed = parseChapter(values);
    if (!parsed.ok) return showForm(reply, { ...view, errors: parsed.errors }, 422);
    try {
      if (one(values, 'action') !== 'save') return showPreview(reply, await chapters.previewUpdate(accountId, work.id, chapter.id, parsed.value), view);
      const position = await chapters.update(accountId, work.id, chapter.id, parsed.value);
      return reply.redirect(chapterHref(work.id, position), 303);
    } catch (err) {
      const errors = postingErrors(err, true);
      if (!errors) throw err;
      return showForm(reply, { ...view, errors }, 422);
    }
  });

  app.get<Params>('/works/:id/chapters/:n/delete', async (req, reply) => {
    const { accountId, work } = await ownWork(req);
    const { chapter } = await chapters.own(accountId, work.id, parseId(req.params.n, 'chapter'));
    noStore(reply);
    return sendPage(reply, config, { title: [`Delete chapter ${chapter.position}`, work.title], body: deleteChapterPage(reply, work, chapter) });
  });

  app.post<Params>('/works/:id/chapters/:n/delete', { preHandler: app.csrfProtection }, async (req, reply) => {
    const { accountId, work } = await ownWork(req);
    await chapters.delete(accountId, work.id, parseId(req.params.n, 'chapter'));
    return reply.redirect(`${workHref(work.id)}/chapters/manage?done=deleted`, 303);
  });
}
