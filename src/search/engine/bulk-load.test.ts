import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../store/store.ts';
import { loadIndex, WORKS_SQL } from './bulk-load.ts';

test('the start-up read of works is answered from the covering index alone (migration 0013), not the works table', async () => {
  const store = await openStore({ dataDir: ':memory:' });
  try {
    const plan = store.sqlite!.prepare(`EXPLAIN QUERY PLAN ${WORKS_SQL}`).all(0, 50_000) as { detail: string }[];
    assert.match(plan.map((r) => r.detail).join('\n'), /USING COVERING INDEX works_engine_scan/);
  } finally {
    await store.close();
  }
});

test('the load reads a database file through a memory map and sets the map back as it was', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-load-'));
  const store = await openStore({ dataDir: dir });
  try {
    const sqlite = store.sqlite!;
    sqlite.pragma('mmap_size = 4096');
    let during = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      during = Math.max(during, sqlite.pragma('mmap_size', { simple: true }) as number);
      return prepare(source);
    }) as typeof sqlite.prepare;
    const { index } = loadIndex(sqlite);
    assert.equal(index.size, 0);
    assert.ok(during > 1 << 20, `mapped while loading (${during} bytes)`);
    assert.equal(sqlite.pragma('mmap_size', { simple: true }), 4096);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
