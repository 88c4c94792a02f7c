import type { FastifyReply } from 'fastify';
import type { Chapter, WorkWithChapters } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, fieldId, notice, type FormErrors } from './account-fields.ts';
import { chapterLabel } from './chapter-nav.ts';
import { csrfField } from './forms.ts';
import { chapterHref, workHref } from './format.ts';
import { buttonForm } from './post-pages.ts';
import { chapterFields, WORK_LABELS } from './work-form.ts';
import { one, type FormValues } from './work-form-controls.ts';

/** The chapter pages of a work's creators: the chapter list with its order form, a chapter's form, deleting one. */

export const CHAPTER_FORM = 'chapter';
const ORDER_FORM = 'order';

/** `/works/:id/chapters/:chapterId/edit` and friends: chapters are named by id (stable while they move). */
export function chapterEditHref(workId: number, chapterId: number, what: 'edit' | 'delete'): string {
  return `${workHref(workId)}/chapters/${chapterId}/${what}`;
}

/**
 * `/works/:id/chapters/manage`: every chapter with Edit and Delete, a position box each to
 * reorder them (no dragging: type the new numbers and save), and Add a chapter.
 */
export function manageChaptersPage(reply: FastifyReply, work: WorkWithChapters, state: { errors: FormErrors; values: FormValues; message?: string }): SafeHtml {
  const only = work.chapters.length <= 1;
  const rows = work.chapters.map((c) => {
    const name = `position_${c.id}`;
    const id = fieldId(ORDER_FORM, name);
    const error = state.errors[name];
    return html`<tr${error ? html` class="field-invalid"` : ''}>
<td>${only ? '1' : html`<label class="visually-hidden" for="${id}">Position of ${chapterLabel(c)}</label><input class="position-input" id="${id}" name="${name}" type="number" min="1" max="${work.chapters.length}" value="${one(state.values, name) || String(c.position)}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}`}</td>
<td><a href="${chapterHref(work.id, c.position)}">${chapterLabel(c)}</a></td>
<td>${c.words.toLocaleString('en')}</td>
<td><a href="${chapterEditHref(work.id, c.id, 'edit')}">Edit<span class="visually-hidden"> ${chapterLabel(c)}</span></a>${only ? '' : html` · <a href="${chapterEditHref(work.id, c.id, 'delete')}">Delete<span class="visually-hidden"> ${chapterLabel(c)}</span></a>`}</td>
</tr>`;
  });
  return html`<div class="posting-page">
<h1>Chapters of <a href="${workHref(work.id)}">${work.title}</a></h1>
${notice(state.message)}
<p class="posting-links"><a class="button button-primary" href="${workHref(work.id)}/chapters/new">Add a chapter</a> <a class="button" href="${workHref(work.id)}/edit">Edit the work’s details</a></p>
${errorSummary(ORDER_FORM, state.errors, {})}
<form method="post" action="${workHref(work.id)}/chapters/order" id="${ORDER_FORM}-form" novalidate>
${csrfField(reply)}
<table class="chapter-table">
<caption>${only ? 'The work has one chapter.' : 'To reorder, give each chapter its new position and save.'}</caption>
<thead><tr><th scope="col">Position</th><th scope="col">Chapter</th><th scope="col">Words</th><th scope="col">Actions</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${only ? '' : html`<p class="form-actions"><button type="submit" class="button">Save the new order</button></p>`}
</form>
</div>`;
}

export interface ChapterFormView {
  work: Pick<WorkWithChapters, 'id' | 'title' | 'status' | 'chapters'>;
  /** The chapter being edited; undefined for a new one. */
  chapter?: Chapter;
  values: FormValues;
  errors: FormErrors;
}

/** The chapter form: title, summary, notes, format, text, end notes; Preview and Post / Save. */
export function chapterForm(reply: FastifyReply, view: ChapterFormView): SafeHtml {
  const action = view.chapter ? chapterEditHref(view.work.id, view.chapter.id, 'edit') : `${workHref(view.work.id)}/chapters/new`;
  const label = view.chapter ? 'Save the chapter' : view.work.status === 'draft' ? 'Add to the draft' : 'Post the chapter';
  return html`${errorSummary(CHAPTER_FORM, view.errors, WORK_LABELS)}
<form method="post" action="${action}" class="work-form" id="${CHAPTER_FORM}-form" novalidate>
${csrfField(reply)}
${chapterFields(CHAPTER_FORM, view.values, view.errors, { extras: true })}
<p class="form-actions"><button type="submit" name="action" value="preview" class="button">Preview</button> <button type="submit" name="action" value="save" class="button button-primary">${label}</button></p>
</form>`;
}

/** The page around the chapter form. */
export function chapterFormPage(view: ChapterFormView, form: SafeHtml): SafeHtml {
  const heading = view.chapter ? html`Edit ${chapterLabel(view.chapter)} of <a href="${workHref(view.work.id)}">${view.work.title}</a>` : html`Add chapter ${view.work.chapters.length + 1} to <a href="${workHref(view.work.id)}">${view.work.title}</a>`;
  return html`<div class="posting-page">
<h1>${heading}</h1>
<p class="posting-links"><a href="${workHref(view.work.id)}/chapters/manage">All chapters</a></p>
${form}
</div>`;
}

/** "Delete this chapter?" */
export function deleteChapterPage(reply: FastifyReply, work: Pick<WorkWithChapters, 'id' | 'title'>, chapter: Chapter): SafeHtml {
  return html`<div class="posting-page">
<h1>Delete ${chapterLabel(chapter)} of “${work.title}”?</h1>
<p>The chapter’s text and notes are deleted for good; the chapters after it move up one place.</p>
<p class="form-actions">${buttonForm(reply, chapterEditHref(work.id, chapter.id, 'delete'), 'Yes, delete the chapter', 'button button-danger')} <a class="button" href="${workHref(work.id)}/chapters/manage">No, keep it</a></p>
</div>`;
}
