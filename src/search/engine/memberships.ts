import type SQLite from 'better-sqlite3';
import roaring from 'roaring';
import { cachedBitmap } from './bitmap-cache.ts';
import { scanRows } from './int-scan.ts';
import { Pairs, type Rows } from './membership-rows.ts';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

/** What a work belongs to besides its tags: its pen names and its series. */
export type MembershipKind = 'pseud' | 'series';

/** How many bitmaps built from the loaded rows are kept for reuse, per kind. */
const CACHE_SIZE = 1_000;

const KINDS = {
  pseud: { table: 'work_creators', column: 'pseud_id' },
  series: { table: 'series_works', column: 'series_id' },
} as const;

/**
 * One kind's links. What was loaded stays as it was read, a compressed sparse row structure
 * (`rows`: the works of each id; `first`/`extra`: the ids of each work), and a bitmap is built
 * from it on demand (kept in a small cache). An id touched by a live update since the load is
 * "materialized": its bitmap moves to `overrides` and is updated in place from then on.
 */
class Links {
  rows: Rows = Pairs.empty();
  /** Each work's first id (-1: none). */
  first = new Int32Array(0).fill(-1);
  /** A work's further ids, for the few works with more than one. */
  readonly extra = new Map<number, number[]>();
  readonly overrides = new Map<number, Bitmap>();
  readonly cache = new Map<number, Bitmap>();

  bitmap(id: number): Bitmap | undefined {
    return cachedBitmap(this.overrides, this.cache, CACHE_SIZE, id, (key) => {
      const works = this.rows.worksOf(key);
      return works.length === 0 ? undefined : new RoaringBitmap32(works);
    });
  }

  /** The bitmap of `id` in `overrides`, made from the loaded rows the first time. */
  materialize(id: number): Bitmap {
    let b = this.overrides.get(id);
    if (b) return b;
    b = this.cache.get(id) ?? new RoaringBitmap32(this.rows.worksOf(id));
    this.cache.delete(id);
    this.overrides.set(id, b);
    return b;
  }

  of(workId: number): number[] {
    const f = this.first[workId];
    if (f === undefined || f < 0) return [];
    return [f, ...(this.extra.get(workId) ?? [])];
  }

  setLinks(workId: number, ids: readonly number[]): void {
    if (workId >= this.first.length) {
      const grown = new Int32Array(Math.max(workId + 1, this.first.length * 2)).fill(-1);
      grown.set(this.first);
      this.first = grown;
    }
    this.first[workId] = ids[0] ?? -1;
    if (ids.length > 1) this.extra.set(workId, ids.slice(1));
    else this.extra.delete(workId);
  }

  /** Replaces everything with `pairs`. */
  load(pairs: Pairs): void {
    this.rows = pairs.toRows();
    this.overrides.clear();
    this.cache.clear();
    this.extra.clear();
    this.first = new Int32Array(pairs.maxWork + 1).fill(-1);
    const { first, extra } = this;
    for (let i = 0; i < pairs.length; i++) {
      const w = pairs.works[i]!;
      const id = pairs.ids[i]!;
      const f = first[w]!;
      if (f < 0) first[w] = id;
      else if (f !== id) {
        const more = extra.get(w);
        if (!more) extra.set(w, [id]);
        else if (!more.includes(id)) more.push(id);
      }
    }
  }
}

/**
 * The works of each pen name and each series, and each work's pen names and series, so a live
 * update can unlink it: what the creator filter (`/creators/NAME`), the series filter
 * (`/series/ID`), the reader's own works and muted pen names read. Loaded with the engine
 * (bulk-load.ts, or `load` from pg/load.ts) as flat arrays, with bitmaps made on demand; kept
 * current by `SearchService.worksChanged` (`refreshMemberships`) and `WorkIndex.remove`.
 */
export class Memberships {
  private readonly kinds: Record<MembershipKind, Links> = { pseud: new Links(), series: new Links() };

  /** The works of one pen name or series (undefined: none). Do not modify it. */
  bitmap(kind: MembershipKind, id: number): Bitmap | undefined {
    return this.kinds[kind].bitmap(id);
  }

  /** The works of any of `ids`, as a new bitmap. */
  anyOf(kind: MembershipKind, ids: readonly number[]): Bitmap {
    const links = this.kinds[kind];
    return RoaringBitmap32.orMany(ids.flatMap((id) => links.bitmap(id) ?? []));
  }

  /** The pen names or series of a work. */
  of(kind: MembershipKind, workId: number): number[] {
    return this.kinds[kind].of(workId);
  }

  /** Replaces a work's links of one kind. */
  set(kind: MembershipKind, workId: number, ids: readonly number[]): void {
    const links = this.kinds[kind];
    const unique = [...new Set(ids)];
    for (const id of links.of(workId)) links.materialize(id).remove(workId);
    for (const id of unique) links.materialize(id).add(workId);
    links.setLinks(workId, unique);
  }

  /** Forgets a work. */
  remove(workId: number): void {
    this.set('pseud', workId, []);
    this.set('series', workId, []);
  }

  /** Bulk load: replaces all links of `kind` with `pairs` (work id, pen name or series id). */
  load(kind: MembershipKind, pairs: Pairs): void {
    this.kinds[kind].load(pairs);
  }

  /** Adds `works` to pen name or series `id`, keeping what is there (a live-update path: no bulk load). */
  addGroup(kind: MembershipKind, id: number, works: readonly number[]): void {
    const links = this.kinds[kind];
    for (const w of works) {
      const cur = links.of(w);
      if (!cur.includes(id)) this.set(kind, w, [...cur, id]);
    }
  }
}

/**
 * Fills `m` from the database: every work's pen names and series, read by work id range through
 * the indexes on `work_id` (int-scan.ts: one string per 50,000 works, about 4x cheaper than a row
 * each).
 */
export function loadMemberships(sqlite: SQLite.Database, m: Memberships): void {
  for (const kind of ['pseud', 'series'] as const) {
    const { table, column } = KINDS[kind];
    const pairs = new Pairs();
    const maxId = (sqlite.prepare(`SELECT max(work_id) FROM ${table}`).pluck().get() as number | null) ?? -1;
    const sql = `SELECT group_concat(work_id || ',' || ${column}, ';') FROM ${table} WHERE work_id >= ? AND work_id < ?`;
    scanRows(sqlite, sql, maxId, 2, (v) => pairs.push(v[0]!, v[1]!));
    m.load(kind, pairs);
  }
}

/** Reads the pen names and series of `workIds` again (a work that is gone keeps none). */
export function refreshMemberships(sqlite: SQLite.Database, m: Memberships, workIds: readonly number[]): void {
  const json = JSON.stringify(workIds);
  for (const kind of ['pseud', 'series'] as const) {
    const { table, column } = KINDS[kind];
    const found = new Map<number, number[]>(workIds.map((id) => [id, []]));
    const rows = sqlite.prepare(`SELECT work_id, ${column} FROM ${table} WHERE work_id IN (SELECT value FROM json_each(?))`).raw().iterate(json);
    for (const [w, id] of rows as Iterable<[number, number]>) found.get(w)?.push(id);
    for (const [w, ids] of found) m.set(kind, w, ids);
  }
}
