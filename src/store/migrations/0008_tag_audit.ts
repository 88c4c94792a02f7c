import type { Kysely } from 'kysely';

/**
 * The wrangling audit log (issue 5): one row per wrangling change, from the web pages or the CLI.
 * `actor` is the account's username at the time (or `cli`); `actor_id` the account, kept null when
 * it is deleted. `tag_name` keeps the tag's name at the time, so the log still reads after a rename.
 * `details` is a JSON object (the other tag of a merge, the old name of a rename, …).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tag_audit')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'integer')
    .addColumn('tag_name', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tag_audit_at').on('tag_audit').columns(['at', 'id']).execute();
  await db.schema.createIndex('tag_audit_tag').on('tag_audit').column('tag_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tag_audit').ifExists().execute();
}
