import type { Viewer } from '../works/visibility.ts';
import type { Account } from './account.types.ts';

/**
 * The Viewer of a signed-in account: a member who sees restricted works and the drafts of
 * their own pen names; an admin sees everything.
 *
 * @example viewerOf(account, [3, 7]) // { kind: 'member', accountId: 1, pseudIds: [3, 7], role: 'member', admin: false, username: 'ren' }
 */
export function viewerOf(account: Account, pseudIds: readonly number[]): Viewer {
  return {
    kind: 'member',
    accountId: account.id,
    pseudIds,
    admin: account.role === 'admin',
    role: account.role,
    username: account.username,
  };
}
