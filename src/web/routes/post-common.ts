import type { FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { notFound } from '../../errors.ts';
import { FREE_TAG_TYPES, type FreeTagType } from '../../tags/tag.types.ts';
import { commonTags } from '../../works/posting-tags.ts';
import { queryString } from '../params.ts';

/** What the posting routes share: who may use them, body limits, fixed notices. */

/**
 * A chapter may hold 510,000 characters; sent as a form, each can take up to 9 bytes
 * (percent-encoded UTF-8). The posting forms accept bodies this large; other forms keep 1 MiB.
 */
export const FORM_BODY_LIMIT = 8 * 1024 * 1024;

/** The signed-in member's account id, or undefined for a guest (send them to `loginRedirect`). */
export function memberAccount(req: FastifyRequest): number | undefined {
  return req.viewer.kind === 'member' ? req.viewer.accountId : undefined;
}

/** `/login?return_to=…` back to this page (for a GET) or the form's page. */
export function loginRedirect(req: FastifyRequest): string {
  const back = req.method === 'GET' ? req.url : req.url.split('?')[0]!;
  return `/login?return_to=${encodeURIComponent(back)}`;
}

/**
 * The account id of a member asking about work `workId`; for a guest the work is `not_found`,
 * as it is for any member who is not its creator (the service checks that): nothing leaks.
 */
export function creatorAccount(req: FastifyRequest, workId: number): number {
  if (req.viewer.kind !== 'member' || req.viewer.accountId === undefined) throw notFound('work', workId);
  return req.viewer.accountId;
}

/** A fixed notice for `?done=…` (never text from the request). */
export function doneNotice(req: FastifyRequest, notices: Record<string, string>): string | undefined {
  const done = queryString(req.query, 'done');
  return done ? notices[done] : undefined;
}

/** The common tags of each kind, for the tag fields' `<datalist>`s. */
export async function tagSuggestions(archive: Archive): Promise<Record<FreeTagType, string[]>> {
  const out = {} as Record<FreeTagType, string[]>;
  for (const type of FREE_TAG_TYPES) out[type] = await commonTags(archive.store.db, type, 100);
  return out;
}
