import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helpers for real server processes: spawn `quire serve`, wait for it, talk HTTP with cookies. */

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const ROOT = path.resolve(path.dirname(MAIN), '../..');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  child: ChildProcess;
  /** What it wrote to stderr and stdout (for failure messages). */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `quire --data DIR serve --port P --no-demo …args` and waits until it answers (up to `waitMs`). */
export async function serve(dataDir: string, env: NodeJS.ProcessEnv, args: string[] = [], waitMs = 90_000): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--data', dataDir, 'serve', '--host', '127.0.0.1', '--port', String(port), '--no-demo', ...args], {
    cwd: ROOT,
    env: { ...process.env, QUIRE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const served: Served = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`quire serve exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${served.url}/static/does-not-exist`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      return served;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await served.stop();
  throw new Error(`quire serve did not answer within ${waitMs} ms:\n${out}`);
}

/** Polls `check` every 100 ms until it returns a value other than undefined, or fails after `withinMs`. */
export async function eventually<T>(what: string, withinMs: number, check: () => Promise<T | undefined>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return { value, ms: Date.now() - started };
    if (Date.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A browser in miniature over real HTTP: keeps cookies across any number of servers (one site). */
export class CookieClient {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Headers; body: string }> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, body: await res.text() };
  }
}
