import { notFound, QuireError } from '../errors.ts';
import { loadSeries } from '../works/series.repository.ts';
import { canView, type Viewer } from '../works/visibility.ts';
import { loadWorks } from '../works/work.repository.ts';
import { accountOf, readableWork, type InteractionContext } from './context.ts';

/** What one subscribes to: a work (its new chapters), a creator's pen name (new works), a series (new works in it). */
export const SUBSCRIPTION_KINDS = ['work', 'pseud', 'series'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export function parseSubscriptionKind(value: string): SubscriptionKind | undefined {
  return (SUBSCRIPTION_KINDS as readonly string[]).includes(value) ? (value as SubscriptionKind) : undefined;
}

/** At most this many subscriptions per account (a bound, not an AO3 figure). */
export const SUBSCRIPTION_LIMIT = 5000;

export interface Subscription {
  id: number;
  kind: SubscriptionKind;
  targetId: number;
  /** The work's or series' title, or the pen name. */
  label: string;
  createdAt: string;
}

function member(viewer: Viewer): number {
  const id = accountOf(viewer);
  if (id === undefined) throw new QuireError('forbidden', 'Log in to subscribe.');
  return id;
}

/**
 * Subscriptions to works, creators (pen names) and series. What they bring is filed in the
 * inbox by the notifier (inbox/notifier.ts). A subscription to something the member cannot see
 * cannot be made, and is not listed while it stays out of sight.
 */
export class Subscriptions {
  constructor(private readonly ctx: InteractionContext) {}

  /** Subscribes the member (again: no change); returns the subscription's id. */
  async subscribe(viewer: Viewer, kind: SubscriptionKind, targetId: number): Promise<number> {
    const accountId = member(viewer);
    await this.label(viewer, kind, targetId);
    const existing = await this.find(viewer, kind, targetId);
    if (existing !== undefined) return existing;
    const count = await this.ctx.db.selectFrom('subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    if (Number(count.n) >= SUBSCRIPTION_LIMIT) throw new QuireError('conflict', `You have ${SUBSCRIPTION_LIMIT.toLocaleString('en')} subscriptions, the most allowed. Unsubscribe from some first.`);
    const row = await this.ctx.db
      .insertInto('subscriptions')
      .values({ account_id: accountId, kind, target_id: targetId, created_at: this.ctx.clock().toISOString() })
      .onConflict((oc) => oc.columns(['account_id', 'kind', 'target_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? (await this.find(viewer, kind, targetId))!;
  }

  /** Ends one of the member's subscriptions by id. */
  async unsubscribe(viewer: Viewer, id: number): Promise<void> {
    const accountId = member(viewer);
    const res = await this.ctx.db.deleteFrom('subscriptions').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('subscription', id);
  }

  /** The member's subscription to a target, if any. */
  async find(viewer: Viewer, kind: SubscriptionKind, targetId: number): Promise<number | undefined> {
    const accountId = accountOf(viewer);
    if (accountId === undefined) return undefined;
    const row = await this.ctx.db.selectFrom('subscriptions').select('id').where('account_id', '=', accountId).where('kind', '=', kind).where('target_id', '=', targetId).executeTakeFirst();
    return row?.id;
  }

  /** The member's subscriptions to things they can see, newest first. */
  async list(viewer: Viewer): Promise<Subscription[]> {
    const accountId = accountOf(viewer);
    if (accountId === undefined) return [];
    const db = this.ctx.db;
    const rows = await db.selectFrom('subscriptions').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').execute();
    const works = new Map((await loadWorks(db, rows.filter((r) => r.kind === 'work').map((r) => r.target_id))).map((w) => [w.id, w]));
    const pseudIds = rows.filter((r) => r.kind === 'pseud').map((r) => r.target_id);
    const pseuds = new Map(pseudIds.length ? (await db.selectFrom('pseuds').select(['id', 'name']).where('id', 'in', pseudIds).execute()).map((p) => [p.id, p.name]) : []);
    const out: Subscription[] = [];
    for (const r of rows) {
      const kind = parseSubscriptionKind(r.kind);
      let label: string | undefined;
      if (kind === 'work') {
        const w = works.get(r.target_id);
        label = w && canView(viewer, w) ? w.title : undefined;
      } else if (kind === 'pseud') label = pseuds.get(r.target_id);
      else if (kind === 'series') label = (await loadSeries(db, r.target_id, viewer))?.title;
      if (kind && label !== undefined) out.push({ id: r.id, kind, targetId: r.target_id, label, createdAt: r.created_at });
    }
    return out;
  }

  /** Account ids subscribed to any of `targetIds` of `kind`, with the target each came through. */
  async subscribers(kind: SubscriptionKind, targetIds: readonly number[]): Promise<{ accountId: number; targetId: number }[]> {
    if (targetIds.length === 0) return [];
    const rows = await this.ctx.db.selectFrom('subscriptions').select(['account_id', 'target_id']).where('kind', '=', kind).where('target_id', 'in', [...targetIds]).orderBy('id').execute();
    return rows.map((r) => ({ accountId: r.account_id, targetId: r.target_id }));
  }

  /** Drops subscriptions to things that are gone (deleted works). */
  async dropTargets(kind: SubscriptionKind, targetIds: readonly number[]): Promise<void> {
    if (targetIds.length === 0) return;
    await this.ctx.db.deleteFrom('subscriptions').where('kind', '=', kind).where('target_id', 'in', [...targetIds]).execute();
  }

  /** The target's name if the viewer can see it; `not_found` otherwise. */
  private async label(viewer: Viewer, kind: SubscriptionKind, targetId: number): Promise<string> {
    const db = this.ctx.db;
    if (kind === 'work') return (await readableWork(this.ctx.works, viewer, targetId)).title;
    if (kind === 'series') {
      const series = await loadSeries(db, targetId, viewer);
      if (!series) throw notFound('series', targetId);
      return series.title;
    }
    const pseud = await db.selectFrom('pseuds').select('name').where('id', '=', targetId).executeTakeFirst();
    if (!pseud) throw notFound('pen name', targetId);
    return pseud.name;
  }
}
