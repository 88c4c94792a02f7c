import type { FastifyReply } from 'fastify';
import type { Subscription } from '../../interactions/subscriptions.ts';
import { html, type SafeHtml } from '../html.ts';
import { notice } from './account-fields.ts';
import { creatorHref, seriesHref, workHref } from './format.ts';
import { buttonForm } from './reader-fields.ts';
import { readerNav } from './reader-nav.ts';

const KIND_LABEL = { work: 'Work', pseud: 'Creator', series: 'Series' } as const;

function targetHref(s: Subscription): string {
  return s.kind === 'work' ? workHref(s.targetId) : s.kind === 'series' ? seriesHref(s.targetId) : creatorHref(s.label);
}

/** `/subscriptions`: what the member follows, each with Unsubscribe. */
export function subscriptionsPage(reply: FastifyReply, username: string, list: readonly Subscription[], message?: string): SafeHtml {
  return html`<div class="subscriptions-page">
${readerNav('subscriptions', username)}
<h1>Subscriptions</h1>
${notice(message)}
${list.length
  ? html`<ul class="subscriptions">${list.map((s) => html`<li><span class="badge">${KIND_LABEL[s.kind]}</span> <a href="${targetHref(s)}">${s.label}</a> ${buttonForm(reply, `/subscriptions/${s.id}/delete`, 'Unsubscribe', { fields: { back: '/subscriptions' }, label: `Unsubscribe from ${s.label}` })}</li>`)}</ul>`
  : html`<p class="empty">No subscriptions yet. Subscribe from a work, a creator's page or a series.</p>`}
</div>`;
}

/** Subscribe / Unsubscribe for a creator's page or a series page. */
export function subscribeButton(reply: FastifyReply, kind: 'pseud' | 'series', targetId: number, subscriptionId: number | undefined, back: string, name: string): SafeHtml {
  return subscriptionId !== undefined
    ? buttonForm(reply, `/subscriptions/${subscriptionId}/delete`, 'Unsubscribe', { fields: { back }, label: `Unsubscribe from ${name}` })
    : buttonForm(reply, '/subscriptions', 'Subscribe', { fields: { back, kind, target: targetId }, label: `Subscribe to ${name}` });
}
