import type { Archive } from '../archive.ts';
import type { HideRules } from '../search/hide.ts';
import type { Viewer } from '../works/visibility.ts';
import { decodeCookieRules } from './rules.cookie.ts';
import { toHideRules } from './rules.ts';

/**
 * What the server hides from `viewer` in every listing, search, count and feed: a member's saved
 * rules merged with the pen names of the accounts they muted; a guest's rules from their
 * `quire_filters` cookie; the operator (CLI) nothing. `cookieValue` is the cookie's payload *after* its signature was checked
 * (`request.unsignCookie(...).value`); a garbled one means no rules. Undefined when nothing is hidden.
 * The web edge calls this once per request (request.hideRules); feeds, the API and OPDS call it too.
 *
 * @example archive.search.search(viewer, query, { hide: await hideRulesFor(archive, viewer) })
 */
export async function hideRulesFor(archive: Pick<Archive, 'filterProfiles' | 'interactions'>, viewer: Viewer, cookieValue?: string): Promise<HideRules | undefined> {
  if (viewer.kind === 'member' && viewer.accountId !== undefined) {
    const [rules, muted] = await Promise.all([archive.filterProfiles.get(viewer.accountId), archive.interactions.mutedPseudIds(viewer.accountId)]);
    return toHideRules(rules, muted);
  }
  if (viewer.kind !== 'guest' || !cookieValue) return undefined;
  return toHideRules(decodeCookieRules(cookieValue));
}
