import crypto from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, sql, type DialectAdapter, type DatabaseIntrospector, type DatabaseMetadata, type SchemaMetadata, type TableMetadata } from 'kysely';
import { QuireError } from '../errors.ts';
import { logger } from '../log.ts';
import { guardNul } from './nul-guard.ts';
import type { Database } from './schema.ts';

/** PostgreSQL type ids whose text form Quire reads as JS numbers: int8 (COUNT, bigint columns) and numeric (SUM). */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * Per-pool type parsers (the global `pg.types` stay untouched): int8 and numeric arrive as
 * numbers, as they do from SQLite. Quire's ids, counts and millisecond clocks fit in 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

export interface PgOptions {
  url: string;
  /** Schema to work in (search_path of every pooled connection); default: the server's default. */
  schema?: string;
  /** Most connections this process holds (default 10). */
  poolSize?: number;
  /** Close a connection idle this long (default 10 s; tests use less, since they leave stores open). */
  idleMs?: number;
}

/** Whether `url` names a PostgreSQL database (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The URL with its password masked, for messages and logs. */
export function maskUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new QuireError('config_invalid', `invalid PostgreSQL schema name "${name}"`);
  return `"${name}"`;
}

/** A pg Pool on `url`, every connection's search_path set to `schema` when given. */
export function pgPool(opts: PgOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    idleTimeoutMillis: opts.idleMs ?? 10_000,
    types,
    // Tests that never close their store must not keep the process alive.
    allowExitOnIdle: true,
    ...(opts.schema ? { options: `-c search_path=${quoteIdent(opts.schema)}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => logger('store').warn({ err: err.message }, 'an idle PostgreSQL connection failed'));
  return pool;
}

/** Kysely over a pg Pool. */
export function pgKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: guardNul(new ScopedPostgresDialect({ pool })) });
}

/**
 * PostgresDialect whose introspector sees only the current schema. Kysely's own reads every
 * schema's columns and resolves names (`has_schema_privilege`), which is slow on a database with
 * many schemas and fails when another process drops a schema meanwhile (parallel test runs).
 * The migrator is its only user: it asks which schemas and tables exist.
 */
class ScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new ScopedIntrospector(db);
  }

  override createAdapter(): DialectAdapter {
    return new ScopedPostgresAdapter();
  }
}

/** Kysely's migration lock is one advisory lock for the whole server; this one is per schema. */
class ScopedPostgresAdapter extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<any>): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext('quire.migrate.' || current_schema()))`.execute(db);
  }
}

class ScopedIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return rows.filter((r) => r.name !== null);
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** Runs one statement on a short-lived connection (schema create/drop outside the pool). */
async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, uniquely named schema (`quire_test_…`) for one test store; returns its name. */
export async function createScratchSchema(url: string, prefix = 'quire_test'): Promise<string> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${quoteIdent(name)}`);
  return name;
}

/** Drops a schema made by `createScratchSchema`, with everything in it. */
export async function dropSchema(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
}
