import { logger } from '../log.ts';
import type { Db } from '../store/schema.ts';
import { foldName } from '../tags/tag.types.ts';
import type { WorkService } from '../works/work.service.ts';
import { pseudIdsOf, workIdsBy } from './account.repository.ts';
import { ORPHAN_PSEUD } from './account.types.ts';

const log = logger('accounts');

/**
 * What happens to an account's works when it is deleted, chosen by its owner:
 * - `orphan`: the works stay, credited to the pen name "orphan_account" (as on AO3);
 * - `delete`: the works go.
 * Either way a work shared with other creators stays with them (only this account's pen names
 * leave it), and a draft of the account's own is deleted (nobody could ever finish it).
 */
export type WorksChoice = 'orphan' | 'delete';

export interface DeletionReport {
  deleted: number;
  orphaned: number;
  /** Co-created works the account's pen names left. */
  left: number;
}

/** The id of the shared "orphan_account" pen name, made on first use (owned by no account). */
async function orphanPseud(trx: Db, now: Date): Promise<number> {
  const key = foldName(ORPHAN_PSEUD);
  const found = await trx.selectFrom('pseuds').select('id').where('name_key', '=', key).executeTakeFirst();
  if (found) return found.id;
  const row = await trx.insertInto('pseuds').values({ name: ORPHAN_PSEUD, name_key: key, account_id: null, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Deletes an account and settles its works. Works to delete go through `WorkService.delete`
 * (so search indexes stay right); changed works are re-announced on the work events.
 */
export async function deleteAccountAndWorks(works: WorkService, accountId: number, choice: WorksChoice, now: Date): Promise<DeletionReport> {
  const db = works.store.db;
  const pseudIds = await pseudIdsOf(db, accountId);
  const ours = new Set(pseudIds);
  const toDelete: number[] = [];
  const toOrphan: number[] = [];
  const toLeave: number[] = [];
  for (const workId of await workIdsBy(db, pseudIds)) {
    const work = await works.get(workId);
    if (!work) continue;
    const sole = work.creators.every((c) => ours.has(c.id));
    if (!sole) toLeave.push(workId);
    else if (choice === 'delete' || work.status === 'draft') toDelete.push(workId);
    else toOrphan.push(workId);
  }
  for (const id of toDelete) await works.delete(id);

  const changed = [...toOrphan, ...toLeave];
  await db.transaction().execute(async (trx) => {
    const orphan = toOrphan.length > 0 ? await orphanPseud(trx, now) : undefined;
    for (const workId of changed) {
      const rows = await trx.selectFrom('work_creators').select(['pseud_id', 'position']).where('work_id', '=', workId).execute();
      const mine = rows.filter((r) => ours.has(r.pseud_id));
      await trx.deleteFrom('work_creators').where('work_id', '=', workId).where('pseud_id', 'in', pseudIds).execute();
      if (orphan !== undefined && toOrphan.includes(workId) && !rows.some((r) => r.pseud_id === orphan)) {
        await trx.insertInto('work_creators').values({ work_id: workId, pseud_id: orphan, position: Math.min(...mine.map((r) => r.position)) }).execute();
      }
    }
    if (changed.length > 0) await trx.updateTable('works').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', 'in', changed).execute();
    await works.events.written(trx, changed);
    if (pseudIds.length > 0) await trx.deleteFrom('pseuds').where('id', 'in', pseudIds).execute();
    await trx.deleteFrom('accounts').where('id', '=', accountId).execute();
  });
  await works.events.changed(changed);
  const report = { deleted: toDelete.length, orphaned: toOrphan.length, left: toLeave.length };
  log.info({ accountId, ...report }, 'account deleted');
  return report;
}
