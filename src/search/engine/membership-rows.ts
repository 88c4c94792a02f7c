/**
 * The flat arrays behind engine/memberships.ts: (work, id) pairs as read, and the same grouped by
 * pen name or series id (compressed sparse rows), so a million works cost two integer arrays
 * rather than a quarter of a million bitmaps.
 */

/** The works of each id: `works[offsets[id] .. offsets[id + 1])`, ascending and distinct. */
export class Rows {
  private readonly view: Uint32Array;

  constructor(
    readonly offsets: Int32Array,
    readonly works: Int32Array,
  ) {
    this.view = new Uint32Array(works.buffer, works.byteOffset, works.length);
  }

  /** The works of `id` (a view into the shared array: do not modify it). */
  worksOf(id: number): Uint32Array {
    if (!(id >= 0 && id + 1 < this.offsets.length)) return this.view.subarray(0, 0);
    return this.view.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }
}

/** A growing list of (work id, pen name or series id) pairs, in any order, duplicates allowed. */
export class Pairs {
  works: Int32Array = new Int32Array(1024);
  ids: Int32Array = new Int32Array(1024);
  length = 0;
  maxWork = -1;
  maxId = -1;

  static empty(): Rows {
    return new Rows(new Int32Array(1), new Int32Array(0));
  }

  push(work: number, id: number): void {
    if (!(Number.isInteger(work) && Number.isInteger(id) && work >= 0 && id >= 0 && work < 2 ** 31 && id < 2 ** 31)) {
      throw new RangeError(`memberships: work ${work} / id ${id} is not a non-negative 32-bit integer`);
    }
    if (this.length === this.works.length) {
      this.works = grow(this.works);
      this.ids = grow(this.ids);
    }
    this.works[this.length] = work;
    this.ids[this.length++] = id;
    if (work > this.maxWork) this.maxWork = work;
    if (id > this.maxId) this.maxId = id;
  }

  /** Groups the pairs by id (a counting sort), each group's works ascending and distinct. */
  toRows(): Rows {
    const n = this.length;
    const offsets = new Int32Array(this.maxId + 2);
    for (let i = 0; i < n; i++) offsets[this.ids[i]! + 1]!++;
    for (let id = 1; id < offsets.length; id++) offsets[id]! += offsets[id - 1]!;
    const cursor = offsets.slice(0, offsets.length - 1);
    const works = new Int32Array(n);
    for (let i = 0; i < n; i++) works[cursor[this.ids[i]!]!++] = this.works[i]!;
    let clean = true;
    for (let id = 0; id + 1 < offsets.length; id++) {
      for (let k = offsets[id]! + 1; k < offsets[id + 1]!; k++) {
        if (works[k]! > works[k - 1]!) continue;
        clean = false; // out of order or repeated: sort the group, drop repeats below
        works.subarray(offsets[id]!, offsets[id + 1]!).sort();
        break;
      }
    }
    return clean ? new Rows(offsets, works) : dedupe(offsets, works);
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Drops repeated works within each (sorted) group, in place. */
function dedupe(offsets: Int32Array, works: Int32Array): Rows {
  let out = 0;
  let start = 0;
  for (let id = 0; id + 1 < offsets.length; id++) {
    const end = offsets[id + 1]!;
    const groupStart = out;
    for (let k = start; k < end; k++) if (out === groupStart || works[k] !== works[out - 1]) works[out++] = works[k]!;
    start = end;
    offsets[id + 1] = out;
  }
  return new Rows(offsets, works.slice(0, out));
}
