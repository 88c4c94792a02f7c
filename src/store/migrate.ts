import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { QuireError } from '../errors.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { PgDdlPlugin } from './pg-ddl.ts';

/** Whether `db` talks to PostgreSQL. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The migrator for `db`. On PostgreSQL the migrations run through `PgDdlPlugin` (SQLite column
 * types translated, src/store/pg-ddl.ts), and Kysely's bookkeeping tables live in the store's
 * own schema (the first on its search_path), so scratch schemas never see each other's.
 */
async function migrator(db: Kysely<any>): Promise<Migrator> {
  const provider = { getMigrations: async () => MIGRATIONS };
  if (!isPostgres(db)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new QuireError('config_invalid', 'the PostgreSQL search_path names no existing schema');
  return new Migrator({ db: db.withPlugin(new PgDdlPlugin()), provider, migrationTableSchema: schema });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const why = result.error instanceof Error ? result.error.message : String(result.error);
    throw new QuireError('internal', `migration ${failed?.migrationName ?? '(unknown)'} failed: ${why}`);
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

/** Applies every pending migration; returns one line per migration run. */
export async function migrateUp(db: Kysely<any>): Promise<string[]> {
  return check(await (await migrator(db)).migrateToLatest());
}

/** Reverts the newest applied migration. */
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return check(await (await migrator(db)).migrateDown());
}

/** Migrates up or down until `name` is the newest applied migration (restoring an older export). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  return check(await (await migrator(db)).migrateTo(name));
}

/** The newest applied migration's name, or null on an empty database. */
export async function schemaVersion(db: Kysely<any>): Promise<string | null> {
  return (await migrationStatus(db)).filter((m) => m.applied).at(-1)?.name ?? null;
}

/** Each known migration and whether it is applied. */
export async function migrationStatus(db: Kysely<any>): Promise<{ name: string; applied: boolean }[]> {
  const list = await (await migrator(db)).getMigrations();
  return list.map((m) => ({ name: m.name, applied: m.executedAt !== undefined }));
}
