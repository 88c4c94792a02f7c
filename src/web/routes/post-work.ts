import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import type { OwnWork } from '../../works/posting.types.ts';
import { parseId, queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import type { FormErrors } from '../views/account-fields.ts';
import { deleteWorkPage, editWorkPage, newWorkPage, previewPage } from '../views/post-pages.ts';
import { workHref } from '../views/format.ts';
import { workForm, type WorkFormView } from '../views/work-form.ts';
import { one, type FormValues } from '../views/work-form-controls.ts';
import { noStore } from './auth-forms.ts';
import { creatorAccount, doneNotice, FORM_BODY_LIMIT, loginRedirect, memberAccount, tagSuggestions } from './post-common.ts';
import { formValues, parseNewWork, parseWorkEdit, postingErrors, WORK_FIELDS, workValues } from './post-form.ts';
import { formChapters, SUGGEST_ACTIONS, suggestStep } from './post-suggest.ts';

const NOTICES: Record<string, string> = {
  uploaded: 'Your file was read into this draft. Check every field (fandoms, rating and warnings especially), then post it or save the draft.',
};

/**
 * Posting a work (`/works/new`), editing one (`/works/:id/edit`), posting a draft
 * (`POST /works/:id/post`) and deleting a work (`/works/:id/delete`). Members only; a work's
 * pages answer 404 to everyone but its creators. Each form posts with its CSRF token; a failed
 * check shows the form again (422) with every error beside its field and the values filled back in.
 */
export function registerPostWorkRoutes(app: FastifyInstance, archive: Archive): void {
  const posting = archive.posting;
  const config = archive.config;

  async function newView(accountId: number, values: FormValues, errors: FormErrors): Promise<WorkFormView> {
    const { pseuds, series } = await posting.choices(accountId);
    return { mode: 'new', action: '/works/new', values, errors, pseuds, series, suggestions: await tagSuggestions(archive) };
  }

  async function editView(req: FastifyRequest, accountId: number, own: OwnWork, values: FormValues, errors: FormErrors): Promise<WorkFormView> {
    const { pseuds, series } = await posting.choices(accountId);
    const current = own.work.series[0];
    const allSeries = current && !series.some((s) => s.id === current.id) ? [...series, { id: current.id, title: current.title, works: 0 }] : series;
    const mine = req.viewer.pseudIds ?? [];
    return {
      mode: 'edit',
      action: `${workHref(own.work.id)}/edit`,
      values,
      errors,
      pseuds,
      series: allSeries,
      otherCreators: own.work.creators.filter((c) => !mine.includes(c.id) && !pseuds.some((p) => p.id === c.id)),
      pendingCoCreators: own.pendingCoCreators,
      suggestions: await tagSuggestions(archive),
      status: own.work.status,
    };
  }

  function showNew(reply: FastifyReply, view: WorkFormView, status = 200): FastifyReply {
    noStore(reply);
    return sendPage(reply, config, { title: ['Post a new work'], body: newWorkPage(workForm(reply, view)) }, status);
  }

  function showEdit(req: FastifyRequest, reply: FastifyReply, own: OwnWork, view: WorkFormView, status = 200): FastifyReply {
    noStore(reply);
    return sendPage(reply, config, { title: [`Edit ${own.work.title}`], body: editWorkPage(own.work, workForm(reply, view), doneNotice(req, NOTICES)) }, status);
  }

  app.get('/works/new', async (req, reply) => {
    const accountId = memberAccount(req);
    if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
    const account = await archive.accounts.get(accountId);
    const values: FormValues = { pseuds: account?.defaultPseudId ? [String(account.defaultPseudId)] : [], language: 'en', progress: 'complete', text_format: 'html', warnings: [], categories: [] };
    return showNew(reply, await newView(accountId, values, {}));
  });

  app.post('/works/new', { preHandler: app.csrfProtection, bodyLimit: FORM_BODY_LIMIT }, async (req, reply) => {
    const accountId = memberAccount(req);
    if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
    const values = formValues(req.body, WORK_FIELDS);
    const action = one(values, 'action');
    if (SUGGEST_ACTIONS.includes(action)) {
      // Suggestions from the chapter in the form: shown with the form again, nothing saved.
      const step = await suggestStep(archive, action, req.body, values, formChapters(values), 'form');
      return showNew(reply, { ...(await newView(accountId, step.values, {})), suggestPanel: step.panel });
    }
    const parsed = parseNewWork(values);
    if (!parsed.ok) return showNew(reply, await newView(accountId, values, parsed.errors), 422);
    const { fields, chapter } = parsed.value;
    try {
      if (action === 'post' || action === 'draft') {
        const work = await posting.create(accountId, fields, [chapter], action);
        return reply.redirect(workHref(work.id), 303);
      }
      const preview = await posting.preview(accountId, fields, [chapter]);
      noStore(reply);
      const form = workForm(reply, await newView(accountId, values, {}));
      return sendPage(reply, config, { title: ['Preview', preview.title], bodyClass: 'page-work', body: previewPage(preview, { kind: 'full' }, form) });
    } catch (err) {
      const errors = postingErrors(err);
      if (!errors) throw err;
      return showNew(reply, await newView(accountId, values, errors), 422);
    }
  });

  app.get<{ Params: { id: string } }>('/works/:id/edit', async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const accountId = creatorAccount(req, id);
    const own = await posting.own(accountId, id);
    const values = workValues(own.work, req.viewer.pseudIds ?? [], own.chosenPublishedOn);
    const view = await editView(req, accountId, own, values, {});
    if (queryString(req.query, 'suggest') === '1') {
      // After an upload (and for any edit asked so): suggestions from the saved chapters.
      const step = await suggestStep(archive, 'suggest', {}, values, own.work.chapters, 'saved');
      return showEdit(req, reply, own, { ...view, suggestPanel: step.panel });
    }
    return showEdit(req, reply, own, view);
  });

  app.post<{ Params: { id: string } }>('/works/:id/edit', { preHandler: app.csrfProtection, bodyLimit: FORM_BODY_LIMIT }, async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const accountId = creatorAccount(req, id);
    const own = await posting.own(accountId, id);
    const values = formValues(req.body, WORK_FIELDS);
    const action = one(values, 'action');
    if (SUGGEST_ACTIONS.includes(action)) {
      // Suggestions from the work's saved chapters, applied (if ticked) to the form's values only.
      const step = await suggestStep(archive, action, req.body, values, own.work.chapters, 'saved');
      return showEdit(req, reply, own, { ...(await editView(req, accountId, own, step.values, {})), suggestPanel: step.panel });
    }
    const parsed = parseWorkEdit(values);
    if (!parsed.ok) return showEdit(req, reply, own, await editView(req, accountId, own, values, parsed.errors), 422);
    try {
      if (action === 'save' || action === 'post') {
        const work = await posting.update(accountId, id, parsed.value, action);
        const stillMine = work.creators.some((c) => (req.viewer.pseudIds ?? []).includes(c.id));
        return reply.redirect(stillMine || work.status === 'posted' ? workHref(id) : '/account/drafts', 303);
      }
      const preview = await posting.previewUpdate(accountId, id, parsed.value);
      noStore(reply);
      const form = workForm(reply, await editView(req, accountId, own, values, {}));
      const mode = preview.chapters.length > 1 ? ({ kind: 'chapter', position: 1 } as const) : ({ kind: 'full' } as const);
      return sendPage(reply, config, { title: ['Preview', preview.title], bodyClass: 'page-work', body: previewPage(preview, mode, form) });
    } catch (err) {
      const errors = postingErrors(err);
      if (!errors) throw err;
      return showEdit(req, reply, own, await editView(req, accountId, own, values, errors), 422);
    }
  });

  app.post<{ Params: { id: string } }>('/works/:id/post', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const accountId = creatorAccount(req, id);
    try {
      await posting.post(accountId, id);
    } catch (err) {
      const errors = postingErrors(err);
      if (!errors) throw err;
      const own = await posting.own(accountId, id);
      const values = workValues(own.work, req.viewer.pseudIds ?? [], own.chosenPublishedOn);
      return showEdit(req, reply, own, await editView(req, accountId, own, values, errors), 422);
    }
    return reply.redirect(workHref(id), 303);
  });

  app.get<{ Params: { id: string } }>('/works/:id/delete', async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    const own = await posting.own(creatorAccount(req, id), id);
    noStore(reply);
    return sendPage(reply, config, { title: [`Delete ${own.work.title}`], body: deleteWorkPage(reply, own.work) });
  });

  app.post<{ Params: { id: string } }>('/works/:id/delete', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = parseId(req.params.id, 'work');
    await posting.deleteWork(creatorAccount(req, id), id);
    return reply.redirect('/account/drafts?done=deleted', 303);
  });
}
