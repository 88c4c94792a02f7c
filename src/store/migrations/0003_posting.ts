import type { Kysely } from 'kysely';

/**
 * Posting on the web: invitations to co-create a work. A creator names another account's pen
 * name; the invitation waits here until that account accepts (the pen name joins
 * `work_creators`) or declines (the row goes). A work's page lists accepted creators only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('co_creator_invitations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.notNull().references('pseuds.id').onDelete('cascade'))
    .addColumn('invited_by_pseud_id', 'integer', (c) => c.references('pseuds.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('co_creator_invitations_work_pseud', ['work_id', 'pseud_id'])
    .execute();
  await db.schema.createIndex('co_creator_invitations_pseud').on('co_creator_invitations').column('pseud_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('co_creator_invitations').ifExists().execute();
}
