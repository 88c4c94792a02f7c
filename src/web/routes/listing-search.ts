import type { FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import type { HideRules } from '../../search/hide.ts';
import { parseSearchParams, type ParamRecord } from '../../search/params.ts';
import { SEARCH_LIMITS, type SearchQuery } from '../../search/query.ts';
import type { SearchResult } from '../../search/search.service.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { foldName, type TagType } from '../../tags/tag.types.ts';
import { queryString } from '../params.ts';
import type { ListingState } from '../views/search-urls.ts';

/**
 * What every listing (search, works index, tag pages, home, fandoms) shares: the reader's
 * hiding rules (filter profile plus mutes), the query string → SearchQuery with the archive's
 * page size, and one call of the search engine.
 */

export interface ReaderHiding {
  /** The rules to give the engine: undefined when there are none or the reader asked to see hidden works. */
  hide: HideRules | undefined;
  /** `show_hidden=1` (or the profiles hook's `request.showHidden`). */
  showHidden: boolean;
  /** The reader has a rule or a mute, so "hide them again" means something. */
  hasRules: boolean;
}

/** True when no rule hides anything (whatever kinds of rules HideRules grows). */
function isEmpty(rules: HideRules): boolean {
  return Object.values(rules).every((v) => v === undefined || v === false || (Array.isArray(v) && v.length === 0));
}

/**
 * The reader's hiding rules for this request: `request.hideRules`, which the profiles hook
 * (routes/profiles-hook.ts) sets to the saved filters merged with the pen names of muted
 * accounts. On an app without that hook (it is what decorates `hideRules`), the mutes are
 * merged here, so muted works stay out of the listings either way.
 */
export async function readerHiding(archive: Archive, req: FastifyRequest): Promise<ReaderHiding> {
  const showHidden = wantsHidden(req);
  const rules: HideRules | undefined = req.hideRules;
  const viewer = req.viewer;
  const hooked = req.server.hasRequestDecorator('hideRules');
  const muted = !hooked && viewer.kind === 'member' && viewer.accountId !== undefined ? await archive.interactions.mutedPseudIds(viewer.accountId) : [];
  const merged = muted.length > 0 ? { ...rules, pseudIds: [...(rules?.pseudIds ?? []), ...muted] } : rules;
  const hasRules = merged !== undefined && !isEmpty(merged);
  return { hide: hasRules && !showHidden ? merged : undefined, showHidden, hasRules };
}

/** The reader asked to see the works their filters hide: `request.showHidden` (src/profiles) or `show_hidden=1`. */
export function wantsHidden(req: FastifyRequest): boolean {
  return req.showHidden === true || queryString(req.query, 'show_hidden') === '1';
}

/** The archive's page size as a search page size (at most SEARCH_LIMITS.perPage). */
export function listingPageSize(archive: Archive): number {
  return Math.max(1, Math.min(archive.config.pageSize, SEARCH_LIMITS.perPage));
}

/**
 * The request's query string as a SearchQuery (throws `bad_request` naming each bad parameter),
 * with the archive's page size unless `per_page` was given.
 */
export function listingQuery(archive: Archive, req: FastifyRequest): SearchQuery {
  const record = (req.query ?? {}) as ParamRecord;
  const query = parseSearchParams(record);
  return queryString(record, 'per_page')?.trim() ? query : { ...query, perPage: listingPageSize(archive) };
}

export interface Listing {
  state: ListingState;
  result: SearchResult;
  hiding: ReaderHiding;
}

/**
 * Runs a listing: `query` as the reader gave it, `implicit` added to its include list (a tag
 * page's tag) and `scope` to its fields (a creator page's pen name: `{ pseudIds }`), seen by
 * `request.viewer` through the reader's hiding rules. A page past the last is `not_found`,
 * named by `what` ("the works index").
 */
export async function runListing(archive: Archive, req: FastifyRequest, base: string, query: SearchQuery, what: string, implicit: readonly string[] = [], scope: Pick<SearchQuery, 'pseudIds' | 'seriesIds'> = {}): Promise<Listing> {
  const hiding = await readerHiding(archive, req);
  const effective = { ...(implicit.length > 0 ? { ...query, include: [...implicit, ...query.include] } : query), ...scope };
  const result = await archive.search.search(req.viewer, effective, { hide: hiding.hide });
  if (query.page > result.pages) throw new QuireError('not_found', `there is no page ${query.page} of ${what}: it has ${result.pages}`);
  return { state: { base, query, perPageDefault: listingPageSize(archive), showHidden: hiding.showHidden }, result, hiding };
}

/**
 * The types of the included and excluded tag names the facets do not list (an excluded tag is
 * never in them), so the sidebar can show them as checked boxes in the right group.
 */
export async function tagTypesOf(archive: Archive, query: SearchQuery, result: SearchResult): Promise<Map<string, TagType>> {
  const listed = new Set(Object.values(result.facets).flatMap((f) => f.map((t) => foldName(t.name))));
  const names = [...query.include, ...query.exclude].map(foldName).filter((n) => !listed.has(n));
  const out = new Map<string, TagType>();
  for (const name of [...new Set(names)].slice(0, 2 * SEARCH_LIMITS.tags)) {
    const tag = await findTagByName(archive.store.db, name);
    if (tag) out.set(name, tag.type);
  }
  return out;
}
