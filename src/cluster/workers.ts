import cluster, { type Worker } from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { openArchive, type Archive } from '../archive.ts';
import type { Config } from '../config/config.ts';
import { loadDemoIfEmpty } from '../demo/demo.ts';
import { QuireError } from '../errors.ts';
import { logger } from '../log.ts';
import { checkSharedKeys, ensureKeyFiles } from './shared-keys.ts';

const log = logger('cluster');

/** Most web processes `--workers` accepts. */
export const MAX_WORKERS = 64;
/** How long a shutdown waits for requests under way before it ends the workers. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** A worker that lived this long before it crashed is restarted at once; quicker crashes back off. */
const STABLE_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

const workersSchema = z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_WORKERS, `must be at most ${MAX_WORKERS}`);

/** `--workers` as a number, or `config_invalid` naming the flag. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  const parsed = workersSchema.safeParse(value);
  if (!parsed.success) throw new QuireError('config_invalid', `--workers ${parsed.error.issues[0]?.message ?? 'is invalid'} (got "${value}")`);
  return parsed.data;
}

/**
 * The primary of `quire serve --workers N` (docs/scaling.md): prepares the database once
 * (migrations, the demo library, the full-text index, the shared keys), then forks N workers that
 * each run the whole app on the same port (node:cluster hands connections round). A worker that
 * dies is started again (after a growing pause if it keeps dying young). SIGTERM or SIGINT asks
 * every worker to finish its requests and stop, and ends those still running after
 * `SHUTDOWN_GRACE_MS`.
 */
export async function runPrimary(config: Config, workers: number): Promise<void> {
  const archive = await openArchive(config);
  try {
    const loaded = await loadDemoIfEmpty(archive);
    if (loaded > 0) log.info({ works: loaded }, 'loaded the demo library');
    ensureKeyFiles(config.dataDir);
    await checkSharedKeys(archive.store, config.dataDir);
    await archive.search.prepare();
  } finally {
    await archive.close();
  }

  let stopping = false;
  let backoff = 0;
  const started = new Map<Worker, number>();
  const fork = (): void => {
    const worker = cluster.fork({ QUIRE_WORKER: '1' });
    // A message to a worker whose channel just closed (it is exiting) is not worth a crash.
    worker.on('error', (err: Error) => log.warn({ pid: worker.process.pid, err: err.message }, 'worker channel error'));
    started.set(worker, Date.now());
  };
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? Date.now());
    started.delete(worker);
    if (stopping) return;
    backoff = lived > STABLE_MS ? 0 : Math.min(MAX_BACKOFF_MS, Math.max(500, backoff * 2));
    log.error({ pid: worker.process.pid, code, signal, restartInMs: backoff }, 'a worker stopped; starting another');
    setTimeout(fork, backoff);
  });
  cluster.on('listening', (worker, address) => log.info({ pid: worker.process.pid, port: address.port }, 'worker listening'));

  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: started.size }, 'stopping the workers');
    for (const worker of started.keys()) {
      // Workers share the terminal's process group: on Ctrl-C they got SIGINT already.
      if (worker.isConnected()) worker.send('shutdown');
      else worker.kill('SIGTERM');
    }
    const force = setTimeout(() => {
      for (const worker of started.keys()) worker.kill('SIGKILL');
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    const done = setInterval(() => {
      if (started.size > 0) return;
      clearInterval(done);
      log.info('all workers stopped');
      process.exit(0);
    }, 100);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  for (let i = 0; i < workers; i++) fork();
  log.info({ workers, port: config.port }, 'Quire is serving with several workers');
}

/** Whether this process is a worker forked by `runPrimary`. */
export function isWorker(): boolean {
  return cluster.isWorker;
}

/**
 * Stops a serving process cleanly on SIGTERM, SIGINT, or the primary's `shutdown` message:
 * the server stops taking connections and finishes the requests under way, then the archive
 * closes. A second signal ends the process at once.
 */
export function stopGracefully(app: FastifyInstance, archive: Archive): void {
  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    log.info({ why, pid: process.pid }, 'stopping');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    void (async () => {
      try {
        await app.close();
        await archive.close();
      } catch (err) {
        log.error({ err }, 'error while stopping');
      }
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('message', (msg) => {
    if (msg === 'shutdown') stop('shutdown');
  });
}
