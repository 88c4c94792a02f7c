import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { QuireError } from '../errors.ts';
import { MIGRATIONS } from './migrations/index.ts';

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
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
  return check(await migrator(db).migrateToLatest());
}

/** Reverts the newest applied migration. */
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return check(await migrator(db).migrateDown());
}

/** Each known migration and whether it is applied. */
export async function migrationStatus(db: Kysely<any>): Promise<{ name: string; applied: boolean }[]> {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, applied: m.executedAt !== undefined }));
}
