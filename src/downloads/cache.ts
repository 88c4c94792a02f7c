import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { logger } from '../log.ts';

/**
 * Made downloads, one file per work revision and format: `<workId>-<revision>.<ext>`. Writing a
 * revision removes the work's older ones; a revision older than one already cached is not written.
 * On disk under `<dataDir>/cache/downloads/`, or in memory (tests, `:memory:` archives).
 */

export interface CacheKey {
  workId: number;
  revision: number;
  ext: string;
}

export interface DownloadCache {
  get(key: CacheKey): Promise<Buffer | undefined>;
  put(key: CacheKey, bytes: Buffer): Promise<void>;
  /** Forgets every file of a work (it changed or was deleted). */
  removeWork(workId: number): Promise<void>;
}

const log = logger('downloads');

/** `12-3.epub` */
export function cacheName(key: CacheKey): string {
  return `${key.workId}-${key.revision}.${key.ext}`;
}

const NAME = /^(\d+)-(\d+)\.([a-z0-9]+)$/;

function parse(name: string): CacheKey | undefined {
  const m = NAME.exec(name);
  return m ? { workId: Number(m[1]), revision: Number(m[2]), ext: m[3]! } : undefined;
}

/** The files of one work known to a cache, by name. */
class Index {
  private readonly byWork = new Map<number, Set<string>>();

  add(key: CacheKey): void {
    const set = this.byWork.get(key.workId) ?? new Set<string>();
    set.add(cacheName(key));
    this.byWork.set(key.workId, set);
  }

  names(workId: number): string[] {
    return [...(this.byWork.get(workId) ?? [])];
  }

  delete(workId: number, name?: string): void {
    if (name === undefined) this.byWork.delete(workId);
    else this.byWork.get(workId)?.delete(name);
  }

  /** Whether a newer revision of the work is already cached. */
  newer(key: CacheKey): boolean {
    return this.names(key.workId).some((n) => (parse(n)?.revision ?? 0) > key.revision);
  }

  /** Names of the work's files from older revisions. */
  older(key: CacheKey): string[] {
    return this.names(key.workId).filter((n) => (parse(n)?.revision ?? 0) < key.revision);
  }
}

/** Cache files in a directory (created when first needed). */
export class DiskCache implements DownloadCache {
  private index?: Promise<Index>;

  constructor(readonly dir: string) {}

  private load(): Promise<Index> {
    this.index ??= (async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const index = new Index();
      for (const name of await fs.readdir(this.dir)) {
        const key = parse(name);
        if (key) index.add(key);
        else if (name.startsWith('.tmp-')) await fs.rm(path.join(this.dir, name), { force: true });
      }
      return index;
    })();
    return this.index;
  }

  async get(key: CacheKey): Promise<Buffer | undefined> {
    const index = await this.load();
    const name = cacheName(key);
    if (!index.names(key.workId).includes(name)) return undefined;
    try {
      return await fs.readFile(path.join(this.dir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      index.delete(key.workId, name);
      return undefined;
    }
  }

  async put(key: CacheKey, bytes: Buffer): Promise<void> {
    const index = await this.load();
    if (index.newer(key)) return;
    const tmp = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, path.join(this.dir, cacheName(key)));
    index.add(key);
    for (const old of index.older(key)) await this.unlink(key.workId, old, index);
  }

  async removeWork(workId: number): Promise<void> {
    const index = await this.load();
    for (const name of index.names(workId)) await this.unlink(workId, name, index);
  }

  private async unlink(workId: number, name: string, index: Index): Promise<void> {
    index.delete(workId, name);
    try {
      await fs.rm(path.join(this.dir, name), { force: true });
    } catch (err) {
      log.warn({ err, file: name }, 'could not remove a cached download');
    }
  }
}

/** Cache in memory, for archives without a data directory; keeps the `limit` newest files. */
export class MemoryCache implements DownloadCache {
  private readonly files = new Map<string, Buffer>();
  private readonly index = new Index();

  constructor(private readonly limit = 100) {}

  async get(key: CacheKey): Promise<Buffer | undefined> {
    return this.files.get(cacheName(key));
  }

  async put(key: CacheKey, bytes: Buffer): Promise<void> {
    if (this.index.newer(key)) return;
    this.files.set(cacheName(key), bytes);
    this.index.add(key);
    for (const old of this.index.older(key)) {
      this.files.delete(old);
      this.index.delete(key.workId, old);
    }
    while (this.files.size > this.limit) {
      const oldest = this.files.keys().next().value!;
      this.files.delete(oldest);
      const parsed = parse(oldest);
      if (parsed) this.index.delete(parsed.workId, oldest);
    }
  }

  async removeWork(workId: number): Promise<void> {
    for (const name of this.index.names(workId)) this.files.delete(name);
    this.index.delete(workId);
  }

  /** Names held, for tests. */
  names(): string[] {
    return [...this.files.keys()];
  }
}
