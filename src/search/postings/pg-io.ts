import { sql } from 'kysely';
import type { Db } from '../../store/schema.ts';
import type { BlockCounts } from './block-format.ts';
import type { KeyRow } from './keys.ts';
import { STATE_KEY, pairKey, type BlockRow, type KeyBlock, type PostingRow, type StoredBlock, type PostingsReader, type PostingsState, type PostingsWriter } from './io.ts';

/** Rows per statement when writing in bulk (arrays of this many values are sent as parameters). */
const CHUNK = 2000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * The postings tables on PostgreSQL, through Kysely: batched reads and writes with `unnest` over
 * arrays, so a work's thousand postings rows cost a few round trips, not a thousand. Writers take a
 * transaction advisory lock first: two processes rewriting the same block concurrently would
 * otherwise lose one of the updates.
 */
export class PgPostingsIO implements PostingsReader, PostingsWriter {
  constructor(private readonly db: Db) {}

  async keys(): Promise<KeyRow[]> {
    const { rows } = await sql<{ id: number; key: string }>`SELECT id, key FROM search_keys`.execute(this.db);
    return rows.map((r) => ({ id: Number(r.id), key: r.key }));
  }

  async key(keyId: number, blocks: readonly number[] | null): Promise<KeyBlock[]> {
    const only = blocks === null ? sql`` : sql`AND block = ANY(${[...blocks]}::bigint[])`;
    const { rows } = await sql<{ block: number; works: number; chapters: number; data: Uint8Array }>`SELECT block, works, chapters, data FROM search_postings
      WHERE key_id = ${keyId} ${only} ORDER BY block`.execute(this.db);
    return rows.map((r) => ({ block: Number(r.block), works: Number(r.works), chapters: Number(r.chapters), data: r.data }));
  }

  async counts(keyId: number): Promise<BlockCounts> {
    const { rows } = await sql<{ works: number; chapters: number; meta: number }>`SELECT coalesce(sum(works), 0) AS works,
      coalesce(sum(chapters), 0) AS chapters, coalesce(sum(meta), 0) AS meta FROM search_postings WHERE key_id = ${keyId}`.execute(this.db);
    const r = rows[0];
    return { works: Number(r?.works ?? 0), chapters: Number(r?.chapters ?? 0), meta: Number(r?.meta ?? 0) };
  }

  async lengths(blocks: readonly number[] | null): Promise<BlockRow[]> {
    const only = blocks === null ? sql`` : sql`WHERE block = ANY(${[...blocks]}::bigint[])`;
    const { rows } = await sql<{ block: number; data: Uint8Array }>`SELECT block, data FROM search_lengths ${only} ORDER BY block`.execute(this.db);
    return rows.map((r) => ({ block: Number(r.block), data: r.data }));
  }

  async state(): Promise<PostingsState | null> {
    const { rows } = await sql<{ value: string }>`SELECT value FROM settings WHERE key = ${STATE_KEY}`.execute(this.db);
    return rows[0] ? (JSON.parse(rows[0].value) as PostingsState) : null;
  }

  async lock(): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext('quire.search_postings'))`.execute(this.db);
  }

  async workKeys(works: readonly number[]): Promise<Map<number, Uint8Array>> {
    const out = new Map<number, Uint8Array>();
    if (works.length === 0) return out;
    const { rows } = await sql<{ work_id: number; data: Uint8Array }>`SELECT work_id, data FROM search_work_keys WHERE work_id = ANY(${[...works]}::bigint[])`.execute(this.db);
    for (const r of rows) out.set(Number(r.work_id), r.data);
    return out;
  }

  async putWorkKeys(rows: readonly { work: number; data: Uint8Array | null }[]): Promise<void> {
    const gone = rows.filter((r) => !r.data).map((r) => r.work);
    if (gone.length > 0) await sql`DELETE FROM search_work_keys WHERE work_id = ANY(${gone}::bigint[])`.execute(this.db);
    for (const part of chunks(rows.filter((r) => r.data))) {
      await sql`INSERT INTO search_work_keys (work_id, data) SELECT * FROM unnest(${part.map((r) => r.work)}::bigint[], ${part.map((r) => Buffer.from(r.data!))}::bytea[])
        ON CONFLICT (work_id) DO UPDATE SET data = excluded.data`.execute(this.db);
    }
  }

  async postings(pairs: readonly { key: number; block: number }[]): Promise<Map<string, StoredBlock>> {
    const out = new Map<string, StoredBlock>();
    for (const part of chunks(pairs)) {
      const { rows } = await sql<{ key_id: number; block: number; works: number; chapters: number; meta: number; data: Uint8Array }>`SELECT p.key_id, p.block,
        p.works, p.chapters, p.meta, p.data FROM search_postings p
        JOIN unnest(${part.map((x) => x.key)}::bigint[], ${part.map((x) => x.block)}::bigint[]) AS w (key_id, block) ON p.key_id = w.key_id AND p.block = w.block`.execute(this.db);
      for (const r of rows) out.set(pairKey(Number(r.key_id), Number(r.block)), { works: Number(r.works), chapters: Number(r.chapters), meta: Number(r.meta), data: r.data });
    }
    return out;
  }

  async putPostings(rows: readonly PostingRow[]): Promise<void> {
    const gone = rows.filter((r) => r.works === 0);
    for (const part of chunks(gone)) {
      await sql`DELETE FROM search_postings p USING unnest(${part.map((x) => x.key)}::bigint[], ${part.map((x) => x.block)}::bigint[]) AS w (key_id, block)
        WHERE p.key_id = w.key_id AND p.block = w.block`.execute(this.db);
    }
    for (const part of chunks(rows.filter((r) => r.works > 0))) {
      await sql`INSERT INTO search_postings (key_id, block, works, chapters, meta, data) SELECT * FROM unnest(
        ${part.map((r) => r.key)}::bigint[], ${part.map((r) => r.block)}::bigint[], ${part.map((r) => r.works)}::bigint[],
        ${part.map((r) => r.chapters)}::bigint[], ${part.map((r) => r.meta)}::bigint[], ${part.map((r) => Buffer.from(r.data))}::bytea[])
        ON CONFLICT (key_id, block) DO UPDATE SET works = excluded.works, chapters = excluded.chapters, meta = excluded.meta, data = excluded.data`.execute(this.db);
    }
  }

  async lengthBlocks(blocks: readonly number[]): Promise<Map<number, Uint8Array>> {
    return new Map((await this.lengths(blocks)).map((r) => [r.block, r.data]));
  }

  async putLengths(rows: readonly BlockRow[]): Promise<void> {
    const gone = rows.filter((r) => r.data.length === 0).map((r) => r.block);
    if (gone.length > 0) await sql`DELETE FROM search_lengths WHERE block = ANY(${gone}::bigint[])`.execute(this.db);
    for (const part of chunks(rows.filter((r) => r.data.length > 0))) {
      await sql`INSERT INTO search_lengths (block, data) SELECT * FROM unnest(${part.map((r) => r.block)}::bigint[], ${part.map((r) => Buffer.from(r.data))}::bytea[])
        ON CONFLICT (block) DO UPDATE SET data = excluded.data`.execute(this.db);
    }
  }

  async clear(): Promise<void> {
    for (const t of ['search_postings', 'search_lengths', 'search_work_keys', 'search_keys']) await sql`DELETE FROM ${sql.table(t)}`.execute(this.db);
    await sql`DELETE FROM settings WHERE key = ${STATE_KEY}`.execute(this.db);
    await sql`DROP TABLE IF EXISTS search_postings_stage`.execute(this.db);
    await sql`CREATE UNLOGGED TABLE search_postings_stage (key_id bigint, block bigint, works bigint, chapters bigint, meta bigint, data bytea)`.execute(this.db);
  }

  async putStaged(rows: readonly PostingRow[]): Promise<void> {
    for (const part of chunks(rows.filter((r) => r.works > 0))) {
      await sql`INSERT INTO search_postings_stage (key_id, block, works, chapters, meta, data) SELECT * FROM unnest(
        ${part.map((r) => r.key)}::bigint[], ${part.map((r) => r.block)}::bigint[], ${part.map((r) => r.works)}::bigint[],
        ${part.map((r) => r.chapters)}::bigint[], ${part.map((r) => r.meta)}::bigint[], ${part.map((r) => Buffer.from(r.data))}::bytea[])`.execute(this.db);
    }
  }

  async commitStaged(): Promise<void> {
    await sql`INSERT INTO search_postings (key_id, block, works, chapters, meta, data)
      SELECT key_id, block, works, chapters, meta, data FROM search_postings_stage ORDER BY key_id, block`.execute(this.db);
    await sql`DROP TABLE search_postings_stage`.execute(this.db);
  }

  async putKeys(rows: readonly KeyRow[]): Promise<void> {
    for (const part of chunks(rows)) {
      await sql`INSERT INTO search_keys (id, key) SELECT * FROM unnest(${part.map((r) => r.id)}::bigint[], ${part.map((r) => r.key)}::text[])`.execute(this.db);
    }
  }

  async setState(state: PostingsState): Promise<void> {
    await sql`INSERT INTO settings (key, value) VALUES (${STATE_KEY}, ${JSON.stringify(state)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(this.db);
  }
}
