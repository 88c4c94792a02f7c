import { parseLimit } from '../../api/cursor.ts';
import { LIST_PARAMS } from '../../api/operation.ts';
import { ownerBookmarks, ownerComments, ownerKudos, ownerLater, subscriptionPage } from '../../api/owner-lists.ts';
import * as S from '../../api/schemas.ts';
import { one, ownerId, type ApiCall, type ApiEnv, type ApiOperation } from './api-context.ts';

/** The token owner's account and lists: any token (read scope) reads them. */
export function meOperations(env: ApiEnv): ApiOperation[] {
  const { archive, c } = env;
  const db = archive.store.db;
  const page = (call: ApiCall) => [one(call.query, 'cursor'), parseLimit(one(call.query, 'limit'))] as const;
  return [
    {
      method: 'GET', path: '/me', operationId: 'getMe', tag: 'me', access: 'token',
      summary: 'The token’s owner, pen names and the token’s scopes',
      success: { status: 200, description: 'The owner.', schema: S.Me },
      handler: async (call) => {
        const cred = call.credential!;
        const account = cred.account;
        const pens = await archive.accounts.penNames.list(account.id);
        const tokens = await archive.store.db.selectFrom('api_tokens').select(['name', 'expires_at']).where('id', '=', cred.id).executeTakeFirst();
        return {
          username: account.username,
          role: account.role,
          pen_names: pens.map((p) => ({ id: p.id, name: p.name, default: p.isDefault })),
          token: { id: cred.id, name: tokens?.name ?? '', scopes: cred.scopes, expires_at: tokens?.expires_at ?? null },
        };
      },
    },
    {
      method: 'GET', path: '/me/bookmarks', operationId: 'listMyBookmarks', tag: 'me', access: 'token', query: LIST_PARAMS,
      summary: 'The owner’s bookmarks (private ones too), last changed first',
      success: { status: 200, description: 'One page of bookmarks.', schema: S.BookmarkList },
      handler: async (call) => ownerBookmarks(db, c, call.viewer, ownerId(call), ...page(call)),
    },
    {
      method: 'GET', path: '/me/kudos', operationId: 'listMyKudos', tag: 'me', access: 'token', query: LIST_PARAMS,
      summary: 'Works the owner left kudos on, newest first',
      success: { status: 200, description: 'One page of kudos.', schema: S.KudosList },
      handler: async (call) => ownerKudos(db, c, call.viewer, ownerId(call), ...page(call)),
    },
    {
      method: 'GET', path: '/me/comments', operationId: 'listMyComments', tag: 'me', access: 'token', query: LIST_PARAMS,
      summary: 'The owner’s comments (those awaiting approval too), newest first',
      success: { status: 200, description: 'One page of comments.', schema: S.CommentList },
      handler: async (call) => ownerComments(db, c, call.viewer, ownerId(call), ...page(call)),
    },
    {
      method: 'GET', path: '/me/subscriptions', operationId: 'listMySubscriptions', tag: 'me', access: 'token', query: LIST_PARAMS,
      summary: 'The owner’s subscriptions to works, pen names and series, newest first',
      success: { status: 200, description: 'One page of subscriptions.', schema: S.SubscriptionList },
      handler: async (call) => subscriptionPage(c, await archive.interactions.subscriptions.list(call.viewer), ...page(call)),
    },
    {
      method: 'GET', path: '/me/later', operationId: 'listMyLater', tag: 'me', access: 'token', query: LIST_PARAMS,
      summary: 'Works the owner marked for later, newest mark first',
      success: { status: 200, description: 'One page of works.', schema: S.WorkList },
      handler: async (call) => ownerLater(db, c, call.viewer, ownerId(call), ...page(call)),
    },
  ];
}
