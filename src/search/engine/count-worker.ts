import { parentPort, workerData } from 'node:worker_threads';
import { CTL, CHUNK, SCRATCH, countRange, type CountWorkerData } from './count-range.ts';

/**
 * The counting worker of engine/parallel-count.ts: sleeps until the control array's generation
 * changes, then claims chunks of the shared work list and counts them into its own counters, until
 * none is left. It never writes anything the main thread reads but its counters and `active`.
 */
const { offsets, data, works, counts, ctl } = workerData as CountWorkerData;
const scratch = new Uint32Array(SCRATCH);
let gen = Atomics.load(ctl, CTL.gen);
parentPort!.postMessage('ready');
for (;;) {
  Atomics.wait(ctl, CTL.gen, gen);
  gen = Atomics.load(ctl, CTL.gen);
  Atomics.add(ctl, CTL.active, 1);
  for (;;) {
    const k = Atomics.add(ctl, CTL.cursor, 1);
    if (k >= Atomics.load(ctl, CTL.chunks)) break;
    const from = k * CHUNK;
    countRange(offsets, data, works, from, Math.min(Atomics.load(ctl, CTL.size), from + CHUNK), counts, Atomics.load(ctl, CTL.below), scratch);
    Atomics.add(ctl, CTL.workerChunks, 1);
  }
  Atomics.sub(ctl, CTL.active, 1);
  Atomics.notify(ctl, CTL.active);
}
