import type { FastifyReply } from 'fastify';
import type { Invitation } from '../../accounts/invitations.ts';
import type { Config } from '../../config/config.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, field, postForm, submit, type FormErrors } from './account-fields.ts';

const MODES: Record<Config['signup'], string> = {
  open: 'open: anyone may sign up (invitation codes are not needed)',
  invite: 'by invitation: a code is needed to sign up',
  closed: 'closed: nobody may sign up',
};

/** `/admin/invitations`: make codes (shown once, here) and see which were used. */
export function invitationsPage(reply: FastifyReply, opts: { mode: Config['signup']; invitations: Invitation[]; fresh: string[]; count: string; errors: FormErrors }): SafeHtml {
  return html`<div class="account-page admin-page">
<h1>Invitations</h1>
<p>Sign-up on this archive is ${MODES[opts.mode]} (<code>QUIRE_SIGNUP</code>).</p>
${opts.fresh.length > 0 ? html`<div class="notice fresh-codes" role="status">
<h2>New invitation codes</h2>
<p>Copy them now: they are not shown again.</p>
<ul class="codes">${opts.fresh.map((c) => html`<li><code>${c}</code></li>`)}</ul>
</div>` : ''}
${errorSummary('invite', opts.errors, { count: 'How many codes' })}
${postForm(reply, { action: '/admin/invitations', form: 'invite', label: 'Make invitation codes' }, html`${field({ form: 'invite', name: 'count', label: 'How many codes', type: 'number', value: opts.count, min: 1, max: 50 }, opts.errors)}
${submit('Make codes')}`)}
<h2>All invitations</h2>
${opts.invitations.length === 0 ? html`<p>None yet.</p>` : html`<table class="invitations">
<caption class="visually-hidden">Invitation codes, newest first</caption>
<thead><tr><th scope="col">Code begins</th><th scope="col">Made</th><th scope="col">By</th><th scope="col">Used by</th></tr></thead>
<tbody>
${opts.invitations.map((i) => html`<tr><td><code>${i.hint}…</code></td><td><time datetime="${i.createdAt}">${i.createdAt.slice(0, 10)}</time></td><td>${i.createdBy ?? (i.createdVia === 'cli' ? 'command line' : 'a deleted account')}</td><td>${i.usedAt ? html`${i.usedBy ?? 'a deleted account'} (<time datetime="${i.usedAt}">${i.usedAt.slice(0, 10)}</time>)` : 'unused'}</td></tr>\n`)}</tbody>
</table>`}
</div>`;
}
