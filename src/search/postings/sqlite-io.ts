import type SQLite from 'better-sqlite3';
import type { BlockCounts } from './block-format.ts';
import type { KeyRow } from './keys.ts';
import { STATE_KEY, pairKey, type BlockRow, type KeyBlock, type PostingRow, type StoredBlock, type PostingsReader, type PostingsState, type PostingsWriter } from './io.ts';

/**
 * The postings tables on SQLite, through raw prepared statements on the store's one connection:
 * a write made inside a Kysely transaction runs on that same connection, so it is part of the
 * transaction (the whole file is one writer). Integers are bound as BigInt: FTS5 and some plans
 * treat a JavaScript number (bound as a double) differently from an integer.
 */
export class SqlitePostingsIO implements PostingsReader, PostingsWriter {
  private readonly cache = new Map<string, SQLite.Statement>();

  constructor(private readonly sqlite: SQLite.Database) {}

  private st(sql: string): SQLite.Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.sqlite.prepare(sql)));
    return s;
  }

  async keys(): Promise<KeyRow[]> {
    return (this.st('SELECT id, key FROM search_keys').raw().all() as [number, string][]).map(([id, key]) => ({ id, key }));
  }

  async key(keyId: number, blocks: readonly number[] | null): Promise<KeyBlock[]> {
    const rows = blocks === null
      ? this.st('SELECT block, works, chapters, data FROM search_postings WHERE key_id = ? ORDER BY block').raw().all(BigInt(keyId))
      : this.st('SELECT block, works, chapters, data FROM search_postings WHERE key_id = ? AND block IN (SELECT value FROM json_each(?)) ORDER BY block').raw().all(BigInt(keyId), JSON.stringify(blocks));
    return (rows as [number, number, number, Uint8Array][]).map(([block, works, chapters, data]) => ({ block, works, chapters, data }));
  }

  async counts(keyId: number): Promise<BlockCounts> {
    const [works, chapters, meta] = this.st('SELECT coalesce(sum(works), 0), coalesce(sum(chapters), 0), coalesce(sum(meta), 0) FROM search_postings WHERE key_id = ?')
      .raw().get(BigInt(keyId)) as [number, number, number];
    return { works, chapters, meta };
  }

  async lengths(blocks: readonly number[] | null): Promise<BlockRow[]> {
    const rows = blocks === null
      ? this.st('SELECT block, data FROM search_lengths ORDER BY block').raw().all()
      : this.st('SELECT block, data FROM search_lengths WHERE block IN (SELECT value FROM json_each(?)) ORDER BY block').raw().all(JSON.stringify(blocks));
    return (rows as [number, Uint8Array][]).map(([block, data]) => ({ block, data }));
  }

  async state(): Promise<PostingsState | null> {
    const exists = this.st("SELECT 1 FROM sqlite_master WHERE name = 'search_postings'").get();
    if (!exists) return null;
    const row = this.st('SELECT value FROM settings WHERE key = ?').pluck().get(STATE_KEY) as string | undefined;
    return row ? (JSON.parse(row) as PostingsState) : null;
  }

  async lock(): Promise<void> {}

  async workKeys(works: readonly number[]): Promise<Map<number, Uint8Array>> {
    const out = new Map<number, Uint8Array>();
    const get = this.st('SELECT data FROM search_work_keys WHERE work_id = ?').pluck();
    for (const w of works) {
      const data = get.get(BigInt(w)) as Uint8Array | undefined;
      if (data) out.set(w, data);
    }
    return out;
  }

  async putWorkKeys(rows: readonly { work: number; data: Uint8Array | null }[]): Promise<void> {
    const put = this.st('INSERT INTO search_work_keys (work_id, data) VALUES (?, ?) ON CONFLICT (work_id) DO UPDATE SET data = excluded.data');
    const del = this.st('DELETE FROM search_work_keys WHERE work_id = ?');
    for (const r of rows) {
      if (r.data) put.run(BigInt(r.work), r.data);
      else del.run(BigInt(r.work));
    }
  }

  async postings(pairs: readonly { key: number; block: number }[]): Promise<Map<string, StoredBlock>> {
    const out = new Map<string, StoredBlock>();
    const get = this.st('SELECT works, chapters, meta, data FROM search_postings WHERE key_id = ? AND block = ?').raw();
    for (const p of pairs) {
      const row = get.get(BigInt(p.key), BigInt(p.block)) as [number, number, number, Uint8Array] | undefined;
      if (row) out.set(pairKey(p.key, p.block), { works: row[0], chapters: row[1], meta: row[2], data: row[3] });
    }
    return out;
  }

  async putPostings(rows: readonly PostingRow[]): Promise<void> {
    const put = this.st(`INSERT INTO search_postings (key_id, block, works, chapters, meta, data) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (key_id, block) DO UPDATE SET works = excluded.works, chapters = excluded.chapters, meta = excluded.meta, data = excluded.data`);
    const del = this.st('DELETE FROM search_postings WHERE key_id = ? AND block = ?');
    for (const r of rows) {
      if (r.works > 0) put.run(BigInt(r.key), BigInt(r.block), BigInt(r.works), BigInt(r.chapters), BigInt(r.meta), r.data);
      else del.run(BigInt(r.key), BigInt(r.block));
    }
  }

  async lengthBlocks(blocks: readonly number[]): Promise<Map<number, Uint8Array>> {
    return new Map((await this.lengths(blocks)).map((r) => [r.block, r.data]));
  }

  async putLengths(rows: readonly BlockRow[]): Promise<void> {
    const put = this.st('INSERT INTO search_lengths (block, data) VALUES (?, ?) ON CONFLICT (block) DO UPDATE SET data = excluded.data');
    const del = this.st('DELETE FROM search_lengths WHERE block = ?');
    for (const r of rows) {
      if (r.data.length > 0) put.run(BigInt(r.block), r.data);
      else del.run(BigInt(r.block));
    }
  }

  async clear(): Promise<void> {
    this.sqlite.exec('DELETE FROM search_postings; DELETE FROM search_lengths; DELETE FROM search_work_keys; DELETE FROM search_keys');
    this.st('DELETE FROM settings WHERE key = ?').run(STATE_KEY);
    this.sqlite.exec('DROP TABLE IF EXISTS search_postings_stage');
    this.sqlite.exec('CREATE TABLE search_postings_stage (key_id INTEGER, block INTEGER, works INTEGER, chapters INTEGER, meta INTEGER, data BLOB)');
  }

  async putStaged(rows: readonly PostingRow[]): Promise<void> {
    const put = this.sqlite.prepare('INSERT INTO search_postings_stage (key_id, block, works, chapters, meta, data) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of rows) if (r.works > 0) put.run(BigInt(r.key), BigInt(r.block), BigInt(r.works), BigInt(r.chapters), BigInt(r.meta), r.data);
  }

  async commitStaged(): Promise<void> {
    this.sqlite.exec(`INSERT INTO search_postings (key_id, block, works, chapters, meta, data)
      SELECT key_id, block, works, chapters, meta, data FROM search_postings_stage ORDER BY key_id, block`);
    this.sqlite.exec('DROP TABLE search_postings_stage');
  }

  async putKeys(rows: readonly KeyRow[]): Promise<void> {
    const put = this.st('INSERT INTO search_keys (id, key) VALUES (?, ?)');
    for (const r of rows) put.run(BigInt(r.id), r.key);
  }

  async setState(state: PostingsState): Promise<void> {
    this.st('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(STATE_KEY, JSON.stringify(state));
  }
}
