import type { Work } from './work.types.ts';

/**
 * Who is looking: a guest, a signed-in member (with `accountId` and the `pseudIds` of their pen
 * names; see src/accounts/viewer.ts), or the operator (the CLI). Every check stays here.
 */
export interface Viewer {
  kind: 'guest' | 'member' | 'operator';
  accountId?: number;
  pseudIds?: readonly number[];
  admin?: boolean;
  /** A member's role (`member`, `wrangler`, `admin`); see src/accounts. */
  role?: 'member' | 'wrangler' | 'admin';
  /** A member's username, for the page header. */
  username?: string;
}

export const GUEST: Viewer = { kind: 'guest' };
export const OPERATOR: Viewer = { kind: 'operator', admin: true };

function isCreator(viewer: Viewer, work: Work): boolean {
  return !!viewer.pseudIds && work.creators.some((c) => viewer.pseudIds!.includes(c.id));
}

/**
 * The one rule for reading a work (issue 4): drafts to their creators only (not even admins);
 * works hidden by an administrator to administrators and their creators; restricted works to
 * logged-in readers. The CLI's operator sees everything.
 */
export function canView(viewer: Viewer, work: Work): boolean {
  if (viewer.kind === 'operator') return true;
  if (isCreator(viewer, work)) return true;
  if (work.status !== 'posted') return false;
  if (work.hidden) return !!viewer.admin;
  if (work.restricted && viewer.kind === 'guest') return false;
  return true;
}
