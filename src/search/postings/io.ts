import type { BlockCounts } from './block-format.ts';
import type { KeyRow } from './keys.ts';

/**
 * The frequency postings' tables (migration 0012) as the rest of src/search/postings sees them:
 * one interface, two implementations (sqlite-io.ts: raw better-sqlite3 statements on the store's
 * one connection; pg-io.ts: Kysely on PostgreSQL), tested by one shared suite (postings.test.ts).
 */

export interface BlockRow {
  block: number;
  data: Uint8Array;
}

/** A stored postings block and its counts. */
export interface StoredBlock extends BlockCounts {
  data: Uint8Array;
}

/** A key's block as a search reads it: with the counts that size its decoding. */
export interface KeyBlock extends BlockRow {
  works: number;
  chapters: number;
}

export interface PostingRow extends BlockCounts {
  key: number;
  block: number;
  data: Uint8Array;
}

/** A (key, block) pair, as the writer's map key: `${key}:${block}`. */
export function pairKey(key: number, block: number): string {
  return `${key}:${block}`;
}

/** What the settings row `search.postings` records about the built postings. */
export interface PostingsState {
  /** Format version of the blocks (POSTINGS_VERSION). */
  version: number;
  /** Chapters in the archive when the keys were chosen (a much larger archive chooses again). */
  chapters: number;
  /** The thresholds the keys were chosen with (PostingsOptions). */
  minRows: number;
  phraseWordRows?: number;
  minPhraseRows?: number;
  /** A token of this build: another value means the keys were chosen again (reload them). */
  built: string;
}

/** Reads, for searches: outside any transaction, or inside the caller's. */
export interface PostingsReader {
  keys(): Promise<KeyRow[]>;
  /** A key's blocks in ascending order; only those in `blocks` when given. */
  key(keyId: number, blocks: readonly number[] | null): Promise<KeyBlock[]>;
  /** A key's counts summed over every block. */
  counts(keyId: number): Promise<BlockCounts>;
  /** Lengths blocks in ascending order; only those in `blocks` when given. */
  lengths(blocks: readonly number[] | null): Promise<BlockRow[]>;
  state(): Promise<PostingsState | null>;
}

/** Writes, inside the caller's transaction. */
export interface PostingsWriter {
  /** The state as this transaction sees it. */
  state(): Promise<PostingsState | null>;
  /** Serializes writers of the postings (PostgreSQL: a transaction advisory lock; SQLite has one writer). */
  lock(): Promise<void>;
  workKeys(works: readonly number[]): Promise<Map<number, Uint8Array>>;
  /** Replaces (or with null data deletes) works' key lists. */
  putWorkKeys(rows: readonly { work: number; data: Uint8Array | null }[]): Promise<void>;
  /** The stored blocks of some (key, block) pairs, with their counts, by `pairKey`. */
  postings(pairs: readonly { key: number; block: number }[]): Promise<Map<string, StoredBlock>>;
  /** Replaces postings rows; a row with no works is deleted. */
  putPostings(rows: readonly PostingRow[]): Promise<void>;
  lengthBlocks(blocks: readonly number[]): Promise<Map<number, Uint8Array>>;
  /** Replaces (or with empty data deletes) lengths blocks. */
  putLengths(rows: readonly BlockRow[]): Promise<void>;
  /** Empties every postings table and forgets the state (a rebuild starts here). */
  clear(): Promise<void>;
  /**
   * A rebuild writes its rows block by block, which would scatter them over the key-ordered
   * table (every row on its own page): they go to an unindexed staging table instead
   * (`putStaged`), moved over in key order at the end (`commitStaged`), one sequential write.
   */
  putStaged(rows: readonly PostingRow[]): Promise<void>;
  commitStaged(): Promise<void>;
  putKeys(rows: readonly KeyRow[]): Promise<void>;
  setState(state: PostingsState): Promise<void>;
}

export const STATE_KEY = 'search.postings';
