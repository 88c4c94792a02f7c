import type { FastifyReply } from 'fastify';
import type { RelatedAccount, RelationKind } from '../../interactions/relations.ts';
import { RELATION_LIMIT } from '../../interactions/relations.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, field, notice, postForm, submit, type FormErrors } from './account-fields.ts';
import { buttonForm } from './reader-fields.ts';
import { readerNav } from './reader-nav.ts';

const TEXT: Record<RelationKind, { title: string; intro: string; verb: string; undo: string; path: string }> = {
  block: {
    title: 'Blocked accounts',
    intro: 'Blocked accounts cannot comment on your works, reply to your comments, or leave kudos on your works.',
    verb: 'Block',
    undo: 'Unblock',
    path: '/account/blocked',
  },
  mute: {
    title: 'Muted accounts',
    intro: 'Works by muted accounts do not appear in your listings. They are not told.',
    verb: 'Mute',
    undo: 'Unmute',
    path: '/account/muted',
  },
};

export interface RelationsView {
  kind: RelationKind;
  username: string;
  list: RelatedAccount[];
  notice?: string;
  errors?: FormErrors;
  value?: string;
}

/** `/account/blocked`, `/account/muted`: the list (up to 2,000), a form to add by username, Unblock / Unmute. */
export function relationsPage(reply: FastifyReply, v: RelationsView): SafeHtml {
  const t = TEXT[v.kind];
  const form = `${v.kind}-add`;
  const errors = v.errors ?? {};
  return html`<div class="relations-page account-page">
${readerNav(v.kind === 'block' ? 'blocked' : 'muted', v.username)}
<h1>${t.title}</h1>
${notice(v.notice)}
<p>${t.intro} You can list up to ${RELATION_LIMIT.toLocaleString('en')}; you have ${v.list.length.toLocaleString('en')}.</p>
${errorSummary(form, errors, { username: 'Username' })}
${postForm(reply, { action: t.path, form, label: `${t.verb} an account` }, html`${field({ form, name: 'username', label: 'Username', value: v.value, maxlength: 40 }, errors)}
${submit(t.verb, false)}`)}
${v.list.length
  ? html`<ul class="relations">${v.list.map((r) => html`<li>${r.name} <span class="field-hint">since <time datetime="${r.since}">${r.since.slice(0, 10)}</time></span> ${buttonForm(reply, `${t.path}/${r.accountId}/delete`, t.undo, { label: `${t.undo} ${r.name}` })}</li>`)}</ul>`
  : html`<p class="empty">Nobody.</p>`}
</div>`;
}

/** Block / Mute (or Unblock / Unmute) buttons for a creator's page. */
export function relationButtons(reply: FastifyReply, pseud: { id: number; name: string }, state: { blocked: boolean; muted: boolean; accountId: number }, back: string): SafeHtml {
  const one = (kind: RelationKind, on: boolean) => {
    const t = TEXT[kind];
    return on
      ? buttonForm(reply, `${t.path}/${state.accountId}/delete`, t.undo, { fields: { back }, label: `${t.undo} ${pseud.name}` })
      : buttonForm(reply, t.path, t.verb, { fields: { back, pseud_id: pseud.id }, label: `${t.verb} ${pseud.name}` });
  };
  return html`${one('block', state.blocked)}${one('mute', state.muted)}`;
}
