import type { Kysely } from 'kysely';

/**
 * Several web processes over one database (issue 7, docs/scaling.md).
 *
 * `change_log`: one row per work written, deleted or recounted, added inside the writing
 * transaction (src/cluster/change-log.ts). Every process reads it from its own cursor to keep its
 * in-process search engine current; `origin` names the process that wrote the row (it skips its
 * own). `kind` is `write`, `delete`, `counts`, or `rebuild` (too many works at once: `work_id` is
 * null and readers reload everything). Rows older than an hour are pruned.
 *
 * `rate_limits`: the request counters of @fastify/rate-limit, shared by every process
 * (src/cluster/rate-limit-store.ts): a key (route and address or token), its count, and when its
 * window ends (ISO-8601).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_log_at').on('change_log').column('at').execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset').on('rate_limits').column('reset_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').ifExists().execute();
  await db.schema.dropTable('change_log').ifExists().execute();
}
