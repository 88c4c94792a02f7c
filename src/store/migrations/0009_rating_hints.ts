import type { Kysely } from 'kysely';

/**
 * The latest rating hint per work (issue 5, docs/suggestions.md): what `suggest()` read in the
 * work's text at `revision`, with its confidence and evidence (JSON). The administrators' review
 * queue (`/admin/review`) lists posted works whose declared rating is lower than the hint.
 * `dismissed_*` record an administrator's decision to leave the author's rating as it is; the
 * decision holds while the declared and hinted ratings stay those it was made for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rating_hints')
    .addColumn('work_id', 'integer', (c) => c.primaryKey().references('works.id').onDelete('cascade'))
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('declared', 'text', (c) => c.notNull())
    .addColumn('exceeds', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('dismissed_by', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('dismissed_at', 'text')
    .addColumn('dismissed_declared', 'text')
    .addColumn('dismissed_rating', 'text')
    .execute();
  await db.schema.createIndex('rating_hints_queue').on('rating_hints').columns(['exceeds', 'confidence']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rating_hints').ifExists().execute();
}
