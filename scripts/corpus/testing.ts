import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { generateCorpus, type CorpusOptions, type CorpusSummary } from './generate.ts';

/** Test helpers: temporary archives and a content hash per table. */
export function tempDir(prefix = 'quire-corpus-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Generates an archive into a fresh temporary directory (no search reindex). */
export async function tempCorpus(opts: Partial<CorpusOptions> & { works: number }): Promise<{ dir: string; file: string; summary: CorpusSummary }> {
  const dir = tempDir();
  const summary = await generateCorpus({ dataDir: dir, seed: '1', text: { kind: 'full' }, reindex: false, ...opts });
  return { dir, file: path.join(dir, 'quire.db'), summary };
}

/** Tables that hold data (not the migrator's own bookkeeping, which carries timestamps). */
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock']);

/** sha256 of each table's rows, sorted, so row order and rowids do not matter. */
export function tableHashes(file: string): Record<string, string> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((t) => t.name)
      .filter((n) => !SKIP.has(n));
    const out: Record<string, string> = {};
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      out[t] = crypto.createHash('sha256').update(rows.join('\n')).digest('hex');
    }
    return out;
  } finally {
    db.close();
  }
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
