import { sql } from 'kysely';
import type { Store } from '../store.ts';

/**
 * The archive's tables in the order an export writes and a restore reads them: every table after
 * the tables its foreign keys point to. Each names its primary key (rows are exported in its
 * order) and any column that points into its own table (`deferred`: restored as null, then set
 * once every row of the table is in, so a tag may be a synonym of a later tag).
 *
 * A table a new migration adds and this list does not name is still exported (after these, by
 * name, rows ordered by every column); `dump.test.ts` fails until it is listed here.
 */
export const TABLES: readonly TableSpec[] = [
  { name: 'works', key: ['id'] },
  { name: 'chapters', key: ['id'] },
  { name: 'tags', key: ['id'], deferred: ['synonym_of'] },
  { name: 'tag_links', key: ['tag_id', 'parent_id', 'kind'] },
  { name: 'work_tags', key: ['work_id', 'tag_id'] },
  { name: 'filter_taggings', key: ['work_id', 'tag_id'] },
  { name: 'pseuds', key: ['id'] },
  { name: 'work_creators', key: ['work_id', 'pseud_id'] },
  { name: 'series', key: ['id'] },
  { name: 'series_works', key: ['series_id', 'work_id'] },
  { name: 'settings', key: ['key'] },
  { name: 'accounts', key: ['id'] },
  { name: 'sessions', key: ['id'] },
  { name: 'password_resets', key: ['id'] },
  { name: 'invitations', key: ['id'] },
  { name: 'login_attempts', key: ['id'] },
  { name: 'login_failures', key: ['bucket'] },
  { name: 'co_creator_invitations', key: ['id'] },
  { name: 'work_comment_settings', key: ['work_id'] },
  { name: 'kudos', key: ['id'] },
  { name: 'comments', key: ['id'], deferred: ['parent_id'] },
  { name: 'bookmarks', key: ['id'] },
  { name: 'subscriptions', key: ['id'] },
  { name: 'notices', key: ['id'] },
  { name: 'notified_works', key: ['work_id'] },
  { name: 'later_works', key: ['account_id', 'work_id'] },
  { name: 'reading_history', key: ['account_id', 'work_id'] },
  { name: 'reader_settings', key: ['account_id'] },
  { name: 'account_relations', key: ['account_id', 'kind', 'target_account_id'] },
  { name: 'work_hits', key: ['work_id', 'day', 'viewer'] },
  { name: 'filter_profiles', key: ['account_id', 'name'] },
  { name: 'work_moderation', key: ['id'] },
  { name: 'api_tokens', key: ['id'] },
  { name: 'tag_audit', key: ['id'] },
  { name: 'rating_hints', key: ['work_id'] },
];

export interface TableSpec {
  name: string;
  key: readonly string[];
  deferred?: readonly string[];
}

/**
 * Tables an export leaves out: the migrator's bookkeeping, SQLite's own, the text-search tables
 * (FTS5 on SQLite, `search_pg_*` on PostgreSQL: derived, rebuilt by `quire reindex`), and the
 * per-deployment scratch tables of several processes (`change_log`, `rate_limits`).
 */
export function isExported(table: string): boolean {
  return !/^(kysely_|sqlite_|search_)/.test(table) && table !== 'change_log' && table !== 'rate_limits';
}

/** Settings rows an export leaves out: the text indexes' "complete" marks (derived data). */
export function isExportedSetting(key: string): boolean {
  return !key.startsWith('search.');
}

/** The base tables in the store (its own schema on PostgreSQL), by name. */
export async function listTables(store: Pick<Store, 'db' | 'dialect'>): Promise<string[]> {
  const rows = store.dialect === 'postgres'
    ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(store.db)).rows
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db)).rows;
  return rows.map((r) => r.name).sort();
}

/** A table's column names, sorted (so an export's column order is the same on every database). */
export async function columnsOf(store: Pick<Store, 'db' | 'dialect'>, table: string): Promise<string[]> {
  const rows = store.dialect === 'postgres'
    ? (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(store.db)).rows
    : (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(store.db)).rows;
  return rows.map((r) => r.name).sort();
}

/** The exported tables present in the store, in export order, each with its columns. */
export async function exportPlan(store: Pick<Store, 'db' | 'dialect'>): Promise<(TableSpec & { columns: string[] })[]> {
  const present = (await listTables(store)).filter(isExported);
  const known = TABLES.filter((t) => present.includes(t.name));
  const extra = present.filter((name) => !TABLES.some((t) => t.name === name)).map((name) => ({ name, key: [] as string[] }));
  return Promise.all([...known, ...extra].map(async (t) => ({ ...t, columns: await columnsOf(store, t.name) })));
}
