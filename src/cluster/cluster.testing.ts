import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchSchema, dropSchema } from '../store/pg.ts';
import { openStore, testStoreKind, type Store } from '../store/store.ts';

/** Test helper: two stores over one database, as two processes would hold them. */
export interface StorePair {
  a: Store;
  b: Store;
  /** Closes both and removes the database (temp folder or PostgreSQL schema). */
  close(): Promise<void>;
}

/**
 * Two connections to one fresh database: one SQLite file in a temp folder, or, when
 * `QUIRE_TEST_STORE=postgres`, one new schema on `QUIRE_TEST_PG_URL`.
 */
export async function twoStores(): Promise<StorePair> {
  if (testStoreKind() === 'postgres') {
    const url = process.env.QUIRE_TEST_PG_URL!;
    const schema = await createScratchSchema(url, 'quire_cluster');
    const a = await openStore({ dataDir: ':memory:', databaseUrl: url, schema, poolSize: 3 });
    const b = await openStore({ dataDir: ':memory:', databaseUrl: url, schema, poolSize: 3 });
    return {
      a,
      b,
      async close() {
        await a.close();
        await b.close();
        await dropSchema(url, schema);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-cluster-'));
  const a = await openStore({ dataDir: dir });
  const b = await openStore({ dataDir: dir });
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
