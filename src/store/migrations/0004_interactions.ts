import { sql, type Kysely } from 'kysely';

/**
 * The reader's life (issue 4): kudos, comments, bookmarks, subscriptions and the inbox they fill,
 * mark for later, reading history, blocks and mutes, and the daily hit log. Rows of a work go
 * with it (ON DELETE CASCADE); rows of a deleted account go with it, except comments and kudos,
 * which stay (shown as from a deleted account / counted as a guest's) so threads and counts hold.
 * Visitors' addresses are never stored: only keyed hashes (see src/interactions/visitor-key.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_comment_settings')
    .addColumn('work_id', 'integer', (c) => c.primaryKey().references('works.id').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull().defaultTo('everyone'))
    .addColumn('moderated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('kudos')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('guest_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kudos_work_account', ['work_id', 'account_id'])
    .addUniqueConstraint('kudos_work_guest', ['work_id', 'guest_hash'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('chapter_position', 'integer')
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('pseud_id', 'integer', (c) => c.references('pseuds.id').onDelete('set null'))
    .addColumn('guest_name', 'text')
    .addColumn('guest_email', 'text')
    .addColumn('guest_hash', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('approved'))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('frozen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('comments_work').on('comments').columns(['work_id', 'id']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
  await db.schema.createIndex('comments_account').on('comments').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('comments_guest').on('comments').columns(['guest_hash', 'created_at']).execute();

  await db.schema
    .createTable('bookmarks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rec', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bookmarks_account_work', ['account_id', 'work_id'])
    .execute();
  await db.schema.createIndex('bookmarks_work').on('bookmarks').column('work_id').execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subscriptions_account_target', ['account_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('subscriptions_target').on('subscriptions').columns(['kind', 'target_id']).execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('work_id', 'integer', (c) => c.references('works.id').onDelete('cascade'))
    .addColumn('chapter_position', 'integer')
    .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.references('pseuds.id').onDelete('set null'))
    .addColumn('comment_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('emailed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_account').on('notices').columns(['account_id', 'id']).execute();

  await db.schema
    .createTable('notified_works')
    .addColumn('work_id', 'integer', (c) => c.primaryKey().references('works.id').onDelete('cascade'))
    .addColumn('chapter_count', 'integer', (c) => c.notNull())
    .addColumn('notified_at', 'text', (c) => c.notNull())
    .execute();
  // Works already posted are not news: only what is posted after this migration is announced.
  await sql`INSERT INTO notified_works (work_id, chapter_count, notified_at) SELECT id, chapter_count, revised_at FROM works WHERE status = 'posted'`.execute(db);

  await db.schema
    .createTable('later_works')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('later_works_pk', ['account_id', 'work_id'])
    .execute();

  await db.schema
    .createTable('reading_history')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('chapter_position', 'integer')
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_visited_at', 'text', (c) => c.notNull())
    .addColumn('last_visited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reading_history_pk', ['account_id', 'work_id'])
    .execute();
  await db.schema.createIndex('reading_history_recent').on('reading_history').columns(['account_id', 'last_visited_at']).execute();

  await db.schema
    .createTable('reader_settings')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('history_paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_digest', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('account_relations')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('via_pseud_id', 'integer', (c) => c.references('pseuds.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_relations_pk', ['account_id', 'kind', 'target_account_id'])
    .execute();
  await db.schema.createIndex('account_relations_target').on('account_relations').columns(['target_account_id', 'kind']).execute();

  await db.schema
    .createTable('work_hits')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('viewer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_hits_pk', ['work_id', 'day', 'viewer'])
    .execute();
  await db.schema.createIndex('work_hits_day').on('work_hits').column('day').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['work_hits', 'account_relations', 'reader_settings', 'reading_history', 'later_works', 'notified_works', 'notices', 'subscriptions', 'bookmarks', 'comments', 'kudos', 'work_comment_settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
