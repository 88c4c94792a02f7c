import type { FastifyReply } from 'fastify';
import type { Work } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { buttonForm } from './reader-fields.ts';

/** The page a moderation form sends the administrator back to. */
export function moderationHref(workId: number, action: 'hide' | 'unhide'): string {
  return `/admin/works/${workId}/${action}`;
}

/**
 * What an administrator sees on a work's page: whether it is hidden, and one button to hide or
 * unhide it (`POST /admin/works/:id/hide|unhide`, see routes/admin-works.ts). Never shown to anyone else.
 */
export function moderationBar(reply: FastifyReply, work: Pick<Work, 'id' | 'hidden'>, back: string): SafeHtml {
  const action = work.hidden ? 'unhide' : 'hide';
  const button = buttonForm(reply, moderationHref(work.id, action), work.hidden ? 'Unhide work' : 'Hide work', {
    fields: { back },
    cls: 'moderation-form',
    danger: !work.hidden,
  });
  const note = work.hidden ? '' : html`<p class="moderation-state">Hiding this work takes it off every page, list, feed and download for everyone but administrators and its creators.</p>`;
  return html`<section class="moderation" id="moderation" aria-label="Moderation">${note}${button}</section>`;
}
