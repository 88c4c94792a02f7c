import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchQuery } from '../src/search/query.ts';
import type { BaselineSettings } from './baseline-child.ts';
import type { BaselineResult } from './baseline-sql.ts';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline-child.ts');

export type BaselineOutcome =
  | { kind: 'ok'; ms: number; cpu: number; result: BaselineResult }
  | { kind: 'timeout'; ms: number }
  | { kind: 'error'; message: string };

type Reply =
  | { type: 'ready'; crossovers: number; ms: number }
  | { type: 'result'; n: number; ms: number; cpu: number; result: BaselineResult }
  | { type: 'error'; n: number; message: string };

/**
 * Runs the SQL baseline in a child process, one query at a time, with a per-query time cap: a
 * query still running at the cap is recorded as a timeout, the child is killed (SIGKILL, by its
 * pid) and a fresh one started for the next query.
 */
export class BaselinePool {
  private child: ChildProcess | null = null;
  private pending: ((r: Reply) => void) | null = null;
  private seq = 0;
  /** Set-up time (crossover table) of the first child, ms; and how many children were started. */
  setupMs = 0;
  crossovers = 0;
  starts = 0;

  constructor(private readonly dbFile: string, private readonly capMs: number, private readonly settings: BaselineSettings) {}

  private async start(): Promise<void> {
    const child = fork(CHILD, [this.dbFile, JSON.stringify(this.settings)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.starts++;
    child.on('message', (m: Reply) => {
      const p = this.pending;
      this.pending = null;
      p?.(m);
    });
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      const p = this.pending;
      this.pending = null;
      p?.({ type: 'error', n: -1, message: 'the baseline process exited' });
    });
    const ready = await this.next();
    if (ready.type !== 'ready') throw new Error(`baseline process failed to start: ${ready.type === 'error' ? ready.message : ready.type}`);
    if (this.starts === 1) {
      this.setupMs = ready.ms;
      this.crossovers = ready.crossovers;
    }
  }

  private next(): Promise<Reply> {
    return new Promise((resolve) => { this.pending = resolve; });
  }

  /** Answers one query, or reports a timeout after the cap. */
  async run(query: SearchQuery): Promise<BaselineOutcome> {
    if (!this.child) await this.start();
    const child = this.child!;
    const n = this.seq++;
    const reply = this.next();
    child.send({ type: 'run', n, query });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), this.capMs); });
    const r = await Promise.race([reply, timeout]);
    clearTimeout(timer);
    if (r === 'timeout') {
      this.pending = null;
      this.child = null;
      child.kill('SIGKILL');
      await new Promise((resolve) => { if (child.exitCode !== null || child.signalCode !== null) resolve(null); else child.once('exit', resolve); });
      return { kind: 'timeout', ms: this.capMs };
    }
    if (r.type === 'result') return { kind: 'ok', ms: r.ms, cpu: r.cpu, result: r.result };
    return { kind: 'error', message: r.type === 'error' ? r.message : 'unexpected reply' };
  }

  /** Stops the child process. */
  close(): void {
    const child = this.child;
    this.child = null;
    if (child) child.disconnect();
  }
}
