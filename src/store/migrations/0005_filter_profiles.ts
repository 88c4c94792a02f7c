import type { Kysely } from 'kysely';

/**
 * Readers' saved "never show me" filters (issue 4, src/profiles). One row per account and
 * profile name; Quire uses the name `default` only for now, and the key leaves room for named
 * profiles later without another table. `rules` is a JSON document that carries its own format
 * version (`{"v": 2, ...}`), so an older document still loads after the format grows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('filter_profiles')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo('default'))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('filter_profiles_pk', ['account_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('filter_profiles').ifExists().execute();
}
