import type roaring from 'roaring';

type Bitmap = InstanceType<typeof roaring.RoaringBitmap32>;

/** Cookies of the portable roaring format (github.com/RoaringBitmap/RoaringFormatSpec). */
const WITH_RUNS = 12347;
const NO_RUNS = 12346;
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * A bit per id up to the bitmap's largest (`bits[id >>> 5] >>> (id & 31) & 1`): a membership
 * test without a call into roaring. Read from the bitmap's portable serialization, a copy the
 * native side makes in microseconds: its bitmap containers (a dense run of 65,536 ids) are copied
 * whole, its array and run containers set bit by bit and range by range. A result of 750,000
 * works at 1 M works takes about 0.2 ms, where setting a bit per id of `toUint32Array()` took
 * 2–3 ms.
 */
export function bitsOf(bitmap: Bitmap): Uint32Array {
  if (bitmap.isEmpty) return new Uint32Array(0);
  const bits = new Uint32Array((bitmap.maximum() >>> 5) + 1);
  const buf = bitmap.serialize('portable');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const cookie = view.getUint32(0, true);
  let size: number;
  let pos: number;
  let runs: Uint8Array | null = null;
  if ((cookie & 0xffff) === WITH_RUNS) {
    size = (cookie >>> 16) + 1;
    runs = buf.subarray(4, 4 + ((size + 7) >>> 3));
    pos = 4 + runs.length;
  } else if (cookie === NO_RUNS) {
    size = view.getUint32(4, true);
    pos = 8;
  } else {
    throw new Error(`unknown roaring serialization (cookie ${cookie})`);
  }
  const header = pos;
  pos += 4 * size; // keys and cardinalities
  if (!runs || size >= 4) pos += 4 * size; // offsets, which the containers' order makes unneeded here
  for (let i = 0; i < size; i++) {
    const high = view.getUint16(header + 4 * i, true) * 65536;
    const cardinality = view.getUint16(header + 4 * i + 2, true) + 1;
    if (runs && ((runs[i >>> 3]! >>> (i & 7)) & 1) === 1) {
      const n = view.getUint16(pos, true);
      pos += 2;
      for (let r = 0; r < n; r++, pos += 4) {
        const from = high + view.getUint16(pos, true);
        setRange(bits, from, from + view.getUint16(pos + 2, true));
      }
    } else if (cardinality <= 4096) {
      for (let k = 0; k < cardinality; k++, pos += 2) {
        const id = high + view.getUint16(pos, true);
        bits[id >>> 5]! |= 1 << (id & 31);
      }
    } else {
      const base = high / 32;
      const words = Math.min(2048, bits.length - base);
      const at = buf.byteOffset + pos;
      if (LITTLE_ENDIAN && at % 4 === 0) bits.set(new Uint32Array(buf.buffer, at, words), base);
      else for (let k = 0; k < words; k++) bits[base + k] = view.getUint32(pos + 4 * k, true);
      pos += 8192;
    }
  }
  return bits;
}

/** Sets the bits of ids `from` to `to`, both included. */
function setRange(bits: Uint32Array, from: number, to: number): void {
  for (let id = from; id <= to; ) {
    if ((id & 31) === 0 && id + 31 <= to) {
      bits[id >>> 5] = 0xffffffff;
      id += 32;
    } else {
      bits[id >>> 5]! |= 1 << (id & 31);
      id++;
    }
  }
}
