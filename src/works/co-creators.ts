import { notFound, type FieldIssue } from '../errors.ts';
import { logger } from '../log.ts';
import type { Db } from '../store/schema.ts';
import { foldName } from '../tags/tag.types.ts';
import type { CoCreatorInvitation } from './posting.types.ts';
import type { WorkService } from './work.service.ts';

const log = logger('works');

/**
 * Co-creators must accept (REFERENCE §1): naming another account's pen name on a work makes a
 * pending invitation (`co_creator_invitations`); the work lists only accepted creators. The
 * invited account accepts (its pen name joins `work_creators` after the others) or declines.
 */
export class CoCreators {
  constructor(
    private readonly works: WorkService,
    private readonly clock: () => Date,
  ) {}

  /**
   * Resolves typed pen names to other accounts' pen names. A name that is no account's pen name,
   * or is one of the inviting account's own, is a problem on `field`.
   */
  async resolve(db: Db, accountId: number, names: readonly string[], field = 'coCreators'): Promise<{ pseudIds: number[]; issues: FieldIssue[] }> {
    const pseudIds: number[] = [];
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    for (const raw of names) {
      const name = raw.replace(/\s+/g, ' ').trim();
      const key = foldName(name);
      if (!name || seen.has(key)) continue;
      seen.add(key);
      const row = await db.selectFrom('pseuds').select(['id', 'account_id']).where('name_key', '=', key).executeTakeFirst();
      if (!row || row.account_id === null) issues.push({ field, message: `"${name.slice(0, 40)}" is not the pen name of anyone with an account here` });
      else if (row.account_id === accountId) issues.push({ field, message: `"${name.slice(0, 40)}" is one of your own pen names: choose it under Creators` });
      else pseudIds.push(row.id);
    }
    return { pseudIds, issues };
  }

  /** Inside a write: invites pen names not yet credited or invited. Returns how many were invited. */
  async invite(trx: Db, workId: number, invitedBy: number | null, pseudIds: readonly number[]): Promise<number> {
    let made = 0;
    for (const pseudId of pseudIds) {
      const credited = await trx.selectFrom('work_creators').select('pseud_id').where('work_id', '=', workId).where('pseud_id', '=', pseudId).executeTakeFirst();
      const pending = await trx.selectFrom('co_creator_invitations').select('id').where('work_id', '=', workId).where('pseud_id', '=', pseudId).executeTakeFirst();
      if (credited || pending) continue;
      await trx.insertInto('co_creator_invitations').values({ work_id: workId, pseud_id: pseudId, invited_by_pseud_id: invitedBy, created_at: this.clock().toISOString() }).execute();
      made++;
    }
    if (made > 0) log.info({ workId, invited: made }, 'co-creators invited');
    return made;
  }

  /** The pen names invited to a work and not yet answered. */
  async pendingNames(db: Db, workId: number): Promise<string[]> {
    const rows = await db
      .selectFrom('co_creator_invitations')
      .innerJoin('pseuds', 'pseuds.id', 'co_creator_invitations.pseud_id')
      .select('pseuds.name')
      .where('co_creator_invitations.work_id', '=', workId)
      .orderBy('co_creator_invitations.id')
      .execute();
    return rows.map((r) => r.name);
  }

  /** The invitations waiting for an account's answer, newest first. */
  async pendingFor(accountId: number): Promise<CoCreatorInvitation[]> {
    const rows = await this.works.store.db
      .selectFrom('co_creator_invitations as i')
      .innerJoin('pseuds as p', 'p.id', 'i.pseud_id')
      .innerJoin('works as w', 'w.id', 'i.work_id')
      .leftJoin('pseuds as by', 'by.id', 'i.invited_by_pseud_id')
      .select(['i.id', 'i.work_id', 'w.title', 'w.status', 'p.name as pseud_name', 'by.name as by_name', 'i.created_at'])
      .where('p.account_id', '=', accountId)
      .orderBy('i.id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      workId: r.work_id,
      workTitle: r.title,
      workStatus: r.status === 'draft' ? 'draft' : 'posted',
      pseudName: r.pseud_name,
      invitedBy: r.by_name ?? null,
      createdAt: r.created_at,
    }));
  }

  /** Accepts an invitation of the account's: its pen name is credited after the work's other creators. */
  async accept(accountId: number, invitationId: number): Promise<number> {
    const workId = await this.works.store.db.transaction().execute(async (trx) => {
      const inv = await this.own(trx, accountId, invitationId);
      const last = await trx.selectFrom('work_creators').select((eb) => eb.fn.max('position').as('max')).where('work_id', '=', inv.work_id).executeTakeFirst();
      const already = await trx.selectFrom('work_creators').select('pseud_id').where('work_id', '=', inv.work_id).where('pseud_id', '=', inv.pseud_id).executeTakeFirst();
      if (!already) await trx.insertInto('work_creators').values({ work_id: inv.work_id, pseud_id: inv.pseud_id, position: Number(last?.max ?? -1) + 1 }).execute();
      await trx.deleteFrom('co_creator_invitations').where('id', '=', invitationId).execute();
      await trx
        .updateTable('works')
        .set((eb) => ({ revision: eb('revision', '+', 1), revised_at: this.clock().toISOString() }))
        .where('id', '=', inv.work_id)
        .execute();
      await this.works.events.written(trx, [inv.work_id]);
      return inv.work_id;
    });
    await this.works.events.changed([workId]);
    log.info({ workId, accountId }, 'co-creator invitation accepted');
    return workId;
  }

  /** Declines an invitation of the account's: it goes, and the work stays as it was. */
  async decline(accountId: number, invitationId: number): Promise<void> {
    const db = this.works.store.db;
    await this.own(db, accountId, invitationId);
    await db.deleteFrom('co_creator_invitations').where('id', '=', invitationId).execute();
    log.info({ accountId }, 'co-creator invitation declined');
  }

  /** The invitation if it was made to one of the account's pen names; `not_found` otherwise. */
  private async own(db: Db, accountId: number, invitationId: number): Promise<{ work_id: number; pseud_id: number }> {
    const inv = await db
      .selectFrom('co_creator_invitations as i')
      .innerJoin('pseuds as p', 'p.id', 'i.pseud_id')
      .select(['i.work_id', 'i.pseud_id'])
      .where('i.id', '=', invitationId)
      .where('p.account_id', '=', accountId)
      .executeTakeFirst();
    if (!inv) throw notFound('invitation', invitationId);
    return inv;
  }
}
