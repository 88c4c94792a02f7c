import type { FastifyReply } from 'fastify';
import { PASSWORD_MAX, PASSWORD_MIN, type Account, type PenName } from '../../accounts/account.types.ts';
import type { SessionSummary } from '../../accounts/sessions.ts';
import { html, type SafeHtml } from '../html.ts';
import { creatorHref } from './format.ts';
import { errorSummary, field, fieldId, notice, postForm, submit, type FormErrors } from './account-fields.ts';

/** Which form on the account page failed, its errors and what to fill back in. */
export interface FormState {
  form: string;
  errors: FormErrors;
  values: Record<string, string>;
}

export interface AccountView {
  account: Account;
  penNames: PenName[];
  sessions: SessionSummary[];
  message?: string;
  failed?: FormState;
}

const ROLE_NAMES = { member: 'Member', wrangler: 'Tag wrangler', admin: 'Administrator' } as const;

function stateFor(view: AccountView, form: string): { errors: FormErrors; values: Record<string, string> } {
  return view.failed?.form === form ? view.failed : { errors: {}, values: {} };
}

function penNamesSection(reply: FastifyReply, view: AccountView): SafeHtml {
  const add = stateFor(view, 'pseud-new');
  return html`<section class="account-section" aria-labelledby="pen-names-heading">
<h2 id="pen-names-heading">Pen names</h2>
<p>Your works are credited to a pen name. Renaming one keeps its works.</p>
<ul class="pen-names">
${view.penNames.map((p) => {
  const form = `pseud-${p.id}`;
  const s = stateFor(view, form);
  return html`<li class="pen-name">
<p><a href="${creatorHref(p.name)}">${p.name}</a>${p.isDefault ? html` <span class="badge">default</span>` : ''} · ${p.works === 1 ? '1 work' : `${p.works} works`}</p>
${errorSummary(form, s.errors, { name: `New name for ${p.name}` })}
${postForm(reply, { action: `/account/pseuds/${p.id}/rename`, form, label: `Rename ${p.name}`, cls: 'inline-form' }, html`${field({ form, name: 'name', label: `New name for ${p.name}`, value: s.values.name ?? p.name, maxlength: 40 }, s.errors)}
${submit('Rename', false)}`)}
${p.isDefault ? '' : postForm(reply, { action: `/account/pseuds/${p.id}/default`, form: `${form}-default`, label: `Make ${p.name} the default`, cls: 'inline-form' }, html`<button type="submit" class="button">Make default</button>`)}
</li>
`;
})}</ul>
${errorSummary('pseud-new', add.errors, { name: 'New pen name' })}
${postForm(reply, { action: '/account/pseuds', form: 'pseud-new', label: 'Add a pen name' }, html`${field({ form: 'pseud-new', name: 'name', label: 'New pen name', value: add.values.name, maxlength: 40, hint: 'Letters, digits, spaces, underscores or hyphens; up to 40.' }, add.errors)}
${submit('Add pen name', false)}`)}
</section>`;
}

function emailSection(reply: FastifyReply, view: AccountView): SafeHtml {
  const s = stateFor(view, 'email');
  const labels = { email: 'New e-mail address', current_password: 'Current password' };
  return html`<section class="account-section" aria-labelledby="email-heading">
<h2 id="email-heading">E-mail address</h2>
<p>Now: <strong>${view.account.email}</strong>. We write to the old address when it changes.</p>
${errorSummary('email', s.errors, labels)}
${postForm(reply, { action: '/account/email', form: 'email', label: 'Change e-mail address' }, html`${field({ form: 'email', name: 'email', label: labels.email, type: 'email', value: s.values.email, autocomplete: 'email', maxlength: 254 }, s.errors)}
${field({ form: 'email', name: 'current_password', label: labels.current_password, type: 'password', autocomplete: 'current-password', maxlength: PASSWORD_MAX }, s.errors)}
${submit('Change e-mail address', false)}`)}
</section>`;
}

function passwordSection(reply: FastifyReply, view: AccountView): SafeHtml {
  const s = stateFor(view, 'password');
  const labels = { current_password: 'Current password', password: 'New password', password_confirm: 'Confirm new password' };
  return html`<section class="account-section" aria-labelledby="password-heading">
<h2 id="password-heading">Password</h2>
<p>Changing it logs out every other browser.</p>
${errorSummary('password', s.errors, labels)}
${postForm(reply, { action: '/account/password', form: 'password', label: 'Change password' }, html`${field({ form: 'password', name: 'current_password', label: labels.current_password, type: 'password', autocomplete: 'current-password', maxlength: PASSWORD_MAX }, s.errors)}
${field({ form: 'password', name: 'password', label: labels.password, type: 'password', autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN} characters.`, minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX }, s.errors)}
${field({ form: 'password', name: 'password_confirm', label: labels.password_confirm, type: 'password', autocomplete: 'new-password', maxlength: PASSWORD_MAX }, s.errors)}
${submit('Change password', false)}`)}
</section>`;
}

function sessionsSection(view: AccountView): SafeHtml {
  return html`<section class="account-section" aria-labelledby="sessions-heading">
<h2 id="sessions-heading">Where you are logged in</h2>
<ul class="sessions">
${view.sessions.map((s) => html`<li>${s.userAgent}${s.current ? ' (this browser)' : ''}, last seen <time datetime="${s.lastSeenAt}">${s.lastSeenAt.slice(0, 10)}</time></li>\n`)}</ul>
</section>`;
}

function deleteSection(reply: FastifyReply, view: AccountView): SafeHtml {
  const s = stateFor(view, 'delete');
  const choice = s.values.works === 'delete' ? 'delete' : 'orphan';
  const worksError = s.errors.works;
  return html`<section class="account-section danger-zone" aria-labelledby="delete-heading">
<h2 id="delete-heading">Delete your account</h2>
<p>This cannot be undone. Choose what happens to your works first.</p>
${errorSummary('delete', s.errors, { password: 'Password', works: 'Your works:' })}
${postForm(reply, { action: '/account/delete', form: 'delete', label: 'Delete account' }, html`<fieldset class="field${worksError ? ' field-invalid' : ''}" id="${fieldId('delete', 'works')}"${worksError ? html` aria-describedby="delete-works-error"` : ''}>
<legend>Your works</legend>
${worksError ? html`<p class="field-error" id="delete-works-error"><span class="visually-hidden">Error: </span>${worksError}</p>` : ''}
<div class="choice"><input type="radio" id="delete-works-orphan" name="works" value="orphan"${choice === 'orphan' ? html` checked` : ''}> <label for="delete-works-orphan">Orphan them: they stay on the archive, credited to “orphan_account”, with no link to you.</label></div>
<div class="choice"><input type="radio" id="delete-works-delete" name="works" value="delete"${choice === 'delete' ? html` checked` : ''}> <label for="delete-works-delete">Delete them.</label></div>
<p class="field-hint">Works you share with other creators stay with them either way; drafts are deleted.</p>
</fieldset>
${field({ form: 'delete', name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', maxlength: PASSWORD_MAX }, s.errors)}
<p class="form-actions"><button type="submit" class="button button-danger">Delete my account</button></p>`)}
</section>`;
}

/** `/account`: overview, pen names, e-mail, password, browsers, and deleting the account. */
export function accountPage(reply: FastifyReply, view: AccountView): SafeHtml {
  const a = view.account;
  return html`<div class="account-page account-settings">
<h1>Your account</h1>
${notice(view.message)}
<section class="account-section" aria-labelledby="overview-heading">
<h2 id="overview-heading">Overview</h2>
<dl class="account-overview">
<div><dt>Username</dt><dd>${a.username}</dd></div>
<div><dt>Role</dt><dd>${ROLE_NAMES[a.role]}</dd></div>
<div><dt>Member since</dt><dd><time datetime="${a.createdAt}">${a.createdAt.slice(0, 10)}</time></dd></div>
</dl>
<p class="account-works-links"><a href="/works/new">Post a new work</a> · <a href="/works/upload">Upload a work</a> · <a href="/account/drafts">Your drafts</a> · <a href="/account/co-creations">Co-creator invitations</a> · <a href="/filters">Filters: what you never want to see</a> · <a href="/account/tokens">Apps and tokens (e-readers, API)</a></p>
</section>
${penNamesSection(reply, view)}
${emailSection(reply, view)}
${passwordSection(reply, view)}
${sessionsSection(view)}
${deleteSection(reply, view)}
</div>`;
}
