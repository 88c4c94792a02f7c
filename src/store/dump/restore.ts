import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { QuireError } from '../../errors.ts';
import { migrateTo, migrateUp, schemaVersion } from '../migrate.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import type { Db } from '../schema.ts';
import type { Store } from '../store.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportCounts } from './export.ts';
import { exportPlan, isExported, listTables, TABLES } from './tables.ts';

/**
 * Reads an export (src/store/dump/export.ts) into an empty database of either kind, in one
 * transaction. The target is brought to the export's schema version first (an export from an
 * older Quire restores, then migrates up). On PostgreSQL the id sequences are moved past the
 * restored ids. Text-search tables are not in an export: the caller runs a reindex afterwards
 * (the search module also notices at start-up, since the "index complete" marks are cleared).
 */
export async function restoreLines(store: Store, lines: AsyncIterable<string>, where = 'export'): Promise<ExportCounts> {
  const it = lines[Symbol.asyncIterator]();
  let lineNo = 0;
  const next = async (): Promise<unknown> => {
    const r = await it.next();
    if (r.done) throw bad(`${where}: ends early at line ${lineNo} (the file is truncated)`);
    lineNo++;
    try {
      return JSON.parse(r.value);
    } catch {
      throw bad(`${where}, line ${lineNo}: not JSON`);
    }
  };
  const header = (await next()) as { format?: unknown; version?: unknown; schemaVersion?: unknown };
  if (header?.format !== EXPORT_FORMAT) throw bad(`${where}: not a Quire export (line 1 has no "format":"${EXPORT_FORMAT}")`);
  if (header.version !== EXPORT_VERSION) throw bad(`${where}: export format version ${String(header.version)}; this Quire reads version ${EXPORT_VERSION}`);
  const version = String(header.schemaVersion);
  if (!(version in MIGRATIONS)) throw bad(`${where}: made by a newer Quire (schema ${version}); upgrade Quire, then restore`);

  await assertEmpty(store);
  const current = await schemaVersion(store.db);
  if (current !== version) await migrateTo(store.db, version);
  try {
    const known = new Map((await exportPlan(store)).map((t) => [t.name, t.columns]));
    return await store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('settings').execute();
      let tables = 0;
      let rows = 0;
      let line = await next();
      while (!isEnd(line)) {
        const section = line as { table?: unknown; columns?: unknown };
        if (typeof section?.table !== 'string' || !Array.isArray(section.columns)) throw bad(`${where}, line ${lineNo}: expected a table header`);
        const table = section.table;
        const columns = section.columns.map(String);
        const expected = known.get(table);
        if (!expected) throw bad(`${where}, line ${lineNo}: table "${table.slice(0, 60)}" is not one this database restores`);
        if (columns.join() !== expected.join()) throw bad(`${where}, line ${lineNo}: the columns of ${table} (${columns.join(', ')}) are not this database's (${expected.join(', ')})`);
        const sectionLine = lineNo;
        const deferred = TABLES.find((t) => t.name === table)?.deferred?.filter((c) => columns.includes(c)) ?? [];
        const later: Record<string, unknown>[] = [];
        let batch: Record<string, unknown>[] = [];
        const size = Math.max(1, Math.floor(8000 / Math.max(1, columns.length)));
        const flush = async () => {
          if (batch.length > 0) {
            await trx.insertInto(table as 'works').values(batch as never).execute().catch((err: Error) => {
              throw bad(`${where}: the rows of ${table} (from line ${sectionLine}) do not fit: ${err.message}`);
            });
          }
          batch = [];
        };
        for (line = await next(); Array.isArray(line); line = await next()) {
          if (line.length !== columns.length) throw bad(`${where}, line ${lineNo}: ${line.length} values for ${columns.length} columns of ${table}`);
          const values = line;
          const row = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
          if (deferred.some((c) => row[c] !== null)) {
            later.push({ ...row });
            for (const c of deferred) row[c] = null;
          }
          batch.push(row);
          rows++;
          if (batch.length >= size) await flush();
        }
        await flush();
        await setDeferred(trx, table, later, deferred);
        tables++;
      }
      const end = line as { tables?: unknown; rows?: unknown };
      if (end.tables !== tables || end.rows !== rows) throw bad(`${where}: the end line counts ${String(end.tables)} tables and ${String(end.rows)} rows, but ${tables} and ${rows} were read`);
      if (store.dialect === 'postgres') await resetSequences(trx);
      return { tables, rows };
    });
  } finally {
    // An export from an older Quire: bring the database up to date (also after a failed restore).
    if (current !== version) await migrateUp(store.db);
  }
}

function isEnd(line: unknown): boolean {
  return typeof line === 'object' && line !== null && !Array.isArray(line) && (line as { end?: unknown }).end === true;
}

function bad(message: string): QuireError {
  return new QuireError('export_invalid', message);
}

/** Self-references (a tag's synonym, a comment's parent) set once all of the table's rows exist. */
async function setDeferred(trx: Db, table: string, rows: Record<string, unknown>[], deferred: readonly string[]): Promise<void> {
  for (const row of rows) {
    const set = Object.fromEntries(deferred.map((c) => [c, row[c]]));
    await trx.updateTable(table as 'tags').set(set as never).where(sql.ref('id'), '=', row.id).execute();
  }
}

/** Moves each identity column's sequence past the largest id restored. */
async function resetSequences(trx: Db): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(trx);
  for (const r of rows) {
    await sql`select setval(pg_get_serial_sequence(${r.table_name}, ${r.column_name}), coalesce((select max(${sql.ref(r.column_name)}) from ${sql.table(r.table_name)}), 0) + 1, false)`.execute(trx);
  }
}

/** Refuses a target that holds any archive data (settings aside, which a restore replaces). */
async function assertEmpty(store: Store): Promise<void> {
  for (const table of (await listTables(store)).filter(isExported)) {
    if (table === 'settings') continue;
    const row = await store.db.selectFrom(table as 'works').select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) throw new QuireError('restore_not_empty', `the target database is not empty (table ${table} has rows); restore only into a new, empty database (${store.location})`);
  }
}

/** The lines of a gzip'd export file. */
export function exportFileLines(file: string): AsyncIterable<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

/** Restores an export file into `store` (see `restoreLines`). */
export async function restoreExport(store: Store, file: string): Promise<ExportCounts> {
  return restoreLines(store, exportFileLines(file), file);
}
