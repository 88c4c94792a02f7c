import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import type { OperationDoc } from '../../api/operation.ts';
import type { ApiContext } from '../../api/serialize.ts';
import type { ResolvedCredential } from '../../api/tokens.ts';
import { QuireError } from '../../errors.ts';
import { hideRulesFor } from '../../profiles/hide-rules-for.ts';
import type { ParamRecord } from '../../search/params.ts';
import type { HideRules } from '../../search/hide.ts';
import type { Viewer } from '../../works/visibility.ts';

/** One call of an API operation, as its handler sees it: parsed parameters and the caller. */
export interface ApiCall {
  req: FastifyRequest;
  reply: FastifyReply;
  params: Record<string, string>;
  query: ParamRecord;
  /** The body, checked against the operation's `body` schema. */
  body: unknown;
  /** The token's owner, or GUEST (the API never reads cookies). */
  viewer: Viewer;
  credential: ResolvedCredential | undefined;
}

/** An operation: what the OpenAPI document says, and the handler that does it. */
export interface ApiOperation extends OperationDoc {
  handler(call: ApiCall): Promise<unknown>;
}

/** What the operation modules are built with. */
export interface ApiEnv {
  archive: Archive;
  c: ApiContext;
}

/** A single query parameter (the last if repeated). */
export function one(query: ParamRecord, name: string): string | undefined {
  const v = query[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
}

/** The token owner's filter profile and mutes, unless `show_hidden=1`; nothing for guests. */
export async function hideOf(archive: Archive, call: ApiCall): Promise<HideRules | undefined> {
  if (!call.credential || one(call.query, 'show_hidden') === '1') return undefined;
  return hideRulesFor(archive, call.viewer);
}

/** The owner's account id (operations with access `token` or `write` only run with a credential). */
export function ownerId(call: ApiCall): number {
  if (!call.credential) throw new QuireError('unauthorized', 'This needs a personal access token: send Authorization: Bearer <token>.');
  return call.credential.account.id;
}
