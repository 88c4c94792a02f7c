/**
 * Unsigned LEB128 varints, the encoding of every postings and lengths block (block-format.ts):
 * 7 bits a byte, low bits first, high bit set on every byte but the last. Values up to 2^53.
 */

/** A growable byte buffer that writes varints. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(v: number): void {
    if (this.length + 8 > this.buf.length) this.room(8);
    if (v < 128 && v >= 0 && (v | 0) === v) {
      this.buf[this.length++] = v;
      return;
    }
    if (!(v >= 0 && Number.isInteger(v))) throw new RangeError(`varint: ${v} is not a non-negative integer`);
    while (v >= 128) {
      this.buf[this.length++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    if (b.length < 16) for (let i = 0; i < b.length; i++) this.buf[this.length++] = b[i]!;
    else {
      this.buf.set(b, this.length);
      this.length += b.length;
    }
  }

  /** Copies `src[from..to)`. */
  range(src: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    for (let i = from; i < to; i++) this.buf[this.length++] = src[i]!;
  }

  /** A copy of what was written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads varints from a byte array; `pos` is the next byte. */
export class ByteReader {
  pos = 0;

  constructor(readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): number {
    const b = this.buf;
    let byte = b[this.pos++]!;
    if (byte < 128) return byte;
    let v = byte & 127;
    let scale = 128;
    for (;;) {
      if (this.pos >= b.length) throw new RangeError('varint: truncated block');
      byte = b[this.pos++]!;
      v += (byte & 127) * scale;
      if (byte < 128) return v;
      scale *= 128;
    }
  }
}
