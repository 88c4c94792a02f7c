import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import { logger } from '../log.ts';
import type { Database } from '../store/schema.ts';

const log = logger('cluster');

/** Expired counters are deleted at most this often (per app). */
const PRUNE_EVERY_MS = 60_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0] & { continueExceeding?: boolean; exponentialBackoff?: boolean; routeInfo?: { method?: unknown; url?: unknown } };

/** What the root store and its children (one per route with its own limit) share. */
interface Shared {
  db: Kysely<Database>;
  clock: () => number;
  lastPrune: number;
  /** Limiters made by `app.rateLimit(options)` have no route: they are numbered in the order made, the same in every process. */
  anonymous: number;
}

/**
 * @fastify/rate-limit's counters in the database (`rate_limits`, migration 0011), so every
 * process and host counts the same requests: a fixed window per key, incremented with one atomic
 * upsert (`INSERT … ON CONFLICT DO UPDATE … RETURNING`, the same SQL on SQLite and PostgreSQL).
 * `continueExceeding` restarts the window on every request over the limit; `exponentialBackoff`
 * is not supported.
 */
export class DbRateLimitStore implements FastifyRateLimitStore {
  constructor(
    private readonly shared: Shared,
    private readonly prefix: string,
    private readonly continueExceeding: boolean,
  ) {}

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.increment(key, timeWindow, max).then((r) => callback(null, r), (err: Error) => callback(err));
  }

  /** The counter without counting (`{ increment: false }`). */
  read(key: string, callback: Callback): void {
    this.peek(key).then((r) => callback(null, r), (err: Error) => callback(err));
  }

  child(routeOptions: ChildOptions): DbRateLimitStore {
    if (routeOptions.exponentialBackoff) throw new Error('the database rate-limit store does not support exponentialBackoff');
    const route = routeOptions.routeInfo;
    const name = typeof route?.url === 'string' ? `${String(route.method)} ${route.url}` : `limiter ${++this.shared.anonymous}`;
    return new DbRateLimitStore(this.shared, `${name}|`, routeOptions.continueExceeding ?? this.continueExceeding);
  }

  /** Counts one request under `key`; returns the count in the current window and the ms left in it. */
  async increment(key: string, timeWindow: number, max: number): Promise<{ current: number; ttl: number }> {
    const now = this.shared.clock();
    await this.prune(now);
    const nowIso = new Date(now).toISOString();
    const expired = sql<boolean>`rate_limits.reset_at <= ${nowIso}`;
    const restart = this.continueExceeding ? sql<boolean>`(${expired} OR rate_limits.count + 1 > ${max})` : expired;
    const row = await this.shared.db
      .insertInto('rate_limits')
      .values({ key: this.prefix + key, count: 1, reset_at: new Date(now + timeWindow).toISOString() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`CASE WHEN ${expired} THEN 1 ELSE rate_limits.count + 1 END`,
          reset_at: sql<string>`CASE WHEN ${restart} THEN excluded.reset_at ELSE rate_limits.reset_at END`,
        }),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { current: Number(row.count), ttl: Math.max(0, Date.parse(row.reset_at) - now) };
  }

  async peek(key: string): Promise<{ current: number; ttl: number }> {
    const now = this.shared.clock();
    const row = await this.shared.db.selectFrom('rate_limits').select(['count', 'reset_at']).where('key', '=', this.prefix + key).executeTakeFirst();
    const ttl = row ? Date.parse(row.reset_at) - now : 0;
    return row && ttl > 0 ? { current: Number(row.count), ttl } : { current: 0, ttl: 0 };
  }

  private async prune(now: number): Promise<void> {
    if (now - this.shared.lastPrune < PRUNE_EVERY_MS) return;
    this.shared.lastPrune = now;
    const res = await this.shared.db.deleteFrom('rate_limits').where('reset_at', '<', new Date(now).toISOString()).executeTakeFirst();
    const n = Number(res.numDeletedRows);
    if (n > 0) log.debug({ rows: n }, 'pruned expired rate-limit counters');
  }
}

/**
 * The `store` option of @fastify/rate-limit: a constructor bound to this database.
 *
 * @example await app.register(rateLimit, { max: 300, timeWindow: 300_000, store: dbRateLimitStore(archive.store.db) })
 */
export function dbRateLimitStore(db: Kysely<Database>, clock: () => number = Date.now): FastifyRateLimitStoreCtor {
  const shared: Shared = { db, clock, lastPrune: 0, anonymous: 0 };
  return class extends DbRateLimitStore {
    constructor(options: FastifyRateLimitOptions) {
      // The plugin passes its merged settings, which carry these flags too.
      const flags = options as { continueExceeding?: boolean; exponentialBackoff?: boolean };
      if (flags.exponentialBackoff) throw new Error('the database rate-limit store does not support exponentialBackoff');
      super(shared, 'global|', flags.continueExceeding ?? false);
    }
  };
}
