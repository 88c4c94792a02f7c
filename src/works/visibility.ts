import type { Work } from './work.types.ts';

/**
 * Who is looking. Issue-2 archives have no accounts yet: the web shows guests, the CLI acts as
 * the operator. Accounts will add `accountId` and `pseudIds`, and every check stays here.
 */
export interface Viewer {
  kind: 'guest' | 'member' | 'operator';
  accountId?: number;
  pseudIds?: readonly number[];
  admin?: boolean;
}

export const GUEST: Viewer = { kind: 'guest' };
export const OPERATOR: Viewer = { kind: 'operator', admin: true };

function isCreator(viewer: Viewer, work: Work): boolean {
  return !!viewer.pseudIds && work.creators.some((c) => viewer.pseudIds!.includes(c.id));
}

/** The one rule for reading a work: drafts to creators, hidden to admins and creators, restricted to members. */
export function canView(viewer: Viewer, work: Work): boolean {
  if (viewer.kind === 'operator' || viewer.admin) return true;
  if (isCreator(viewer, work)) return true;
  if (work.status !== 'posted' || work.hidden) return false;
  if (work.restricted && viewer.kind === 'guest') return false;
  return true;
}
