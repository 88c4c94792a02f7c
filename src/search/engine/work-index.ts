import roaring from 'roaring';
import { TAG_TYPES, type TagType } from '../../tags/tag.types.ts';
import type { SortDirection } from '../query.ts';
import { descending, grow, radixSort } from './arrays.ts';
import { FacetOrders } from './facet-orders.ts';
import { Memberships } from './memberships.ts';
import { RangeBuckets } from './range-buckets.ts';
import { SortOrder, type Comparator } from './sort-order.ts';
import { TagLists } from './tag-lists.ts';
import { TagPostings } from './tag-postings.ts';

const { RoaringBitmap32 } = roaring;
export type Bitmap = InstanceType<typeof RoaringBitmap32>;

export const NUMERIC_KEYS = ['words', 'posted', 'updated', 'hits', 'kudos', 'comments', 'bookmarks'] as const;
export type NumericKey = (typeof NUMERIC_KEYS)[number];
/** The keys that filters take ranges of (words, dates posted and updated). */
export const RANGE_KEYS = ['words', 'posted', 'updated'] as const satisfies readonly NumericKey[];
export type OrderKey = NumericKey | 'title' | 'creator';

/** Everything the engine keeps about one work. Dates are `yyyymmdd` numbers (20240531). */
export interface WorkRow extends Record<NumericKey, number> {
  id: number;
  titleKey: string;
  creatorKey: string;
  language: string;
  status: string;
  restricted: boolean;
  hidden: boolean;
  complete: boolean;
  crossover: boolean;
  /** Filter tag ids. */
  tags: readonly number[];
}

/** The parts a bulk load fills directly (engine/load.ts); everything else starts empty. */
export interface IndexParts {
  /** `posted`: every posted work, hidden or not (what administrators may see besides their own). */
  alive: Bitmap; posted: Bitmap; guest: Bitmap; member: Bitmap; complete: Bitmap; crossover: Bitmap;
  languages: Map<string, Bitmap>; languageOf: string[];
  num: Record<NumericKey, Uint32Array>;
  titleKey: string[]; creatorKey: string[];
  tags: TagPostings; tagTypes: Uint8Array; tagLists: TagLists;
}

export function emptyParts(): IndexParts {
  const num = Object.fromEntries(NUMERIC_KEYS.map((k) => [k, new Uint32Array(64)])) as Record<NumericKey, Uint32Array>;
  return {
    alive: new RoaringBitmap32(), posted: new RoaringBitmap32(), guest: new RoaringBitmap32(), member: new RoaringBitmap32(),
    complete: new RoaringBitmap32(), crossover: new RoaringBitmap32(),
    languages: new Map(), languageOf: [], num, titleKey: [], creatorKey: [],
    tags: new TagPostings(), tagTypes: new Uint8Array(64), tagLists: new TagLists(),
  };
}

/** 1-based code of a tag type in `tagTypes` (0: unknown). */
export function typeCode(type: string): number {
  return (TAG_TYPES as readonly string[]).indexOf(type) + 1;
}

/**
 * The in-memory side of search: the works of each filter tag (engine/tag-postings.ts), a roaring
 * bitmap per language and visibility class, typed arrays by work id for numbers and dates, and
 * lazily built sort orders. Rebuilt from the
 * database at start-up, then kept current by `upsert` and `remove` as works are written.
 */
export class WorkIndex {
  readonly p: IndexParts;
  /** Loaders of string sort keys not read at start-up; each runs once, before the key is first compared. */
  readonly lazyKeys: Partial<Record<'title' | 'creator', () => void>> = {};
  private readonly orders = new Map<string, SortOrder>();
  private readonly ranges = new Map<NumericKey, RangeBuckets>();
  readonly facetOrders: FacetOrders;
  /** Works by pen name and by series (engine/memberships.ts). */
  readonly members = new Memberships();

  constructor(parts: IndexParts = emptyParts()) {
    this.p = parts;
    this.facetOrders = new FacetOrders(this);
  }

  get size(): number {
    return this.p.alive.size;
  }

  tagBitmap(id: number): Bitmap | undefined {
    return this.p.tags.bitmap(id);
  }

  tagType(id: number): TagType | undefined {
    return TAG_TYPES[(this.p.tagTypes[id] ?? 0) - 1];
  }

  setTagType(id: number, type: string): void {
    this.p.tagTypes = grow(this.p.tagTypes, id);
    this.p.tagTypes[id] = typeCode(type);
  }

  languageBitmap(code: string): Bitmap | undefined {
    return this.p.languages.get(code);
  }

  numeric(key: NumericKey): Uint32Array {
    return this.p.num[key];
  }

  /** Adds or replaces a work. */
  upsert(row: WorkRow): void {
    const { p } = this;
    const id = row.id;
    const existed = p.alive.has(id);
    const before = existed ? this.keysOf(id) : undefined;
    const oldTags = existed ? new Set(p.tagLists.get(id)) : undefined;
    const newTags = new Set(row.tags);
    if (existed) this.unlink(id, newTags);
    for (const k of NUMERIC_KEYS) {
      p.num[k] = grow(p.num[k], id);
      p.num[k][id] = row[k];
    }
    p.titleKey[id] = row.titleKey;
    p.creatorKey[id] = row.creatorKey;
    p.languageOf[id] = row.language;
    p.alive.add(id);
    if (row.status === 'posted') p.posted.add(id);
    const visible = row.status === 'posted' && !row.hidden;
    if (visible) p.member.add(id);
    if (visible && !row.restricted) p.guest.add(id);
    if (row.complete) p.complete.add(id);
    if (row.crossover) p.crossover.add(id);
    this.bitmapFor(p.languages, row.language).add(id);
    // Tags the work keeps are not touched: a tag a write changes gets a bitmap of its own for good
    // (engine/tag-postings.ts), so a kudos or hit count must not give one to all of the work's tags.
    for (const t of newTags) {
      if (oldTags?.has(t)) continue;
      p.tags.add(t, id);
      this.facetOrders.increased(t);
    }
    p.tagLists.set(id, row.tags);
    const after = this.keysOf(id);
    for (const [key, buckets] of this.ranges) if (!before || before[key] !== after[key]) buckets.move(id, before?.[key] as number | undefined, after[key] as number);
    for (const [name, order] of this.orders) {
      const key = name.slice(0, name.indexOf(':')) as OrderKey;
      if (!before || before[key] !== after[key]) order.touch(id);
    }
  }

  /** Forgets a work. */
  remove(id: number): void {
    if (!this.p.alive.has(id)) return;
    for (const [key, buckets] of this.ranges) buckets.move(id, this.p.num[key][id], undefined);
    this.unlink(id);
    this.p.tagLists.delete(id);
    this.members.remove(id);
    for (const order of this.orders.values()) order.drop(id);
  }

  /** Takes a work out of every bitmap, and out of its tags' works except those in `keep`. */
  private unlink(id: number, keep?: ReadonlySet<number>): void {
    const { p } = this;
    for (const b of [p.alive, p.posted, p.guest, p.member, p.complete, p.crossover]) b.remove(id);
    const lang = p.languageOf[id];
    if (lang !== undefined) p.languages.get(lang)?.remove(id);
    for (const t of p.tagLists.get(id)) if (!keep?.has(t)) p.tags.remove(t, id);
  }

  private bitmapFor<K>(map: Map<K, Bitmap>, key: K): Bitmap {
    let b = map.get(key);
    if (!b) {
      b = new RoaringBitmap32();
      map.set(key, b);
    }
    return b;
  }

  private keysOf(id: number): Record<OrderKey, number | string> {
    const out: Partial<Record<OrderKey, number | string>> = { title: this.p.titleKey[id] ?? '', creator: this.p.creatorKey[id] ?? '' };
    for (const k of NUMERIC_KEYS) out[k] = this.p.num[k][id]!;
    return out as Record<OrderKey, number | string>;
  }

  /** Compares two works by `key` in `dir`, ties by id descending. */
  comparator(key: OrderKey, dir: SortDirection): Comparator {
    const sign = dir === 'asc' ? 1 : -1;
    if (key === 'title' || key === 'creator') {
      const load = this.lazyKeys[key];
      if (load) {
        delete this.lazyKeys[key];
        load();
      }
      const keys = key === 'title' ? this.p.titleKey : this.p.creatorKey;
      return (a, b) => {
        const ka = keys[a] ?? '';
        const kb = keys[b] ?? '';
        return ka < kb ? -sign : ka > kb ? sign : b - a;
      };
    }
    const { p } = this;
    return (a, b) => sign * (p.num[key][a]! - p.num[key][b]!) || b - a;
  }

  /** The value buckets of `key` for range filters (engine/range-buckets.ts): built by the bulk load (≈ 100 ms a key at 1 M works), else on first use. */
  rangeBuckets(key: NumericKey): RangeBuckets {
    let buckets = this.ranges.get(key);
    if (!buckets) {
      buckets = new RangeBuckets(() => this.p.num[key], this.p.alive.toUint32Array());
      this.ranges.set(key, buckets);
    }
    return buckets;
  }

  /** The precomputed order for `key` and `dir`, built on first use. */
  order(key: OrderKey, dir: SortDirection): SortOrder {
    const name = `${key}:${dir}`;
    let order = this.orders.get(name);
    if (order) return order;
    order = new SortOrder(this.comparator(key, dir));
    order.reset(this.buildPermutation(key, dir));
    this.orders.set(name, order);
    return order;
  }

  /** Every live work in this order. */
  private buildPermutation(key: OrderKey, dir: SortDirection): Uint32Array {
    const ids = descending(this.p.alive.toUint32Array());
    const keys = new Uint32Array(ids.length);
    if (key === 'title' || key === 'creator') {
      const strings = key === 'title' ? this.p.titleKey : this.p.creatorKey;
      const distinct = [...new Set(Array.from(ids, (id) => strings[id] ?? ''))].sort();
      const rank = new Map(distinct.map((s, i) => [s, i]));
      for (let i = 0; i < ids.length; i++) keys[i] = rank.get(strings[ids[i]!] ?? '')!;
    } else {
      const values = this.p.num[key];
      for (let i = 0; i < ids.length; i++) keys[i] = values[ids[i]!]!;
    }
    if (dir === 'desc') for (let i = 0; i < keys.length; i++) keys[i] = 0xffffffff - keys[i]!;
    return radixSort(ids, keys);
  }
}
