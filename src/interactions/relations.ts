import { invalid, notFound, QuireError } from '../errors.ts';
import { findAccountByUsername } from '../accounts/account.repository.ts';
import type { Db } from '../store/schema.ts';
import type { InteractionContext } from './context.ts';

/** AO3's figure (REFERENCE §4): up to 2,000 blocked and 2,000 muted accounts each. */
export const RELATION_LIMIT = 2000;

export type RelationKind = 'block' | 'mute';

/** Whom a reader blocked or muted, with the name they chose it by. */
export interface RelatedAccount {
  accountId: number;
  /** The pen name the reader acted on, or the account's username when it was named directly. */
  name: string;
  since: string;
}

/** Names the other account: by username, or by one of its pen names (as on a creator's page). */
export type RelationTarget = { username: string } | { pseudId: number };

const NOUN: Record<RelationKind, { verb: string; past: string }> = {
  block: { verb: 'block', past: 'blocked' },
  mute: { verb: 'mute', past: 'muted' },
};

/**
 * Blocks and mutes, one list each per account (REFERENCE §4). A blocked account cannot comment
 * on or give kudos to the blocker's works, nor reply to the blocker's comments; a muted account's
 * works disappear from the muter's listings (`mutedPseudIds`).
 */
export class AccountRelations {
  constructor(
    private readonly ctx: InteractionContext,
    readonly kind: RelationKind,
  ) {}

  /** Adds the account named by `target` to `accountId`'s list (again: no change). */
  async add(accountId: number, target: RelationTarget): Promise<RelatedAccount> {
    const db = this.ctx.db;
    const { targetId, viaPseud, name } = await this.resolve(target);
    const noun = NOUN[this.kind];
    if (targetId === accountId) throw invalid([{ field: 'username', message: `is you: you cannot ${noun.verb} yourself` }]);
    const existing = await db.selectFrom('account_relations').select('created_at').where('account_id', '=', accountId).where('kind', '=', this.kind).where('target_account_id', '=', targetId).executeTakeFirst();
    if (existing) return { accountId: targetId, name, since: existing.created_at };
    const count = await db.selectFrom('account_relations').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('kind', '=', this.kind).executeTakeFirstOrThrow();
    if (Number(count.n) >= RELATION_LIMIT) {
      throw invalid([{ field: 'username', message: `cannot be added: you have ${noun.past} ${RELATION_LIMIT.toLocaleString('en')} accounts, the most allowed` }]);
    }
    const since = this.ctx.clock().toISOString();
    await db
      .insertInto('account_relations')
      .values({ account_id: accountId, kind: this.kind, target_account_id: targetId, via_pseud_id: viaPseud, created_at: since })
      .onConflict((oc) => oc.columns(['account_id', 'kind', 'target_account_id']).doNothing())
      .execute();
    return { accountId: targetId, name, since };
  }

  /** Takes an account off the list. */
  async remove(accountId: number, targetAccountId: number): Promise<void> {
    await this.ctx.db.deleteFrom('account_relations').where('account_id', '=', accountId).where('kind', '=', this.kind).where('target_account_id', '=', targetAccountId).execute();
  }

  /** The list, most recent first. */
  async list(accountId: number): Promise<RelatedAccount[]> {
    const rows = await this.ctx.db
      .selectFrom('account_relations')
      .innerJoin('accounts', 'accounts.id', 'account_relations.target_account_id')
      .leftJoin('pseuds', 'pseuds.id', 'account_relations.via_pseud_id')
      .select(['account_relations.target_account_id', 'account_relations.created_at', 'accounts.username', 'pseuds.name as pseud_name', 'pseuds.account_id as pseud_account'])
      .where('account_relations.account_id', '=', accountId)
      .where('account_relations.kind', '=', this.kind)
      .orderBy('account_relations.created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      accountId: r.target_account_id,
      // A pen name that moved to another account no longer names this one.
      name: r.pseud_name && r.pseud_account === r.target_account_id ? r.pseud_name : r.username,
      since: r.created_at,
    }));
  }

  /** True when `accountId` has `targetAccountId` on its list. */
  async has(accountId: number, targetAccountId: number): Promise<boolean> {
    const row = await this.ctx.db.selectFrom('account_relations').select('account_id').where('account_id', '=', accountId).where('kind', '=', this.kind).where('target_account_id', '=', targetAccountId).executeTakeFirst();
    return !!row;
  }

  /** True when any of `accountIds` has `targetAccountId` on its list (e.g. any creator of a work blocked the reader). */
  async anyHas(accountIds: readonly number[], targetAccountId: number): Promise<boolean> {
    if (accountIds.length === 0) return false;
    const row = await this.ctx.db.selectFrom('account_relations').select('account_id').where('account_id', 'in', [...accountIds]).where('kind', '=', this.kind).where('target_account_id', '=', targetAccountId).executeTakeFirst();
    return !!row;
  }

  /** The accounts on `accountId`'s list. */
  async targets(accountId: number): Promise<number[]> {
    const rows = await this.ctx.db.selectFrom('account_relations').select('target_account_id').where('account_id', '=', accountId).where('kind', '=', this.kind).execute();
    return rows.map((r) => r.target_account_id);
  }

  private async resolve(target: RelationTarget): Promise<{ targetId: number; viaPseud: number | null; name: string }> {
    const db: Db = this.ctx.db;
    if ('pseudId' in target) {
      const pseud = await db.selectFrom('pseuds').select(['id', 'name', 'account_id']).where('id', '=', target.pseudId).executeTakeFirst();
      if (!pseud) throw notFound('pen name', target.pseudId);
      if (pseud.account_id === null) throw new QuireError('bad_request', `${pseud.name} is an imported creator without an account: there is nobody to ${NOUN[this.kind].verb}`);
      return { targetId: pseud.account_id, viaPseud: pseud.id, name: pseud.name };
    }
    const account = await findAccountByUsername(db, target.username);
    if (!account) throw invalid([{ field: 'username', message: 'is not the username of any account' }]);
    return { targetId: account.id, viaPseud: null, name: account.username };
  }
}

/** The pen names of every account `accountId` muted: works by them are left out of its listings. */
export async function mutedPseudIds(db: Db, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('pseuds')
    .innerJoin('account_relations', 'account_relations.target_account_id', 'pseuds.account_id')
    .select('pseuds.id')
    .where('account_relations.account_id', '=', accountId)
    .where('account_relations.kind', '=', 'mute')
    .orderBy('pseuds.id')
    .execute();
  return rows.map((r) => r.id);
}
