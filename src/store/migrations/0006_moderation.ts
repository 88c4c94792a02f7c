import type { Kysely } from 'kysely';

/**
 * Administrators hiding and unhiding works (issue 4, src/works/moderation.ts): one audit row per
 * action, who did it and why. The row keeps the work's id and title without a foreign key, so
 * the record outlives a work that is later deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_moderation')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_id', 'integer', (c) => c.notNull())
    .addColumn('work_title', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_moderation_work').on('work_moderation').columns(['work_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('work_moderation').ifExists().execute();
}
