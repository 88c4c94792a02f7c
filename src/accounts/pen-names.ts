import type { Kysely } from 'kysely';
import { invalid, notFound } from '../errors.ts';
import type { Database, Db } from '../store/schema.ts';
import { foldName } from '../tags/tag.types.ts';
import type { WorkEvents } from '../works/work.events.ts';
import { findAccount, penNamesOf, workIdsBy } from './account.repository.ts';
import { penNameSchema, type PenName } from './account.types.ts';
import { parseOrThrow } from './validate.ts';

/** AO3 has no hard limit; a cap keeps one account from squatting on names. */
export const MAX_PEN_NAMES = 50;

/** True for a failed UNIQUE constraint (SQLite and PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

/** Throws `validation_failed` on `name` when a pen name (any account's, or an imported creator's) already uses `key`. */
export async function assertPenNameFree(db: Db, key: string, field: string, exceptId?: number): Promise<void> {
  let q = db.selectFrom('pseuds').select('id').where('name_key', '=', key);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw invalid([{ field, message: 'is already taken' }]);
}

/**
 * An account's pen names (pseuds). Names are unique across the archive, folded as tag names are
 * (case and spacing ignored). Renaming keeps the pen name's id, so its works stay attached; the
 * works are re-announced so search indexes pick up the new name.
 */
export class PenNames {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: WorkEvents,
    private readonly clock: () => Date,
  ) {}

  async list(accountId: number): Promise<PenName[]> {
    const account = await findAccount(this.db, accountId);
    if (!account) throw notFound('account', accountId);
    return penNamesOf(this.db, account);
  }

  /** Adds a pen name to an account; returns it. */
  async add(accountId: number, rawName: string): Promise<PenName> {
    const name = parseOrThrow(penNameSchema, rawName, 'name');
    const count = await this.db.selectFrom('pseuds').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_PEN_NAMES) throw invalid([{ field: 'name', message: `an account may have at most ${MAX_PEN_NAMES} pen names` }]);
    const key = foldName(name);
    await assertPenNameFree(this.db, key, 'name');
    try {
      const row = await this.db
        .insertInto('pseuds')
        .values({ name, name_key: key, account_id: accountId, created_at: this.clock().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, name, isDefault: false, works: 0 };
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid([{ field: 'name', message: 'is already taken' }]);
      throw err;
    }
  }

  /** Renames one of the account's pen names (`not_found` if it is not theirs). Its works keep it. */
  async rename(accountId: number, pseudId: number, rawName: string): Promise<void> {
    const name = parseOrThrow(penNameSchema, rawName, 'name');
    const key = foldName(name);
    let works: number[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        const pseud = await trx.selectFrom('pseuds').select('id').where('id', '=', pseudId).where('account_id', '=', accountId).executeTakeFirst();
        if (!pseud) throw notFound('pen name', pseudId);
        await assertPenNameFree(trx, key, 'name', pseudId);
        await trx.updateTable('pseuds').set({ name, name_key: key }).where('id', '=', pseudId).execute();
        works = await workIdsBy(trx, [pseudId]);
        if (works.length > 0) await trx.updateTable('works').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', 'in', works).execute();
        await this.events.written(trx, works);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid([{ field: 'name', message: 'is already taken' }]);
      throw err;
    }
    await this.events.changed(works);
  }

  /** Makes one of the account's pen names its default. */
  async setDefault(accountId: number, pseudId: number): Promise<void> {
    const pseud = await this.db.selectFrom('pseuds').select('id').where('id', '=', pseudId).where('account_id', '=', accountId).executeTakeFirst();
    if (!pseud) throw notFound('pen name', pseudId);
    await this.db.updateTable('accounts').set({ default_pseud_id: pseudId, updated_at: this.clock().toISOString() }).where('id', '=', accountId).execute();
  }
}
