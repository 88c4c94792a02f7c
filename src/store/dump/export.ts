import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { QuireError } from '../../errors.ts';
import { schemaVersion } from '../migrate.ts';
import type { Db } from '../schema.ts';
import type { Store } from '../store.ts';
import { exportPlan, isExportedSetting } from './tables.ts';

/**
 * Quire's own export format, which either database reads back (`quire backup`, `quire restore`,
 * `quire move`). A gzip'd file of JSON lines:
 *
 *     {"format":"quire-export","version":1,"schemaVersion":"0011_change_log"}
 *     {"table":"works","columns":["bookmarks_count","chapter_count",…]}
 *     [0,1,…]                                  one line per row, values in `columns` order
 *     …
 *     {"end":true,"tables":35,"rows":1234}
 *
 * Tables come in dependency order (src/store/dump/tables.ts), rows by primary key, columns by
 * name, and nothing depends on the time or the database: the same archive gives the same bytes
 * on SQLite and on PostgreSQL. Text-search tables are left out (rebuilt by `quire reindex`).
 */
export const EXPORT_FORMAT = 'quire-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  schemaVersion: string;
}

export interface ExportCounts {
  tables: number;
  rows: number;
}

/** Rows read per query: chapters carry up to half a megabyte of text each, so fewer of them. */
const pageSize = (table: string) => (table === 'chapters' ? 100 : 2000);

/** Writes every exported row of `store` through `write`, one JSON line at a time, from one snapshot. */
export async function exportLines(store: Pick<Store, 'db' | 'dialect'>, write: (line: string) => Promise<void>): Promise<ExportCounts> {
  const version = await schemaVersion(store.db);
  if (!version) throw new QuireError('export_invalid', 'the database has no schema yet: there is nothing to export');
  const plan = await exportPlan(store);
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, schemaVersion: version };
  await write(JSON.stringify(header));
  let rows = 0;
  const run = async (trx: Db) => {
    for (const table of plan) {
      await write(JSON.stringify({ table: table.name, columns: table.columns }));
      const order = table.key.length > 0 ? table.key : table.columns;
      const PAGE = pageSize(table.name);
      for (let offset = 0; ; offset += PAGE) {
        let q = trx.selectFrom(table.name as 'works').select(table.columns.map((c) => sql.ref(c).as(c)));
        for (const c of order) q = q.orderBy(sql.ref(c));
        const page = (await q.limit(PAGE).offset(offset).execute()) as Record<string, unknown>[];
        for (const row of page) {
          if (table.name === 'settings' && !isExportedSetting(String(row.key))) continue;
          await write(JSON.stringify(table.columns.map((c) => plain(row[c], table.name, c))));
          rows++;
        }
        if (page.length < PAGE) break;
      }
    }
  };
  // One snapshot: a repeatable-read transaction on PostgreSQL, a read transaction on SQLite.
  if (store.dialect === 'postgres') await store.db.transaction().setIsolationLevel('repeatable read').execute(run);
  else await store.db.transaction().execute(run);
  await write(JSON.stringify({ end: true, tables: plan.length, rows }));
  return { tables: plan.length, rows };
}

function plain(v: unknown, table: string, column: string): string | number | null {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  throw new QuireError('internal', `cannot export ${table}.${column}: unexpected ${typeof v} value`);
}

/** Exports `store` to `file` (gzip'd JSON lines; see above). */
export async function writeExport(store: Pick<Store, 'db' | 'dialect'>, file: string): Promise<ExportCounts> {
  const gz = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gz.pipe(out);
  try {
    const counts = await exportLines(store, async (line) => {
      if (!gz.write(`${line}\n`)) await once(gz, 'drain');
    });
    gz.end();
    await finished(out);
    return counts;
  } catch (err) {
    gz.destroy();
    out.destroy();
    fs.rmSync(file, { force: true });
    throw err;
  }
}
