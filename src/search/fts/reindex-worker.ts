import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { loadWorkDocs } from './documents.ts';
import { workRows, type WorkRows } from './rows.ts';
import { extractWork } from '../postings/extract.ts';
import { PostingsBuilder, type BuiltRows } from '../postings/builder.ts';
import { KeySet, type KeyRow } from '../postings/keys.ts';

/**
 * The reading half of `reindexAll` (reindex.ts), in a worker thread: loads the works' documents on
 * its own read-only connection and prepares their rows (and extracts their frequency postings),
 * batch by batch, while the main thread writes the previous batch into FTS5 and the postings. At most `ahead` batches are in flight (the main thread
 * sends 'next' for each one it has written), so memory stays bounded.
 */
export interface ReindexWorkerData {
  file: string;
  ids: number[];
  batch: number;
  ahead: number;
  /** Send the prepared rows (for FTS5); false when only the postings are rebuilt. */
  rows: boolean;
  /** The postings' keys: each work's postings are extracted here too (null: none). */
  keys: KeyRow[] | null;
}

export type ReindexWorkerMessage = { kind: 'rows'; rows: WorkRows[]; works: number; postings: BuiltRows | null } | { kind: 'done' } | { kind: 'error'; message: string };

const data = workerData as ReindexWorkerData;
const port = parentPort!;
const sqlite = new SQLite(data.file, { readonly: true, fileMustExist: true });
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
const keys = data.keys ? KeySet.from(data.keys) : null;
/** The postings' blocks are built here too (works come in id order); the main thread only writes them. */
const builder = keys ? new PostingsBuilder() : null;

let credits = data.ahead;
let next = 0;
let busy = false;
let finished = false;

async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    while (credits > 0 && next < data.ids.length) {
      credits--;
      const ids = data.ids.slice(next, next + data.batch);
      next += data.batch;
      const rows = (await loadWorkDocs(db, ids)).map(workRows);
      let postings: BuiltRows | null = null;
      if (keys && builder) {
        for (const r of rows) builder.add(extractWork(r, keys));
        postings = builder.take(next >= data.ids.length);
      }
      port.postMessage({ kind: 'rows', rows: data.rows ? rows : [], works: rows.length, postings } satisfies ReindexWorkerMessage);
    }
    if (next >= data.ids.length && !finished) {
      finished = true;
      port.postMessage({ kind: 'done' } satisfies ReindexWorkerMessage);
      await db.destroy();
    }
  } catch (err) {
    port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ReindexWorkerMessage);
  } finally {
    busy = false;
  }
}

port.on('message', () => {
  credits++;
  void pump();
});
void pump();
