import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { html, type SafeHtml } from '../html.ts';
import { queryString } from '../params.ts';
import { notice } from '../views/account-fields.ts';
import { relationButtons } from '../views/blocks.ts';
import { subscribeButton } from '../views/subscriptions.ts';
import { READER_NOTICES } from '../views/work-reader.ts';
import { registerBlockRoutes } from './blocks.ts';
import { registerBookmarkRoutes } from './bookmarks.ts';
import { registerCommentRoutes } from './comments.ts';
import { registerHistoryRoutes } from './history.ts';
import { registerInboxRoutes } from './inbox.ts';
import { registerKudosRoutes } from './kudos.ts';
import { registerSubscriptionRoutes } from './subscriptions.ts';

/** Every route of the reader's life (issue 4): kudos, comments, bookmarks, subscriptions, inbox, history, later, blocks, mutes. */
export function registerReaderRoutes(app: FastifyInstance, archive: Archive): void {
  registerKudosRoutes(app, archive);
  registerCommentRoutes(app, archive);
  registerBookmarkRoutes(app, archive);
  registerSubscriptionRoutes(app, archive);
  registerInboxRoutes(app, archive);
  registerHistoryRoutes(app, archive);
  registerBlockRoutes(app, archive);
}

/** Under a creator's heading: Subscribe, and for a pen name with an account other than the viewer's, Block and Mute. */
export async function creatorExtras(archive: Archive, req: FastifyRequest, reply: FastifyReply, pseud: { id: number; name: string }, back: string): Promise<SafeHtml> {
  const viewer = req.viewer;
  const done = queryString(req.query, 'done');
  const message = notice(done ? READER_NOTICES[done] : undefined);
  if (viewer.kind !== 'member' || viewer.accountId === undefined) return message;
  const { interactions } = archive;
  const subscription = await interactions.subscriptions.find(viewer, 'pseud', pseud.id);
  const owner = await interactions.pseudAccount(pseud.id);
  let relations: SafeHtml | string = '';
  let mutedNote: SafeHtml | string = '';
  if (typeof owner === 'number' && owner !== viewer.accountId) {
    const blocked = await interactions.blocks.has(viewer.accountId, owner);
    const muted = await interactions.mutes.has(viewer.accountId, owner);
    relations = relationButtons(reply, pseud, { blocked, muted, accountId: owner }, back);
    if (muted) mutedNote = html`<p class="muted-note">You muted this creator: their works are left out of your listings, this page too unless you show what your filters hide.</p>`;
  }
  return html`${message}<div class="reader-buttons creator-actions">${subscribeButton(reply, 'pseud', pseud.id, subscription, back, pseud.name)}${relations}</div>${mutedNote}`;
}

/** Under a series: Subscribe / Unsubscribe for members. */
export async function seriesExtras(archive: Archive, req: FastifyRequest, reply: FastifyReply, series: { id: number; title: string }): Promise<SafeHtml> {
  const done = queryString(req.query, 'done');
  const message = notice(done ? READER_NOTICES[done] : undefined);
  if (req.viewer.kind !== 'member') return message;
  const subscription = await archive.interactions.subscriptions.find(req.viewer, 'series', series.id);
  return html`${message}<div class="reader-buttons series-actions">${subscribeButton(reply, 'series', series.id, subscription, `/series/${series.id}`, series.title)}</div>`;
}
