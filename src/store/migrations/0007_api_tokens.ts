import type { Kysely } from 'kysely';

/**
 * Credentials for programs (issue 6): personal access tokens for the JSON API (`kind` `token`,
 * scopes `read` or `read write`, sent as `Authorization: Bearer …`) and app passwords for OPDS
 * readers (`kind` `app_password`, HTTP Basic). Both are random secrets shown once; only their
 * sha256 is stored (`hash`), with the last four characters (`hint`) to recognise them by.
 * Revoking deletes the row; an account's credentials go with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_account').on('api_tokens').columns(['account_id', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_tokens').ifExists().execute();
}
