import { QuireError } from '../errors.ts';
import { logger } from '../log.ts';
import { accountOf, creatorAccounts, isCreator, readableWork, type Actor, type InteractionContext } from './context.ts';
import { recount } from './counters.ts';
import type { AccountRelations } from './relations.ts';

const log = logger('interactions');

/** Who left kudos on a work: members by username (oldest first), and how many guests. */
export interface KudosList {
  names: string[];
  guests: number;
}

export type KudosResult = 'given' | 'already';

/**
 * Kudos (REFERENCE §4): one per account, or one per visitor address for guests (stored as a
 * keyed hash); never on one's own work; not from a reader any creator of the work blocked.
 */
export class Kudos {
  constructor(
    private readonly ctx: InteractionContext,
    private readonly blocks: AccountRelations,
  ) {}

  /** Leaves kudos; `already` when this account (or address) did before. Refusals throw `forbidden`; an unreadable work is `not_found`. */
  async give(actor: Actor, workId: number): Promise<KudosResult> {
    const { db, works } = this.ctx;
    const work = await readableWork(works, actor.viewer, workId);
    if (isCreator(actor.viewer, work)) throw new QuireError('forbidden', "You can't leave kudos on your own work.");
    const accountId = accountOf(actor.viewer);
    if (accountId !== undefined && (await this.blocks.anyHas(await creatorAccounts(db, work), accountId))) {
      throw new QuireError('forbidden', "Sorry, you can't leave kudos on this work: a creator of it has blocked you.");
    }
    if (await this.hasGiven(actor, workId)) return 'already';
    const row = await db
      .insertInto('kudos')
      .values({
        work_id: workId,
        account_id: accountId ?? null,
        guest_hash: accountId === undefined ? this.guestHash(actor.ip) : null,
        created_at: this.ctx.clock().toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return 'already';
    await recount(db, this.ctx.events, workId, ['kudos']);
    log.info({ workId, guest: accountId === undefined }, 'kudos given');
    return 'given';
  }

  /** True when this account (or, for a guest, this address) has left kudos on the work. */
  async hasGiven(actor: Actor, workId: number): Promise<boolean> {
    const accountId = accountOf(actor.viewer);
    let q = this.ctx.db.selectFrom('kudos').select('id').where('work_id', '=', workId);
    q = accountId !== undefined ? q.where('account_id', '=', accountId) : q.where('guest_hash', '=', this.guestHash(actor.ip));
    return !!(await q.executeTakeFirst());
  }

  /** The kudos list shown under a work. Kudos of deleted accounts count as guests'. */
  async list(workId: number): Promise<KudosList> {
    const rows = await this.ctx.db
      .selectFrom('kudos')
      .leftJoin('accounts', 'accounts.id', 'kudos.account_id')
      .select(['accounts.username'])
      .where('kudos.work_id', '=', workId)
      .orderBy('kudos.id')
      .execute();
    const names = rows.flatMap((r) => (r.username ? [r.username] : []));
    return { names, guests: rows.length - names.length };
  }

  private guestHash(ip: string): string {
    return this.ctx.visitors.hash('kudos', `ip:${ip}`);
  }
}
