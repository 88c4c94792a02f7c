import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import SQLite from 'better-sqlite3';

/** Where and when a benchmark ran. */
export interface MachineInfo {
  date: string;
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  platform: string;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1]!.trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The machine the benchmark runs on (`nproc` is the cores this process may use). */
export function machineInfo(): MachineInfo {
  const db = new SQLite(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu: cpuModel(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite,
    betterSqlite3: packageVersion('better-sqlite3'),
    platform: `${os.type()} ${os.release()}`,
  };
}

/** The 1-, 5- and 15-minute load averages. */
export function loadAverage(): [number, number, number] {
  const [a, b, c] = os.loadavg();
  return [round2(a!), round2(b!), round2(c!)];
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Which code was measured: the commit, files of src/search changed since it, and a hash of src/search as run. */
export interface CodeInfo {
  commit: string;
  modified: string[];
  searchHash: string;
}

/** The state of the checkout (read-only git commands); `unknown` outside a git checkout. */
export function codeInfo(root: string): CodeInfo {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  const hash = createHash('sha1');
  const dir = path.join(root, 'src', 'search');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort() : [];
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  return {
    commit: git('rev-parse', '--short', 'HEAD').trim() || 'unknown',
    modified: git('status', '--porcelain', '--', 'src/search').split('\n').filter((l) => l.trim() !== '').map((l) => l.slice(3)),
    searchHash: hash.digest('hex').slice(0, 12),
  };
}
