import type SQLite from 'better-sqlite3';
import roaring from 'roaring';
import { eachInt } from './int-scan.ts';

const { RoaringBitmap32 } = roaring;
type Bitmap = InstanceType<typeof RoaringBitmap32>;

/** What a work belongs to besides its tags: its pen names and its series. */
export type MembershipKind = 'pseud' | 'series';

/** Per work: nothing, one id (the usual case: a small integer, no array), or several. */
type Links = (number | number[] | undefined)[];

const KINDS = {
  pseud: { table: 'work_creators', column: 'pseud_id' },
  series: { table: 'series_works', column: 'series_id' },
} as const;

function* each(links: number | number[] | undefined): Iterable<number> {
  if (links === undefined) return;
  if (typeof links === 'number') yield links;
  else yield* links;
}

/**
 * One roaring bitmap per pen name and per series, with each work's own links so a live update
 * can unlink it: what the creator filter (`/creators/NAME`), the series filter (`/series/ID`),
 * the reader's own works and muted pen names read. Loaded with the engine (bulk-load.ts), kept
 * current by `SearchService.worksChanged` (`refreshMemberships`) and `WorkIndex.remove`.
 */
export class Memberships {
  private readonly bitmaps: Record<MembershipKind, Map<number, Bitmap>> = { pseud: new Map(), series: new Map() };
  private readonly links: Record<MembershipKind, Links> = { pseud: [], series: [] };

  /** The works of one pen name or series (undefined: none). Do not modify it. */
  bitmap(kind: MembershipKind, id: number): Bitmap | undefined {
    return this.bitmaps[kind].get(id);
  }

  /** The works of any of `ids`, as a new bitmap. */
  anyOf(kind: MembershipKind, ids: readonly number[]): Bitmap {
    return RoaringBitmap32.orMany(ids.flatMap((id) => this.bitmaps[kind].get(id) ?? []));
  }

  /** The pen names or series of a work. */
  of(kind: MembershipKind, workId: number): number[] {
    return [...each(this.links[kind][workId])];
  }

  /** Replaces a work's links of one kind. */
  set(kind: MembershipKind, workId: number, ids: readonly number[]): void {
    this.unlink(kind, workId);
    const unique = [...new Set(ids)];
    for (const id of unique) {
      let b = this.bitmaps[kind].get(id);
      if (!b) this.bitmaps[kind].set(id, (b = new RoaringBitmap32()));
      b.add(workId);
    }
    this.links[kind][workId] = unique.length === 0 ? undefined : unique.length === 1 ? unique[0] : unique;
  }

  /** Forgets a work. */
  remove(workId: number): void {
    this.unlink('pseud', workId);
    this.unlink('series', workId);
  }

  /** Bulk load: `works` of pen name or series `id`, added to what is there. */
  addGroup(kind: MembershipKind, id: number, works: readonly number[]): void {
    const b = RoaringBitmap32.from(works);
    const old = this.bitmaps[kind].get(id);
    if (old) b.orInPlace(old);
    this.bitmaps[kind].set(id, b);
    const links = this.links[kind];
    for (const w of works) {
      const cur = links[w];
      if (cur === undefined) links[w] = id;
      else if (typeof cur === 'number') links[w] = cur === id ? cur : [cur, id];
      else if (!cur.includes(id)) cur.push(id);
    }
  }

  private unlink(kind: MembershipKind, workId: number): void {
    const links = this.links[kind];
    for (const id of each(links[workId])) {
      const b = this.bitmaps[kind].get(id);
      b?.remove(workId);
      if (b?.isEmpty) this.bitmaps[kind].delete(id);
    }
    links[workId] = undefined;
  }
}

/** Fills `m` from the database: every work's pen names and series, one string per pen name or series. */
export function loadMemberships(sqlite: SQLite.Database, m: Memberships): void {
  for (const kind of ['pseud', 'series'] as const) {
    const { table, column } = KINDS[kind];
    const stmt = sqlite.prepare(`SELECT ${column}, group_concat(work_id) FROM ${table} GROUP BY ${column}`).raw();
    for (const [id, list] of stmt.iterate() as Iterable<[number, string]>) {
      const works: number[] = [];
      eachInt(list, (w) => works.push(w));
      m.addGroup(kind, id, works);
    }
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
