import roaring from 'roaring';
import { logger } from '../../log.ts';
import type { Db } from '../../store/schema.ts';
import type { Bitmap } from '../engine/work-index.ts';
import type { WorkRows } from '../fts/rows.ts';
import type { TermNode } from '../text/ast.ts';
import { FIELD_COLUMN, META_COLUMNS } from '../text/fts-expr.ts';
import { blockOf, type BlockCounts } from './block-format.ts';
import { decodeKey, type DecodedKey } from './decode.ts';
import { extractWork } from './extract.ts';
import type { PostingsReader, PostingsState, PostingsWriter } from './io.ts';
import { fieldDf, matchKey, type KeyVisitor } from './key-match.ts';
import { KeySet, MAX_GRAM } from './keys.ts';
import { Lengths } from './lengths.ts';
import { updatePostings } from './updater.ts';

const { RoaringBitmap32 } = roaring;
const log = logger('search');

/** Format of the stored postings; another stored value means: rebuild. */
export const POSTINGS_VERSION = 1;

export interface PostingsOptions {
  /** A word becomes a key when about this many chapter (or metadata) rows hold it. */
  minRows: number;
  /** A run of words is a candidate key only when every word of it is in at least this many rows. */
  phraseWordRows: number;
  /** …and becomes a key when about this many rows hold the run. */
  minPhraseRows: number;
  /**
   * Chapters read at least to choose the keys. More are read when a threshold is a small share of
   * the archive (about 30 sampled chapters per threshold's worth, at most 20,000): an estimate
   * from a handful of hits would make keys of chance.
   */
  sampleChapters: number;
  /** The keys are chosen again (a rebuild at start-up) once the archive has this many times the chapters it had. */
  regrow: number;
  /** Decoded postings kept in memory between searches, in bytes. */
  cacheBytes: number;
}

export const POSTINGS_DEFAULTS: PostingsOptions = {
  minRows: 10_000, phraseWordRows: 20_000, minPhraseRows: 2_000, sampleChapters: 1500, regrow: 2, cacheBytes: 64 * 2 ** 20,
};

/**
 * PostgreSQL's defaults: a term it scores itself costs about a millisecond per matching chapter
 * (the tsvectors' positions are unnested), a phrase of common words seconds (every chunk with its
 * words is rechecked), where FTS5 costs microseconds; so far more terms are worth a key there.
 */
export const PG_POSTINGS_DEFAULTS: PostingsOptions = { ...POSTINGS_DEFAULTS, minRows: 1_000, phraseWordRows: 3_000, minPhraseRows: 1_000 };

/**
 * Quire's own frequency postings (docs/search.md, "Frequency postings"): for the words and short
 * phrases common enough that the full-text index is slow to read (FTS5 reads every position of a
 * word found in most chapters), which works and chapters hold them and how often, stored in the
 * database by blocks of works and kept current inside every work's write transaction. A search
 * answers such a term from here, and scores it with FTS5's own bm25 from the stored counts, so
 * results are the same as from the full-text index, without reading its positions.
 *
 * One instance per archive; the same code on SQLite and PostgreSQL (io.ts).
 */
export class Postings {
  private state: PostingsState | null | undefined;
  private keySet: KeySet | null = null;
  private lengthsLoad: Promise<Lengths> | null = null;
  private readonly countCache = new Map<number, BlockCounts>();
  private readonly decoded = new Map<number, DecodedKey>();
  private decodedBytes = 0;

  constructor(
    private readonly reader: PostingsReader,
    private readonly writerFor: (db: Db) => PostingsWriter,
    readonly opts: PostingsOptions = POSTINGS_DEFAULTS,
  ) {}

  /**
   * Whether postings in this format are built (searches use them; writes keep them current).
   * Reads the state each time (one indexed row): when another service or process rebuilt the
   * postings, the keys, counts and lengths read before are dropped.
   */
  async ready(): Promise<boolean> {
    this.adopt(await this.reader.state());
    return this.state?.version === POSTINGS_VERSION;
  }

  private adopt(state: PostingsState | null): void {
    if (this.state !== undefined && state?.built === this.state?.built) return;
    this.reset();
    this.state = state;
  }

  /**
   * Whether a rebuild is due: none built, another format, an archive grown `regrow` times since
   * the keys were chosen, or (with `ownThresholds`: the archive's own service, not a second
   * reader with options of its own) other thresholds than these options.
   */
  async needsRebuild(chapters: number, ownThresholds = true): Promise<boolean> {
    if (!(await this.ready())) return true;
    const s = this.state!;
    const o = this.opts;
    if (ownThresholds && (s.minRows !== o.minRows || s.phraseWordRows !== o.phraseWordRows || s.minPhraseRows !== o.minPhraseRows)) return true;
    return chapters >= o.minRows && chapters >= Math.max(1, s.chapters) * o.regrow;
  }

  private async keys(): Promise<KeySet> {
    this.keySet ??= KeySet.from(await this.reader.keys());
    return this.keySet;
  }

  /**
   * The key id that answers `term`, or null (the full-text index answers it). Prefixes never do.
   * `checked`: `ready()` was just asked (a search asks once for all its terms).
   */
  async keyFor(term: TermNode, checked = false): Promise<number | null> {
    if (term.prefix || term.tokens.length > MAX_GRAM || !(checked || (await this.ready()))) return null;
    return (await this.keys()).idOf(term.tokens) ?? null;
  }

  /** Rows of the term's table(s) that hold it: what ordering an AND by cost needs. */
  async cost(keyId: number, field: boolean): Promise<number> {
    const c = await this.counts(keyId);
    return field ? c.meta : c.chapters + c.meta;
  }

  private async counts(keyId: number): Promise<BlockCounts> {
    let c = this.countCache.get(keyId);
    if (!c) this.countCache.set(keyId, (c = await this.reader.counts(keyId)));
    return c;
  }

  private lengths(): Promise<Lengths> {
    this.lengthsLoad ??= this.reader.lengths(null).then((rows) => Lengths.from(rows));
    return this.lengthsLoad;
  }

  private async decode(keyId: number, blocks: number[] | null): Promise<DecodedKey> {
    const hit = this.decoded.get(keyId);
    if (hit) {
      this.decoded.delete(keyId);
      this.decoded.set(keyId, hit);
      return hit;
    }
    const d = decodeKey(await this.reader.key(keyId, blocks));
    if (blocks !== null || d.bytes > this.opts.cacheBytes / 4) return d;
    this.decoded.set(keyId, d);
    this.decodedBytes += d.bytes;
    for (const [k, v] of this.decoded) {
      if (this.decodedBytes <= this.opts.cacheBytes) break;
      this.decoded.delete(k);
      this.decodedBytes -= v.bytes;
    }
    return d;
  }

  /**
   * The works of `acc` holding the term of key `keyId` (in `term.field` of their metadata, or
   * anywhere), calling `visit` for each hit with its bm25 when `scored`. Reads only the blocks of
   * `acc` when it covers few of them.
   */
  async match(term: TermNode, keyId: number, acc: Bitmap, scored: boolean, visit: KeyVisitor): Promise<Bitmap> {
    const ids = acc.toUint32Array();
    const field = term.field ? META_COLUMNS.indexOf(FIELD_COLUMN[term.field]) : null;
    let blocks: number[] | null = null;
    if (field === null && !this.decoded.has(keyId) && ids.length > 0) {
      const mine = new Set<number>();
      for (const w of ids) mine.add(blockOf(w));
      const all = blockOf(ids[ids.length - 1]!) + 1;
      if (mine.size * 2 < all) blocks = [...mine];
    }
    const d = await this.decode(keyId, blocks);
    let scoring = null;
    if (scored) {
      const lengths = await this.lengths();
      const c = await this.counts(keyId);
      scoring = { lengths, totals: lengths.totals, chapterDf: field === null ? c.chapters : 0, metaDf: field === null ? c.meta : fieldDf(d, field) };
    }
    return RoaringBitmap32.from(matchKey(d, field, ids, scoring, visit));
  }

  /**
   * Whether the postings as `w`'s transaction sees them are built (adopting a rebuild made
   * elsewhere). Takes the writers' lock first: a rebuild changes the keys under that lock, so the
   * state and the keys read after it belong together until this transaction ends.
   */
  private async writable(w: PostingsWriter): Promise<boolean> {
    await w.lock();
    this.adopt(await w.state());
    return this.state?.version === POSTINGS_VERSION;
  }

  /** Inside a write transaction: the works of `rows` were written. */
  async index(trx: Db, rows: readonly WorkRows[]): Promise<void> {
    const w = this.writerFor(trx);
    if (rows.length === 0 || !(await this.writable(w))) return;
    const keys = await this.keys();
    await updatePostings(w, rows.map((r) => extractWork(r, keys)), []);
    this.forget();
  }

  /** Inside a write transaction: works `ids` are being deleted. */
  async remove(trx: Db, ids: readonly number[]): Promise<void> {
    const w = this.writerFor(trx);
    if (ids.length === 0 || !(await this.writable(w))) return;
    await updatePostings(w, [], ids);
    this.forget();
  }

  /**
   * After a write committed (here or in another process): cached counts and decoded postings are
   * dropped, and the lengths of the written works' blocks read again.
   */
  async changed(ids: readonly number[]): Promise<void> {
    this.forget();
    if (!this.lengthsLoad || ids.length === 0) return;
    const lengths = await this.lengths();
    const blocks = [...new Set(ids.map(blockOf))];
    lengths.replaceBlocks(blocks, await this.reader.lengths(blocks));
  }

  /** Forgets everything read (after a rebuild, or when another process rebuilt). */
  reset(): void {
    this.state = undefined;
    this.keySet = null;
    this.lengthsLoad = null;
    this.forget();
  }

  private forget(): void {
    this.countCache.clear();
    this.decoded.clear();
    this.decodedBytes = 0;
  }

  /** For logs: the state and how many keys. */
  async describe(): Promise<{ keys: number; state: PostingsState | null }> {
    const state = (await this.ready()) ? this.state! : null;
    return { keys: state ? (await this.keys()).size : 0, state };
  }
}

export { log as postingsLog };
