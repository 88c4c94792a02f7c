import type { FastifyReply } from 'fastify';
import type { CoCreatorInvitation } from '../../works/posting.types.ts';
import type { Work, WorkWithChapters } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { notice } from './account-fields.ts';
import type { ChapterMode } from './chapter-nav.ts';
import { csrfField } from './forms.ts';
import { day, workHref } from './format.ts';
import { WORK_LABELS } from './work-form.ts';
import { workPage } from './work-page.ts';

/** Pages around the work form: preview, delete confirmation, the account's works and invitations. */

/** A one-button POST form (with its CSRF token). */
export function buttonForm(reply: FastifyReply, action: string, label: string, cls = 'button'): SafeHtml {
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(reply)}<button type="submit" class="${cls}">${label}</button></form>`;
}

/** The post form's page: heading, a link to upload a file instead, the form. */
export function newWorkPage(form: SafeHtml): SafeHtml {
  return html`<div class="posting-page">
<h1>Post a new work</h1>
<p>Fill in the form, or <a href="/works/upload">upload a file</a> (.txt, .md or .html) to fill it in for you.</p>
${form}
</div>`;
}

/** The edit form's page, with links to the work's chapters. */
export function editWorkPage(work: Pick<Work, 'id' | 'title' | 'status'>, form: SafeHtml, message?: string): SafeHtml {
  return html`<div class="posting-page">
<h1>Edit <a href="${workHref(work.id)}">${work.title}</a>${work.status === 'draft' ? html` <span class="badge">draft</span>` : ''}</h1>
${notice(message)}
<p class="posting-links"><a href="${workHref(work.id)}/chapters/manage">Chapters: add, edit, reorder, delete</a> · <a href="${workHref(work.id)}/delete">Delete the work</a></p>
${form}
</div>`;
}

/**
 * A preview: the work as its page will show it (nothing stored), under a banner, then the form
 * again, filled in, to change it or post it.
 */
export function previewPage(work: WorkWithChapters, mode: ChapterMode, form: SafeHtml): SafeHtml {
  return html`<div class="posting-page">
<div class="preview-banner" role="status"><p><strong>Preview.</strong> This is how it will look. Nothing is saved yet: use the buttons at the end of the page.</p></div>
<div class="preview">
${workPage({ work, mode, series: [], downloads: [] })}
</div>
<section class="posting-form" aria-labelledby="preview-form-heading">
<h2 id="preview-form-heading">Change or post</h2>
${form}
</section>
</div>`;
}

/** "Delete this work?" with the one button that does it. */
export function deleteWorkPage(reply: FastifyReply, work: Pick<Work, 'id' | 'title' | 'chapterCount' | 'words'>): SafeHtml {
  return html`<div class="posting-page">
<h1>Delete “${work.title}”?</h1>
<p>The work, its ${work.chapterCount === 1 ? 'chapter' : `${work.chapterCount} chapters`} and everything attached to it are deleted for good. This cannot be undone.</p>
<p class="form-actions">${buttonForm(reply, `${workHref(work.id)}/delete`, 'Yes, delete the work', 'button button-danger')} <a class="button" href="${workHref(work.id)}">No, keep it</a></p>
</div>`;
}

function draftItem(reply: FastifyReply, w: Work): SafeHtml {
  return html`<li class="own-work">
<p><a href="${workHref(w.id)}">${w.title}</a> <span class="badge">draft</span> · ${w.chapterCount === 1 ? '1 chapter' : `${w.chapterCount} chapters`} · saved ${day(w.updatedOn)}</p>
<p class="own-work-actions"><a class="button" href="${workHref(w.id)}/edit">Edit</a> ${buttonForm(reply, `${workHref(w.id)}/post`, 'Post', 'button button-primary')} <a class="button" href="${workHref(w.id)}/delete">Delete</a></p>
</li>`;
}

/** `/account/drafts`: the account's drafts, with Edit, Post and Delete. */
export function draftsPage(reply: FastifyReply, drafts: readonly Work[], message?: string): SafeHtml {
  return html`<div class="posting-page">
<h1>Your drafts</h1>
${notice(message)}
<p>Drafts are seen by their creators only. <a href="/works/new">Post a new work</a> · <a href="/works/upload">Upload a file</a> · <a href="/account/co-creations">Co-creator invitations</a></p>
${drafts.length === 0 ? html`<p class="empty">You have no drafts.</p>` : html`<ul class="own-works">${drafts.map((w) => draftItem(reply, w))}</ul>`}
</div>`;
}

/** `/account/co-creations`: invitations to co-create, each with Accept and Decline. */
export function coCreationsPage(reply: FastifyReply, invitations: readonly CoCreatorInvitation[], message?: string): SafeHtml {
  const item = (i: CoCreatorInvitation) => html`<li class="own-work">
<p>${i.invitedBy ?? 'A creator'} invites your pen name <strong>${i.pseudName}</strong> to co-create ${i.workStatus === 'posted' ? html`<a href="${workHref(i.workId)}">${i.workTitle}</a>` : html`“${i.workTitle}” (a draft)`}.</p>
<p class="own-work-actions">${buttonForm(reply, `/account/co-creations/${i.id}/accept`, 'Accept', 'button button-primary')} ${buttonForm(reply, `/account/co-creations/${i.id}/decline`, 'Decline')}</p>
</li>`;
  return html`<div class="posting-page">
<h1>Co-creator invitations</h1>
${notice(message)}
<p>When you accept, your pen name is credited on the work and you can edit it with its other creators.</p>
${invitations.length === 0 ? html`<p class="empty">No invitations are waiting for you.</p>` : html`<ul class="own-works">${invitations.map(item)}</ul>`}
</div>`;
}

export interface UploadView {
  pseuds: readonly { id: number; name: string }[];
  pseud: string;
  errors: Record<string, string>;
  extensions: readonly string[];
  maxBytes: number;
}

/**
 * `/works/upload`: a file and the pen name to credit. The file is read into a draft that opens
 * in the edit form; nothing is posted until its creator says so.
 */
export function uploadPage(reply: FastifyReply, view: UploadView): SafeHtml {
  const fileError = view.errors.file;
  const pseudError = view.errors.pseud;
  const other = Object.entries(view.errors).filter(([k]) => k !== 'file' && k !== 'pseud');
  const mb = Math.round(view.maxBytes / (1024 * 1024));
  return html`<div class="posting-page">
<h1>Upload a work</h1>
<p>Quire reads the file (${view.extensions.join(', ')}; up to ${mb} MB) the way <code>quire import</code> does: chapters, title, notes and any front matter. The result is saved as a <strong>draft</strong> and opens in the edit form, so you can check everything before posting. Or <a href="/works/new">fill in the form yourself</a>.</p>
${fileError || pseudError || other.length > 0 ? html`<div class="error-summary" role="alert"><h2 class="error-summary-title">There is a problem</h2><ul>
${fileError ? html`<li><a href="#upload-file">The file ${fileError}</a></li>` : ''}
${pseudError ? html`<li><a href="#upload-pseud">Pen name: ${pseudError}</a></li>` : ''}
${other.map(([k, m]) => html`<li>${k === '_form' ? m : `${WORK_LABELS[k] ?? k} ${m}`}</li>`)}
</ul></div>` : ''}
<form method="post" action="/works/upload" enctype="multipart/form-data" class="work-form" id="upload-form" novalidate>
${csrfField(reply)}
<div class="field${pseudError ? ' field-invalid' : ''}">
<label for="upload-pseud">Credit it to</label>
${pseudError ? html`<p class="field-error" id="upload-pseud-error"><span class="visually-hidden">Error: </span>${pseudError}</p>` : ''}
<select id="upload-pseud" name="pseud">
${view.pseuds.map((p) => html`<option value="${String(p.id)}"${String(p.id) === view.pseud ? html` selected` : ''}>${p.name}</option>\n`)}</select>
</div>
<div class="field${fileError ? ' field-invalid' : ''}">
<label for="upload-file">File</label>
<p class="field-hint" id="upload-file-hint">${view.extensions.join(', ')}; at most ${mb} MB.</p>
${fileError ? html`<p class="field-error" id="upload-file-error"><span class="visually-hidden">Error: </span>${fileError}</p>` : ''}
<input id="upload-file" name="file" type="file" accept="${view.extensions.join(',')}" required aria-describedby="upload-file-hint${fileError ? ' upload-file-error' : ''}"${fileError ? html` aria-invalid="true"` : ''}>
</div>
<p class="form-actions"><button type="submit" class="button button-primary">Upload and review</button></p>
</form>
</div>`;
}
