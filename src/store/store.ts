import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { QuireError } from '../errors.ts';
import type { Database } from './schema.ts';
import { migrateUp } from './migrate.ts';
import { guardNul } from './nul-guard.ts';
import { createScratchSchema, dropSchema, isPostgresUrl, maskUrl, pgKysely, pgPool } from './pg.ts';

/**
 * The store seam. Domain code talks to `store.db` (a Kysely instance) through repositories
 * written in portable Kysely; only this file (and src/store/pg.ts) knows which database is
 * behind it: SQLite (better-sqlite3, the default) or PostgreSQL (pg), chosen by
 * `QUIRE_DATABASE_URL`.
 */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  /** The raw SQLite handle, for SQLite-only features (FTS5, online backup); undefined on PostgreSQL. */
  readonly sqlite?: SQLite.Database;
  /** Where the data is, for messages: a file path, `:memory:`, or the PostgreSQL URL with its password masked. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Data directory holding `quire.db`; or `:memory:` for tests. Unused on PostgreSQL. */
  dataDir: string;
  /** `postgres://…`: use PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** PostgreSQL: the schema to use (search_path); default the server's default (`public`). */
  schema?: string;
  /** PostgreSQL: most pooled connections (default 10). */
  poolSize?: number;
  /** PostgreSQL: close pooled connections idle this long (default 10 s). */
  idleMs?: number;
}

/** Opens (creating if needed) the archive's database and brings its schema up to date. */
export async function openStore(opts: OpenOptions): Promise<Store> {
  if (opts.databaseUrl) return openPostgresStore(opts, opts.databaseUrl);
  return openSqliteStore(opts);
}

async function openSqliteStore(opts: OpenOptions): Promise<Store> {
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
  const db = new Kysely<Database>({ dialect: guardNul(new SqliteDialect({ database: sqlite })) });
  if (opts.migrate !== false) await migrateUp(db);
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    location: file,
    async close() {
      await db.destroy();
    },
  };
}

/** An existing SQLite database file (a `quire backup --sqlite` copy), read-only, as it is: no migrations. */
export function openSqliteFile(file: string): Store {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, location: file, close: () => db.destroy() };
}

async function openPostgresStore(opts: OpenOptions, url: string, onClose?: () => Promise<void>): Promise<Store> {
  if (!isPostgresUrl(url)) throw new QuireError('config_invalid', `QUIRE_DATABASE_URL must start with postgres:// or postgresql://, got "${maskUrl(url)}"`);
  const db = pgKysely(pgPool({ url, schema: opts.schema, poolSize: opts.poolSize, idleMs: opts.idleMs }));
  try {
    if (opts.migrate !== false) await migrateUp(db);
  } catch (err) {
    await db.destroy();
    await onClose?.();
    throw err;
  }
  return {
    db,
    dialect: 'postgres',
    location: maskUrl(url) + (opts.schema ? ` (schema ${opts.schema})` : ''),
    async close() {
      await db.destroy();
      await onClose?.();
    },
  };
}

/** Which database the tests use: SQLite unless `QUIRE_TEST_STORE=postgres` (with `QUIRE_TEST_PG_URL`). */
export function testStoreKind(env: NodeJS.ProcessEnv = process.env): 'sqlite' | 'postgres' {
  if (env.QUIRE_TEST_STORE !== 'postgres') return 'sqlite';
  if (!env.QUIRE_TEST_PG_URL) throw new QuireError('config_invalid', 'QUIRE_TEST_STORE=postgres needs QUIRE_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  return 'postgres';
}

/**
 * A fresh PostgreSQL store in its own new schema (`quire_test_…`) with the schema applied; the
 * schema is dropped on close. For tests and for checking an export against a scratch database.
 */
export async function scratchPostgresStore(url: string, opts: { migrate?: boolean } = {}): Promise<Store> {
  const schema = await createScratchSchema(url);
  let store: Store | undefined;
  store = await openPostgresStore({ dataDir: ':memory:', schema, poolSize: 4, idleMs: 1000, migrate: opts.migrate }, url, async () => {
    if (store) unclosed.delete(store);
    await dropSchema(url, schema);
  });
  unclosed.add(store);
  if (unclosed.size === 1 && !cleanupHooked) {
    cleanupHooked = true;
    // Tests often leave their archive open: drop their schemas when the process is about to exit.
    process.on('beforeExit', () => {
      if (unclosed.size > 0) void Promise.allSettled([...unclosed].map((s) => s.close()));
    });
  }
  return store;
}

const unclosed = new Set<Store>();
let cleanupHooked = false;

/**
 * A fresh empty store with the schema applied: the tests' default. In-memory SQLite, or, when
 * `QUIRE_TEST_STORE=postgres`, a scratch schema on `QUIRE_TEST_PG_URL` (dropped on close).
 */
export function memoryStore(opts: { migrate?: boolean } = {}): Promise<Store> {
  if (testStoreKind() === 'postgres') return scratchPostgresStore(process.env.QUIRE_TEST_PG_URL!, opts);
  return openStore({ dataDir: ':memory:', migrate: opts.migrate });
}
