/**
 * Hash tables of typed arrays for the postings' hot loops (extract.ts runs them for every token of
 * every chapter): word → key id, looked up by string or straight from a range of ASCII text
 * (no substring made), and (key id, word key id) → the n-gram key id.
 */

const EMPTY = -1;

function hashString(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Words to key ids. ASCII words are stored lower-cased (as folded terms are). */
export class TermTable {
  private cap = 16;
  private ids = new Int32Array(this.cap).fill(EMPTY);
  private terms: string[] = new Array<string>(this.cap);
  size = 0;

  set(term: string, id: number): void {
    if ((this.size + 1) * 2 > this.cap) this.resize(this.cap * 2);
    let h = hashString(term) & (this.cap - 1);
    while (this.ids[h] !== EMPTY && this.terms[h] !== term) h = (h + 1) & (this.cap - 1);
    if (this.ids[h] === EMPTY) this.size++;
    this.ids[h] = id;
    this.terms[h] = term;
  }

  private resize(cap: number): void {
    const { ids, terms } = this;
    this.cap = cap;
    this.ids = new Int32Array(cap).fill(EMPTY);
    this.terms = new Array<string>(cap);
    this.size = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== EMPTY) this.set(terms[i]!, ids[i]!);
  }

  /** The id of `term`, or -1. */
  get(term: string): number {
    let h = hashString(term) & (this.cap - 1);
    for (;;) {
      const id = this.ids[h]!;
      if (id === EMPTY || this.terms[h] === term) return id;
      h = (h + 1) & (this.cap - 1);
    }
  }

  /** The id of the ASCII letters and digits `text[start..end)`, upper case folded, or -1. */
  getAscii(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 0x20), 0x01000193);
    h = (h >>> 0) & (this.cap - 1);
    const len = end - start;
    for (;;) {
      const id = this.ids[h]!;
      if (id === EMPTY) return EMPTY;
      const t = this.terms[h]!;
      if (t.length === len) {
        let k = 0;
        while (k < len && t.charCodeAt(k) === (text.charCodeAt(start + k) | 0x20)) k++;
        if (k === len) return id;
      }
      h = (h + 1) & (this.cap - 1);
    }
  }
}

/** (key id, word key id) → key id, both ids non-negative 32-bit integers. */
export class PairTable {
  private cap = 16;
  private a = new Int32Array(this.cap).fill(EMPTY);
  private b = new Int32Array(this.cap);
  private v = new Int32Array(this.cap);
  size = 0;

  private slot(x: number, y: number): number {
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h &= this.cap - 1;
    while (this.a[h] !== EMPTY && (this.a[h] !== x || this.b[h] !== y)) h = (h + 1) & (this.cap - 1);
    return h;
  }

  set(x: number, y: number, value: number): void {
    if ((this.size + 1) * 2 > this.cap) this.resize(this.cap * 2);
    const h = this.slot(x, y);
    if (this.a[h] === EMPTY) this.size++;
    this.a[h] = x;
    this.b[h] = y;
    this.v[h] = value;
  }

  private resize(cap: number): void {
    const { a, b, v } = this;
    this.cap = cap;
    this.a = new Int32Array(cap).fill(EMPTY);
    this.b = new Int32Array(cap);
    this.v = new Int32Array(cap);
    this.size = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== EMPTY) this.set(a[i]!, b[i]!, v[i]!);
  }

  /** The value of (x, y), or -1. */
  get(x: number, y: number): number {
    if (x < 0 || y < 0) return EMPTY;
    const h = this.slot(x, y);
    return this.a[h] === EMPTY ? EMPTY : this.v[h]!;
  }
}
