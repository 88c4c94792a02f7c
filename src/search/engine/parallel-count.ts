import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { logger } from '../../log.ts';
import { CHUNK, CLOSED, CTL, SCRATCH, countRange, type CountWorkerData } from './count-range.ts';

const log = logger('search');

/** Sets of at least this many works are counted on two threads (smaller ones are not worth the hand-off). */
export const PARALLEL_FROM = 16_384;

/** Lists as large as this (tag assignments) get their head lists in shared memory, ready for a worker. */
export const SHARE_FROM = 1 << 20;

const workers = new FinalizationRegistry<Worker>((worker) => void worker.terminate());

/**
 * Facet counting over the works' head lists (engine/tag-lists.ts) on two threads: one worker
 * thread, started with large lists, shares the lists (SharedArrayBuffers) and its own
 * counters. A count writes the works to a shared array, wakes the worker, and both threads claim
 * chunks of 2,048 works from a shared cursor until none is left; then the main thread waits for
 * the chunk the worker may still be on (never for a worker that has not woken: it finds no
 * chunks left) and adds the worker's counters to its own. A result of 100,000 works at 1 M works
 * takes about half as long. On a machine with one core, or when the worker cannot start, the
 * main thread counts alone.
 */
export class ParallelCounter {
  private worker: Worker | null = null;
  private failed = availableParallelism() < 2;
  private readyPromise: Promise<void> | null = null;
  private readonly ctl = new Int32Array(new SharedArrayBuffer(CTL.length * 4));
  private works: Uint32Array | null = null;
  private counts: Uint32Array | null = null;
  private readonly scratch = new Uint32Array(SCRATCH);

  constructor(
    private readonly offsets: Uint32Array,
    /** Lists of two-byte codes (the head lists of engine/tag-lists.ts). */
    private readonly data: Uint16Array,
    /** Codes in `data` are below this. */
    private readonly codes: number,
    /** Owner whose collection ends the worker. */
    owner: object,
    /** Sets of at least this many works go to two threads (tests make it small). */
    readonly from = PARALLEL_FROM,
    /** How long a count waits for the worker's last chunk before giving the worker up (tests make it short). */
    private readonly waitMs = 10_000,
  ) {
    this.owner = new WeakRef(owner);
  }

  private readonly owner: WeakRef<object>;

  /** Chunks the worker has counted (tests). */
  get workerChunks(): number {
    return Atomics.load(this.ctl, CTL.workerChunks);
  }

  /** Starts the worker (if it can run) and resolves when it waits for work. */
  ready(): Promise<void> {
    this.start();
    return this.readyPromise ?? Promise.resolve();
  }

  private start(): boolean {
    if (this.failed) return false;
    if (this.worker) return true;
    if (!(this.offsets.buffer instanceof SharedArrayBuffer) || !(this.data.buffer instanceof SharedArrayBuffer)) return false;
    try {
      this.works = new Uint32Array(new SharedArrayBuffer(Math.max(1, this.offsets.length) * 4));
      this.counts = new Uint32Array(new SharedArrayBuffer(Math.max(1, this.codes) * 4));
      const workerData: CountWorkerData = { offsets: this.offsets, data: this.data, works: this.works, counts: this.counts, ctl: this.ctl };
      // TypeScript: the worker registers tsx's loader itself (see src/search/fts/reindex.ts).
      const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
      const entry = JSON.stringify(new URL('./count-worker.ts', import.meta.url).href);
      const worker = new Worker(`import(${api}).then((m) => { m.register(); return import(${entry}); })`, { eval: true, workerData });
      worker.unref();
      this.readyPromise = new Promise((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
      });
      worker.on('error', (err) => {
        log.warn({ err: err.message }, 'facet counting worker failed; counting on one thread');
        this.failed = true;
        this.worker = null;
      });
      const owner = this.owner.deref();
      if (owner) workers.register(owner, worker);
      this.worker = worker;
      return true;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'facet counting worker did not start; counting on one thread');
      this.failed = true;
      return false;
    }
  }

  /**
   * Adds one to `counts[c]` for every code c below `below` in the lists of `works` (none of them
   * changed since the lists were built: the caller counts those itself). Throws if the worker stops
   * answering (the caller then clears `counts`); later counts run on this thread alone.
   */
  count(works: Uint32Array, counts: Uint32Array, below: number): void {
    const { offsets, data, scratch } = this;
    if (works.length < this.from || works.length > offsets.length || !this.start()) {
      countRange(offsets, data, works, 0, works.length, counts, below, scratch);
      return;
    }
    const { ctl } = this;
    const shared = this.works!;
    const size = works.length;
    const chunks = Math.ceil(size / CHUNK);
    below = Math.min(below, this.codes);
    shared.set(works);
    Atomics.store(ctl, CTL.size, size);
    Atomics.store(ctl, CTL.below, below);
    Atomics.store(ctl, CTL.chunks, chunks);
    Atomics.store(ctl, CTL.cursor, 0);
    Atomics.add(ctl, CTL.gen, 1);
    Atomics.notify(ctl, CTL.gen);
    for (;;) {
      const k = Atomics.add(ctl, CTL.cursor, 1);
      if (k >= chunks) break;
      countRange(offsets, data, shared, k * CHUNK, Math.min(size, (k + 1) * CHUNK), counts, below, scratch);
    }
    Atomics.store(ctl, CTL.cursor, CLOSED);
    const deadline = Date.now() + this.waitMs;
    for (let a = Atomics.load(ctl, CTL.active); a !== 0; a = Atomics.load(ctl, CTL.active)) {
      if (Date.now() > deadline) {
        // A chunk takes well under a millisecond: the worker is stuck or gone. Count alone from now on.
        this.failed = true;
        void this.worker?.terminate();
        this.worker = null;
        throw new Error('the facet counting worker stopped answering');
      }
      Atomics.wait(ctl, CTL.active, a, Math.min(100, this.waitMs));
    }
    const theirs = this.counts!;
    for (let c = 0; c < below; c++) {
      const v = theirs[c]!;
      if (v !== 0) {
        counts[c]! += v;
        theirs[c] = 0;
      }
    }
  }
}
