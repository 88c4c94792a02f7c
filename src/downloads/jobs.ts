import { isQuireError } from '../errors.ts';
import { logger } from '../log.ts';

/**
 * A small in-process queue for slow downloads (calibre conversions, long PDFs): jobs run one
 * at a time (or `concurrency`), each key at most once while queued or running. A job's failure
 * is remembered until someone asks for it, so the reader sees it once and can try again.
 */

const log = logger('downloads');

export class JobQueue {
  private readonly waiting: { key: string; run: () => Promise<unknown> }[] = [];
  private readonly running = new Set<string>();
  private readonly failures = new Map<string, string>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency = 1,
    /** Most jobs waiting at once; more are refused (`enqueue` returns false). */
    private readonly maxWaiting = 50,
  ) {}

  /** Whether `key` is waiting or running. */
  has(key: string): boolean {
    return this.running.has(key) || this.waiting.some((j) => j.key === key);
  }

  /** Queues `run` under `key` unless it is already there; false when the queue is full. */
  enqueue(key: string, run: () => Promise<unknown>): boolean {
    if (this.has(key)) return true;
    if (this.waiting.length >= this.maxWaiting) return false;
    this.failures.delete(key);
    this.waiting.push({ key, run });
    this.pump();
    return true;
  }

  /** The failure message of the last run of `key`, cleared by reading it. */
  takeFailure(key: string): string | undefined {
    const message = this.failures.get(key);
    this.failures.delete(key);
    return message;
  }

  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.running.size === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running.add(job.key);
      void this.execute(job.key, job.run);
    }
    if (this.running.size === 0 && this.waiting.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async execute(key: string, run: () => Promise<unknown>): Promise<void> {
    const started = Date.now();
    try {
      await run();
      log.info({ job: key, ms: Date.now() - started }, 'download made');
    } catch (err) {
      const message = isQuireError(err) ? err.message : 'the file could not be made';
      if (isQuireError(err)) log.warn({ job: key, code: err.code }, err.message);
      else log.error({ err, job: key }, 'download job failed');
      this.failures.set(key, message);
    } finally {
      this.running.delete(key);
      this.pump();
    }
  }
}
