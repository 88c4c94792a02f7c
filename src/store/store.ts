import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { migrateUp } from './migrate.ts';

/**
 * The store seam. Domain code talks to `store.db` (a Kysely instance) through repositories
 * written in portable Kysely; only this file knows which database is behind it.
 * PostgreSQL will be a second `open…` here, chosen by configuration.
 */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  /** The raw SQLite handle, for SQLite-only features (FTS5, online backup); undefined on PostgreSQL. */
  readonly sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Data directory holding `quire.db`; or `:memory:` for tests. */
  dataDir: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

/** Opens (creating if needed) the SQLite database in `dataDir` and brings its schema up to date. */
export async function openStore(opts: OpenOptions): Promise<Store> {
  let file = ':memory:';
  if (opts.dataDir !== ':memory:') {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    file = path.join(opts.dataDir, 'quire.db');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (opts.migrate !== false) await migrateUp(db);
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}

/** A fresh in-memory store with the schema applied: the tests' default. */
export function memoryStore(): Promise<Store> {
  return openStore({ dataDir: ':memory:' });
}
