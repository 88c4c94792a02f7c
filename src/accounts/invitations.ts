import { invalid } from '../errors.ts';
import type { Db } from '../store/schema.ts';
import { newInvitationCode, normalizeCode, tokenHash } from './tokens.ts';

export interface Invitation {
  id: number;
  /** The code's first four characters, so an admin can tell codes apart; the code itself is not kept. */
  hint: string;
  createdAt: string;
  /** The admin who made it; null when made on the command line or by a since-deleted account. */
  createdBy: string | null;
  createdVia: 'web' | 'cli';
  usedAt: string | null;
  usedBy: string | null;
}

/** At most this many codes in one request. */
export const MAX_INVITATIONS_AT_ONCE = 50;

/**
 * Invitation codes for `QUIRE_SIGNUP=invite`. A code is shown once, when made; the database
 * keeps its sha256, and a code signs up one account.
 */
export class Invitations {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  /** Makes `count` new codes (1 to 50) and returns them; `createdBy` is the admin's account (null: the command line). */
  async create(count: number, createdBy: number | null): Promise<string[]> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_INVITATIONS_AT_ONCE) {
      throw invalid([{ field: 'count', message: `must be a whole number from 1 to ${MAX_INVITATIONS_AT_ONCE}` }]);
    }
    const now = this.clock().toISOString();
    const codes = Array.from({ length: count }, newInvitationCode);
    await this.db
      .insertInto('invitations')
      .values(codes.map((code) => ({ code_hash: tokenHash(normalizeCode(code)), hint: code.slice(0, 4), created_by: createdBy, created_via: createdBy === null ? 'cli' : 'web', created_at: now, used_by: null, used_at: null })))
      .execute();
    return codes;
  }

  /** Every invitation, newest first, with who made and who used it. */
  async list(limit = 200): Promise<Invitation[]> {
    const rows = await this.db
      .selectFrom('invitations')
      .leftJoin('accounts as maker', 'maker.id', 'invitations.created_by')
      .leftJoin('accounts as user', 'user.id', 'invitations.used_by')
      .select(['invitations.id', 'invitations.hint', 'invitations.created_at', 'invitations.created_via', 'invitations.used_at', 'maker.username as maker', 'user.username as user'])
      .orderBy('invitations.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, hint: r.hint, createdAt: r.created_at, createdBy: r.maker, createdVia: r.created_via === 'cli' ? 'cli' : 'web', usedAt: r.used_at, usedBy: r.user }));
  }

  /** Inside the sign-up transaction: marks `code` used by `accountId`, or throws `validation_failed` on field `invitation`. */
  async redeem(trx: Db, code: string, accountId: number): Promise<void> {
    const hash = tokenHash(normalizeCode(code));
    const r = await trx
      .updateTable('invitations')
      .set({ used_by: accountId, used_at: this.clock().toISOString() })
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw invalid([{ field: 'invitation', message: 'is not a valid invitation code, or it was already used' }]);
  }

  /** True when `code` could be redeemed now (checked before the expensive password hash). */
  async isOpen(code: string): Promise<boolean> {
    const row = await this.db.selectFrom('invitations').select('id').where('code_hash', '=', tokenHash(normalizeCode(code))).where('used_at', 'is', null).executeTakeFirst();
    return !!row;
  }
}
