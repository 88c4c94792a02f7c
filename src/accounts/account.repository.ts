import type { Selectable } from 'kysely';
import type { AccountsTable, Db } from '../store/schema.ts';
import { emailKey, parseRole, usernameKey, type Account, type PenName } from './account.types.ts';

/** Account rows in, domain objects out. Every function takes a `Db` so callers choose the transaction. */

export function toAccount(r: Selectable<AccountsTable>): Account {
  return {
    id: r.id,
    username: r.username,
    email: r.email,
    role: parseRole(r.role) ?? 'member',
    defaultPseudId: r.default_pseud_id,
    createdAt: r.created_at,
  };
}

export async function findAccount(db: Db, id: number): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccountByUsername(db: Db, username: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('username_key', '=', usernameKey(username)).executeTakeFirst();
  return row && toAccount(row);
}

/** By username, or by e-mail address when `login` holds an `@` (AO3 accepts either). */
export async function findAccountByLogin(db: Db, login: string): Promise<Account | undefined> {
  const q = db.selectFrom('accounts').selectAll();
  const row = await (login.includes('@') ? q.where('email_key', '=', emailKey(login)) : q.where('username_key', '=', usernameKey(login))).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('email_key', '=', emailKey(email)).executeTakeFirst();
  return row && toAccount(row);
}

export async function passwordHashOf(db: Db, accountId: number): Promise<string | undefined> {
  const row = await db.selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirst();
  return row?.password_hash;
}

/** The ids of an account's pen names (what makes a reader the creator of a work). */
export async function pseudIdsOf(db: Db, accountId: number): Promise<number[]> {
  const rows = await db.selectFrom('pseuds').select('id').where('account_id', '=', accountId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** An account's pen names, default first, then by name, with their work counts. */
export async function penNamesOf(db: Db, account: Pick<Account, 'id' | 'defaultPseudId'>): Promise<PenName[]> {
  const rows = await db
    .selectFrom('pseuds')
    .leftJoin('work_creators', 'work_creators.pseud_id', 'pseuds.id')
    .select((eb) => ['pseuds.id', 'pseuds.name', 'pseuds.name_key', eb.fn.count<number>('work_creators.work_id').as('works')])
    .where('pseuds.account_id', '=', account.id)
    .groupBy(['pseuds.id', 'pseuds.name', 'pseuds.name_key'])
    .orderBy('pseuds.name_key')
    .execute();
  const list = rows.map((r) => ({ id: r.id, name: r.name, isDefault: r.id === account.defaultPseudId, works: Number(r.works) }));
  return [...list.filter((p) => p.isDefault), ...list.filter((p) => !p.isDefault)];
}

/** The works any of `pseudIds` is a creator of. */
export async function workIdsBy(db: Db, pseudIds: readonly number[]): Promise<number[]> {
  if (pseudIds.length === 0) return [];
  const rows = await db.selectFrom('work_creators').select('work_id').distinct().where('pseud_id', 'in', pseudIds).orderBy('work_id').execute();
  return rows.map((r) => r.work_id);
}
