import type { Kysely } from 'kysely';
import { logger } from '../log.ts';
import type { Database } from '../store/schema.ts';

const log = logger('cluster');

/**
 * How long rows are kept: an hour. Hits log a row each (a reader's first view of a work in a day),
 * so a busy archive writes many; an hour bounds the table, and a process that has not read the log
 * for half of it (suspended, say) reloads its engine, which takes seconds.
 */
export const CHANGES_KEPT_MS = 3_600_000;

/** What a follower keeps current: the search service (`applyExternalChanges`). */
export interface ChangeTarget {
  /** Reloads these works from the database (absent ones leave the engine), or everything for `'all'`. */
  applyExternalChanges(ids: readonly number[] | 'all'): unknown;
}

export interface FollowOptions {
  /** How often the log is read (default 250 ms); a PostgreSQL notification reads it at once. */
  intervalMs: number;
  /** Rows read per query (default 5,000); a longer backlog is read in several. */
  batch: number;
  /** How long a missing sequence number is watched for a late commit (default 10 minutes: a long write transaction; PostgreSQL only makes them). */
  gapWaitMs: number;
  /** How often old rows are pruned (default 5 minutes), and how old they must be (default an hour). */
  pruneEveryMs: number;
  keepMs: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
}

const DEFAULTS: FollowOptions = { intervalMs: 250, batch: 5_000, gapWaitMs: 10 * 60_000, pruneEveryMs: 5 * 60_000, keepMs: CHANGES_KEPT_MS, clock: Date.now };
const MAX_GAPS = 10_000;

/**
 * Follows the change log from a cursor and applies the other processes' rows to a target.
 *
 * Sequence numbers are handed out when a row is inserted, not when it commits: on PostgreSQL a
 * transaction holding seq 10 can commit after another holding seq 11 was read. So a number skipped
 * over is remembered as a gap and looked for again on every read until it appears or `gapWaitMs`
 * passes (a rolled-back write never fills its gap). On SQLite writers take turns, and no gaps occur.
 */
export class ChangeFollower {
  private readonly opts: FollowOptions;
  private cursor: number | null = null;
  /** Sequence numbers skipped over → when they were first missed. */
  private readonly gaps = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  private lastRead = 0;
  private lastPrune = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly origin: string,
    private readonly target: ChangeTarget,
    opts: Partial<FollowOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /**
   * Sets the cursor at the log's current end. Call it before the engine loads and `start` after:
   * a write committed in between is then both in the load and read again (harmlessly).
   */
  async mark(): Promise<void> {
    this.cursor = await this.end();
    this.lastRead = this.opts.clock();
  }

  /** Polls every `intervalMs` from the cursor (set by `mark`, or now). */
  async start(): Promise<void> {
    if (this.cursor === null) await this.mark();
    this.stopped = false;
    this.schedule();
  }

  /** Stops polling; a read under way finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Reads now (a notification arrived); returns at once, the read happens in the background. */
  wake(): void {
    if (this.stopped || this.cursor === null) return;
    void this.poll().catch((err: unknown) => log.warn({ err }, 'reading the change log failed'));
  }

  /**
   * Reads every row since the cursor and applies the other processes' ones. Calls made while a
   * read runs share one more read after it. Returns how many works were applied (or -1 for a reload).
   */
  poll(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let applied = 0;
      do {
        this.again = false;
        const n = await this.readOnce();
        applied = n < 0 || applied < 0 ? -1 : applied + n;
      } while (this.again);
      return applied;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The cursor: the highest sequence number read (null before `start`). */
  position(): number | null {
    return this.cursor;
  }

  /**
   * One read. The cursor and the gaps move only once the target has applied what was read: if
   * it fails (the database went away mid-reload), the next read starts from the same place.
   */
  private async readOnce(): Promise<number> {
    const now = this.opts.clock();
    if (this.cursor === null) {
      this.cursor = await this.end();
      this.lastRead = now;
      return 0;
    }
    if (now - this.lastRead > this.opts.keepMs / 2) {
      // Asleep for longer than the log is safely kept: rows may be gone, so reload everything.
      log.warn({ behindMs: now - this.lastRead }, 'fell behind the change log; reloading the search engine');
      const end = await this.end();
      await this.target.applyExternalChanges('all');
      this.cursor = end;
      this.gaps.clear();
      this.lastRead = now;
      return -1;
    }
    const ids = new Set<number>();
    let rebuild = false;
    const take = (r: { work_id: number | null; kind: string; origin: string }): void => {
      if (r.origin === this.origin) return;
      if (r.kind === 'rebuild') rebuild = true;
      else if (r.work_id !== null) ids.add(r.work_id);
    };
    const filled: number[] = [];
    if (this.gaps.size > 0) {
      const found = await this.db.selectFrom('change_log').select(['seq', 'work_id', 'kind', 'origin']).where('seq', 'in', [...this.gaps.keys()].slice(0, 1_000)).execute();
      for (const r of found) {
        filled.push(Number(r.seq));
        take(r);
      }
    }
    let cursor = this.cursor;
    const newGaps: number[] = [];
    for (;;) {
      const rows = await this.db.selectFrom('change_log').select(['seq', 'work_id', 'kind', 'origin']).where('seq', '>', cursor).orderBy('seq').limit(this.opts.batch).execute();
      for (const r of rows) {
        const seq = Number(r.seq); // a bigint column reads back as a string on PostgreSQL
        for (let s = cursor + 1; s < seq && this.gaps.size + newGaps.length < MAX_GAPS; s++) newGaps.push(s);
        cursor = seq;
        take(r);
      }
      if (rows.length < this.opts.batch) break;
    }
    if (rebuild) await this.target.applyExternalChanges('all');
    else if (ids.size > 0) await this.target.applyExternalChanges([...ids]);
    // Applied: now the cursor and the gaps move.
    this.cursor = cursor;
    for (const seq of filled) this.gaps.delete(seq);
    for (const [seq, since] of this.gaps) if (now - since > this.opts.gapWaitMs) this.gaps.delete(seq);
    for (const seq of newGaps) this.gaps.set(seq, now);
    this.lastRead = now;
    if (now - this.lastPrune > this.opts.pruneEveryMs) await this.prune(now);
    return rebuild ? -1 : ids.size;
  }

  private async prune(now: number): Promise<void> {
    this.lastPrune = now;
    const cutoff = new Date(now - this.opts.keepMs).toISOString();
    const res = await this.db.deleteFrom('change_log').where('at', '<', cutoff).executeTakeFirst();
    const n = Number(res.numDeletedRows);
    if (n > 0) log.debug({ rows: n }, 'pruned the change log');
  }

  private async end(): Promise<number> {
    const row = await this.db.selectFrom('change_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.poll()
        .catch((err: unknown) => log.warn({ err }, 'reading the change log failed'))
        .finally(() => this.schedule());
    }, this.opts.intervalMs);
    this.timer.unref();
  }
}
