import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import type { TransactionalIndexer, WorkEvents } from '../works/work.events.ts';
import { ChangeFollower, type ChangeTarget, type FollowOptions } from './change-follower.ts';

export { CHANGES_KEPT_MS } from './change-follower.ts';

/**
 * The change log: how several processes over one database keep their in-process search engines
 * current (docs/scaling.md). Every write of a work adds one `change_log` row per work inside the
 * writing transaction (it is a transactional indexer of `WorkEvents`), so a row exists exactly
 * when the write committed. Each process follows the log from its cursor (`ChangeFollower`),
 * skipping the rows it wrote itself (its listeners already saw those).
 */

/** The PostgreSQL channel a write notifies on commit, so followers wake before their next poll. */
export const CHANGE_CHANNEL = 'quire_changes';
/** A write touching more works than this logs one `rebuild` row instead: readers reload everything. */
export const REBUILD_ABOVE = 20_000;

export type ChangeKind = 'write' | 'delete' | 'counts' | 'rebuild';

/** Writes the log's rows inside work transactions (registered on `WorkEvents` by `ChangeLog`). */
export class ChangeLogWriter implements TransactionalIndexer {
  constructor(
    readonly origin: string,
    private readonly dialect: Store['dialect'],
    private readonly clock: () => Date = () => new Date(),
    private readonly rebuildAbove = REBUILD_ABOVE,
  ) {}

  indexWorks(trx: Db, ids: readonly number[]): Promise<void> {
    return this.log(trx, ids, 'write');
  }

  removeWorks(trx: Db, ids: readonly number[]): Promise<void> {
    return this.log(trx, ids, 'delete');
  }

  countsChanged(db: Db, ids: readonly number[]): Promise<void> {
    return this.log(db, ids, 'counts');
  }

  private async log(db: Db, ids: readonly number[], kind: ChangeKind): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const at = this.clock().toISOString();
    const origin = this.origin;
    const rows = unique.length > this.rebuildAbove ? [{ work_id: null, kind: 'rebuild', origin, at }] : unique.map((work_id) => ({ work_id, kind, origin, at }));
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('change_log').values(rows.slice(i, i + 500)).execute();
    // NOTIFY is transactional: listeners hear it when (and only if) the write commits. Channels are
    // per database, so the payload names the schema: archives in other schemas ignore it.
    if (this.dialect === 'postgres') await sql`SELECT pg_notify(${CHANGE_CHANNEL}, current_schema())`.execute(db);
  }
}

/**
 * One archive's side of the change log: a random origin id for this process, the writer
 * registered on its work events, and followers for its engine.
 *
 * @example const follower = archive.changes.follow(archive.search); await follower.start();
 */
export class ChangeLog {
  readonly origin: string;

  constructor(
    private readonly store: Store,
    events: WorkEvents,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.origin = randomUUID();
    events.addIndexer(new ChangeLogWriter(this.origin, store.dialect, clock));
  }

  /** A follower that applies other processes' changes to `target` (call `start()`, then `stop()`). */
  follow(target: ChangeTarget, opts: Partial<FollowOptions> = {}): ChangeFollower {
    return new ChangeFollower(this.store.db, this.origin, target, { clock: () => this.clock().getTime(), ...opts });
  }
}
