import type { FastifyReply } from 'fastify';
import { PASSWORD_MAX } from '../../accounts/account.types.ts';
import { NAME_MAX, type CredentialSummary } from '../../api/tokens.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, field, fieldId, notice, postForm, submit, type FormErrors } from './account-fields.ts';

/** A secret just made: shown on this page once, never again. */
export interface NewSecret {
  kind: 'token' | 'app_password';
  name: string;
  secret: string;
}

export interface TokensView {
  baseUrl: string;
  username: string;
  tokens: CredentialSummary[];
  appPasswords: CredentialSummary[];
  created?: NewSecret;
  message?: string;
  failed?: { form: 'token' | 'app-password'; errors: FormErrors; values: Record<string, string> };
}

const EXPIRY_CHOICES: [string, string][] = [['30', '30 days'], ['90', '90 days'], ['365', 'A year'], ['never', 'Never']];

function when(iso: string | null, none: string): SafeHtml | string {
  return iso ? html`<time datetime="${iso}">${iso.slice(0, 10)}</time>` : none;
}

function credentialList(reply: FastifyReply, items: CredentialSummary[], revokePath: string, what: string): SafeHtml {
  if (items.length === 0) return html`<p class="empty">You have no ${what}s.</p>`;
  return html`<ul class="credentials">
${items.map((t) => html`<li class="credential">
<p><strong>${t.name}</strong> <span class="credential-hint">(ends in <code>${t.hint}</code>)</span>${t.kind === 'token' ? html` · <span class="credential-scopes">${t.scopes.join(' and ')}</span>` : ''}</p>
<p class="credential-dates">Made ${when(t.createdAt, '')}${t.kind === 'token' ? html` · expires ${when(t.expiresAt, 'never')}` : ''} · last used ${when(t.lastUsedAt, 'never')}</p>
${postForm(reply, { action: `${revokePath}/${t.id}/revoke`, form: `revoke-${t.kind}-${t.id}`, label: `Revoke ${what} ${t.name}`, cls: 'inline-form' }, html`<button type="submit" class="button button-danger">Revoke<span class="visually-hidden"> ${t.name}</span></button>`)}
</li>
`)}</ul>`;
}

function radios(form: string, name: string, legend: string, choices: [string, string][], chosen: string, errors: FormErrors): SafeHtml {
  const error = errors[name];
  return html`<fieldset class="field${error ? ' field-invalid' : ''}" id="${fieldId(form, name)}"${error ? html` aria-describedby="${form}-${name}-error"` : ''}>
<legend>${legend}</legend>
${error ? html`<p class="field-error" id="${form}-${name}-error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}
${choices.map(([value, label]) => html`<div class="choice"><input type="radio" id="${form}-${name}-${value}" name="${name}" value="${value}"${value === chosen ? html` checked` : ''}> <label for="${form}-${name}-${value}">${label}</label></div>\n`)}</fieldset>`;
}

function createdSecret(view: TokensView): SafeHtml | string {
  const made = view.created;
  if (!made) return '';
  const usage = made.kind === 'token'
    ? html`<p>Send it with every API request: <code>curl -H "Authorization: Bearer ${made.secret}" ${view.baseUrl}/api/v1/me</code></p>`
    : html`<p>In your reader’s OPDS catalog settings: address <code>${view.baseUrl}/opds</code>, user name <code>${view.username}</code>, and this password.</p>`;
  return html`<div class="new-secret" role="status">
<h2>Your new ${made.kind === 'token' ? 'token' : 'app password'}: ${made.name}</h2>
<p>Copy it now. <strong>It will not be shown again</strong>: Quire keeps only a fingerprint of it.</p>
<p class="secret"><code>${made.secret}</code></p>
${usage}
</div>`;
}

/** `/account/tokens`: personal access tokens (API) and app passwords (OPDS readers), each made and revoked here. */
export function tokensPage(reply: FastifyReply, view: TokensView): SafeHtml {
  const tokenState = view.failed?.form === 'token' ? view.failed : { errors: {}, values: {} as Record<string, string> };
  const appState = view.failed?.form === 'app-password' ? view.failed : { errors: {}, values: {} as Record<string, string> };
  const password = (form: string, errors: FormErrors) => field({ form, name: 'current_password', label: 'Your password', type: 'password', autocomplete: 'current-password', maxlength: PASSWORD_MAX, hint: 'A token outlives this session, so making one asks for your password.' }, errors);
  return html`<div class="account-page account-tokens">
<h1>Apps and tokens</h1>
<p><a href="/account">Back to your account</a></p>
${notice(view.message)}
${createdSecret(view)}
<section class="account-section" aria-labelledby="app-passwords-heading">
<h2 id="app-passwords-heading">App passwords for e-readers (OPDS)</h2>
<p>E-reader apps such as KOReader, Thorium or calibre browse this archive at <code>${view.baseUrl}/opds</code>. With your user name and an app password they also see works for members, and your bookmarks, works marked for later and subscriptions. An app password can only read. Make one per device, and revoke it if you lose the device.</p>
${credentialList(reply, view.appPasswords, '/account/app-passwords', 'app password')}
${errorSummary('app-password', appState.errors, { name: 'Name', current_password: 'Your password' })}
${postForm(reply, { action: '/account/app-passwords', form: 'app-password', label: 'Make an app password' }, html`${field({ form: 'app-password', name: 'name', label: 'Name', value: appState.values.name, maxlength: NAME_MAX, hint: 'Where you use it, e.g. “KOReader on my Kobo”.' }, appState.errors)}
${password('app-password', appState.errors)}
${submit('Make app password', false)}`)}
</section>
<section class="account-section" aria-labelledby="tokens-heading">
<h2 id="tokens-heading">Personal access tokens (API)</h2>
<p>Programs use a token to call the <a href="/api/v1/openapi.json">JSON API</a> as you. A <em>read</em> token reads what you may read, and your bookmarks, kudos, comments and subscriptions; a <em>read and write</em> token can also post and edit your works.</p>
${credentialList(reply, view.tokens, '/account/tokens', 'token')}
${errorSummary('token', tokenState.errors, { name: 'Name', scopes: 'Access', expires: 'Expires', current_password: 'Your password' })}
${postForm(reply, { action: '/account/tokens', form: 'token', label: 'Make a token' }, html`${field({ form: 'token', name: 'name', label: 'Name', value: tokenState.values.name, maxlength: NAME_MAX, hint: 'What uses it, e.g. “my backup script”.' }, tokenState.errors)}
${radios('token', 'scopes', 'Access', [['read', 'Read'], ['write', 'Read and write']], tokenState.values.scopes ?? 'read', tokenState.errors)}
${radios('token', 'expires', 'Expires after', EXPIRY_CHOICES, tokenState.values.expires ?? '90', tokenState.errors)}
${password('token', tokenState.errors)}
${submit('Make token', false)}`)}
</section>
</div>`;
}
