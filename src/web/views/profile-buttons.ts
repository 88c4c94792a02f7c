import type { FastifyReply } from 'fastify';
import type { SafeHtml } from '../html.ts';
import { buttonForm } from './reader-fields.ts';

/** What a one-click "never show me" button can hide. */
export type HideKind = 'tag' | 'creator';

const LABEL: Record<HideKind, string> = { tag: 'Never show me this tag', creator: 'Never show me this creator' };

/**
 * A one-button form that adds a tag (by name; a rating or warning name works too) or a pen name
 * to the reader's filters: `POST /filters/hide` with its CSRF token, for members and guests alike.
 * After it the reader lands on `/filters` with a link back to `back` (default: the page it was on).
 * For tag and creator pages.
 *
 * @example html`${hideButton('tag', tag.name, reply)}`
 */
export function hideButton(kind: HideKind, name: string, reply: FastifyReply, back: string = reply.request.url): SafeHtml {
  return buttonForm(reply, '/filters/hide', LABEL[kind], {
    fields: { kind, name, back: back.length <= 500 ? back : undefined },
    label: `${LABEL[kind]}: ${name}`,
    cls: 'hide-button',
  });
}
