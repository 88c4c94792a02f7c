import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { archiveOn } from '../../archive.ts';
import type { Config } from '../../config/config.ts';
import { QuireError } from '../../errors.ts';
import { writeExport } from '../../store/dump/export.ts';
import { restoreExport } from '../../store/dump/restore.ts';
import { migrateDown, migrateUp, migrationStatus } from '../../store/migrate.ts';
import { isPostgresUrl, maskUrl } from '../../store/pg.ts';
import { openSqliteFile, openStore, type Store } from '../../store/store.ts';
import { commandConfig } from '../context.ts';

/**
 * The database's life: `quire migrate up|down|status`, `quire backup FILE`, `quire restore FILE`
 * and `quire move --to URL|DIR` (SQLite ↔ PostgreSQL). See docs/operating.md.
 */
export function registerStore(program: Command): void {
  const migrate = program.command('migrate').description('apply, revert or list the database migrations');
  migrate.command('up').description('apply every pending migration').action(async (_o, cmd: Command) => {
    await withStore(cmd, false, async (store) => {
      const lines = await migrateUp(store.db);
      out(lines.length ? lines.join('\n') : `up to date (${store.location})`);
    });
  });
  migrate.command('down').description('revert the newest applied migration (its tables and their rows are dropped)').action(async (_o, cmd: Command) => {
    await withStore(cmd, false, async (store) => {
      const lines = await migrateDown(store.db);
      out(lines.length ? lines.join('\n') : 'nothing to revert');
    });
  });
  migrate.command('status').description('list every migration and whether it is applied').action(async (_o, cmd: Command) => {
    await withStore(cmd, false, async (store) => {
      out(`${store.location}\n${(await migrationStatus(store.db)).map((m) => `${m.applied ? '[x]' : '[ ]'} ${m.name}`).join('\n')}`);
    });
  });

  program
    .command('backup <file>')
    .description('write the whole archive to FILE in Quire\'s export format (either database restores it); --sqlite: a copy of the SQLite database file')
    .option('--sqlite', 'SQLite only: an online backup of the database file instead of an export')
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string, opts: { sqlite?: boolean; force?: boolean }, cmd: Command) => {
      if (fs.existsSync(file) && !opts.force) throw new QuireError('bad_request', `${file} already exists (use --force to overwrite it)`);
      await withStore(cmd, true, async (store) => {
        if (opts.sqlite) {
          if (!store.sqlite) throw new QuireError('bad_request', '--sqlite backs up a SQLite database; this archive is on PostgreSQL: leave out --sqlite for an export');
          await store.sqlite.backup(file);
          out(`backed up the SQLite database to ${file}`);
          return;
        }
        const c = await writeExport(store, file);
        out(`exported ${c.rows} rows of ${c.tables} tables to ${file}`);
      });
    });

  program
    .command('restore <file>')
    .description('read a backup (export or SQLite file) into the configured database, which must be empty; then rebuild the search index')
    .action(async (file: string, _o, cmd: Command) => {
      if (!fs.existsSync(file)) throw new QuireError('not_found', `${file}: no such file`);
      const config = commandConfig(cmd);
      await withStore(cmd, true, async (store) => {
        const c = await restoreFile(store, file);
        out(`restored ${c.rows} rows of ${c.tables} tables into ${store.location}`);
        await reindex(config, store);
      });
    });

  program
    .command('move')
    .description('copy the whole archive into another, empty database: --to postgres://… or --to DIR (SQLite); the export is checked byte for byte')
    .requiredOption('--to <target>', 'postgres://user:pass@host/db, or a data directory for SQLite')
    .action(async (opts: { to: string }, cmd: Command) => {
      const config = commandConfig(cmd);
      const target = isPostgresUrl(opts.to) ? { dataDir: config.dataDir, databaseUrl: opts.to } : { dataDir: path.resolve(opts.to) };
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-move-'));
      try {
        await withStore(cmd, true, async (source) => {
          const to = await openStore(target);
          try {
            if (to.location === source.location) throw new QuireError('bad_request', `--to names the archive's own database (${to.location})`);
            const first = path.join(tmp, 'source.quire.gz');
            const again = path.join(tmp, 'target.quire.gz');
            const c = await writeExport(source, first);
            await restoreExport(to, first);
            await writeExport(to, again);
            if (!(await sameBytes(first, again))) throw new QuireError('internal', 'the moved archive does not export the same as the original; keep using the original');
            out(`moved ${c.rows} rows of ${c.tables} tables to ${to.location}; verified: both export the same bytes`);
            await reindex({ ...config, ...target }, to);
            out(isPostgresUrl(opts.to) ? `now set QUIRE_DATABASE_URL=${maskUrl(opts.to)} and restart Quire` : `now unset QUIRE_DATABASE_URL and set QUIRE_DATA=${target.dataDir}, then restart Quire`);
          } finally {
            await to.close();
          }
        });
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
}

/**
 * Whether two files hold the same bytes, compared in 1 MiB pieces (an archive's export is larger
 * than the 2 GiB `readFileSync` can read at 100 k works).
 */
export async function sameBytes(a: string, b: string): Promise<boolean> {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  const [fa, fb] = [await fs.promises.open(a, 'r'), await fs.promises.open(b, 'r')];
  try {
    const [ba, bb] = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)];
    for (let at = 0; ; at += ba.length) {
      const [ra, rb] = [await fa.read(ba, 0, ba.length, at), await fb.read(bb, 0, bb.length, at)];
      if (ra.bytesRead !== rb.bytesRead) return false;
      if (ra.bytesRead === 0) return true;
      if (!ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
    }
  } finally {
    await fa.close();
    await fb.close();
  }
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function withStore(cmd: Command, migrate: boolean, fn: (store: Store) => Promise<void>): Promise<void> {
  const config = commandConfig(cmd);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, migrate });
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

/** A Quire export (gzip) or a SQLite database file (`quire backup --sqlite`), restored into `store`. */
async function restoreFile(store: Store, file: string) {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (head[0] === 0x1f && head[1] === 0x8b) return restoreExport(store, file);
  if (head.toString('latin1') !== 'SQLite format 3\0') throw new QuireError('export_invalid', `${file}: neither a Quire export nor a SQLite database`);
  const source = openSqliteFile(file);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-restore-'));
  try {
    const exported = path.join(tmp, 'export.quire.gz');
    await writeExport(source, exported);
    return await restoreExport(store, exported);
  } finally {
    await source.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Rebuilds the search index of a restored archive (text-search tables are not in an export). */
async function reindex(config: Config, store: Store): Promise<void> {
  const archive = archiveOn({ ...config, demo: false }, store);
  try {
    await archive.search.prepare();
    out('search index rebuilt');
  } finally {
    await archive.mailer.close();
  }
}
