import type { Kysely } from 'kysely';

/**
 * The archive's core tables. Written with Kysely's schema builder only, so the same
 * migration runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('works')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('expected_chapters', 'integer')
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chapter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('posted'))
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('updated_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revised_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('import_hash', 'text', (c) => c.unique())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kudos_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bookmarks_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('works_updated').on('works').columns(['updated_on', 'id']).execute();

  await db.schema
    .createTable('chapters')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('chapters_work_position', ['work_id', 'position'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('canonical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('synonym_of', 'integer', (c) => c.references('tags.id').onDelete('set null'))
    .addColumn('unwrangleable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tags_type').on('tags').columns(['type', 'name_key']).execute();
  await db.schema.createIndex('tags_synonym_of').on('tags').column('synonym_of').execute();

  await db.schema
    .createTable('tag_links')
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_links_pk', ['tag_id', 'parent_id', 'kind'])
    .execute();
  await db.schema.createIndex('tag_links_parent').on('tag_links').columns(['parent_id', 'kind']).execute();

  await db.schema
    .createTable('work_tags')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_tags_pk', ['work_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('work_tags_tag').on('work_tags').column('tag_id').execute();

  await db.schema
    .createTable('filter_taggings')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addPrimaryKeyConstraint('filter_taggings_pk', ['work_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('filter_taggings_tag').on('filter_taggings').columns(['tag_id', 'work_id']).execute();

  await db.schema
    .createTable('pseuds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('work_creators')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.notNull().references('pseuds.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_creators_pk', ['work_id', 'pseud_id'])
    .execute();
  await db.schema.createIndex('work_creators_pseud').on('work_creators').column('pseud_id').execute();

  await db.schema
    .createTable('series')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('series_title_key').on('series').column('title_key').execute();

  await db.schema
    .createTable('series_works')
    .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('series_works_pk', ['series_id', 'work_id'])
    .execute();
  await db.schema.createIndex('series_works_work').on('series_works').column('work_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'settings', 'series_works', 'series', 'work_creators', 'pseuds',
    'filter_taggings', 'work_tags', 'tag_links', 'tags', 'chapters', 'works',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
