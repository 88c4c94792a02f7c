import { deflateRawSync } from 'node:zlib';
import { QuireError } from '../../errors.ts';

/**
 * A small ZIP writer for EPUB: entries in the order given, each STORED or deflated, one fixed
 * timestamp for every entry so the same input always gives the same bytes. No ZIP64: an archive
 * (or entry) past 4 GiB is refused.
 */

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, ASCII (EPUB file names are). */
  name: string;
  data: Uint8Array | string;
  /** Store without compression (EPUB's `mimetype` must be). */
  store?: boolean;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the ZIP and PNG one): `crc32(Buffer.from('abc')) === 0x352441c2`. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A `YYYY-MM-DD` day as MS-DOS date and time words (midnight; years before 1980 become 1980). */
export function dosDateTime(day: string): { date: number; time: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  const year = Math.min(Math.max(m ? Number(m[1]) : 1980, 1980), 2107);
  const month = m ? Number(m[2]) : 1;
  const date = m ? Number(m[3]) : 1;
  return { date: ((year - 1980) << 9) | (month << 5) | date, time: 0 };
}

const LIMIT = 0xffffffff;

/**
 * Builds a ZIP archive. `day` (`YYYY-MM-DD`) stamps every entry, so output is deterministic.
 *
 * @example writeZip([{ name: 'mimetype', data: 'application/epub+zip', store: true }], '2024-05-01')
 */
export function writeZip(entries: readonly ZipEntry[], day: string): Buffer {
  const { date, time } = dosDateTime(day);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (!/^[\x20-\x7e]+$/.test(entry.name)) throw new QuireError('internal', `zip entry name must be printable ASCII: ${JSON.stringify(entry.name)}`);
    const name = Buffer.from(entry.name, 'ascii');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const body = entry.store ? raw : deflateRawSync(raw, { level: 6 });
    if (raw.length >= LIMIT || body.length >= LIMIT || offset >= LIMIT) throw new QuireError('internal', 'zip archive too large (over 4 GiB)');
    const crc = crc32(raw);
    const method = entry.store ? 0 : 8;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field (EPUB requires none on mimetype)
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  if (entries.length > 0xffff || offset + centralSize >= LIMIT) throw new QuireError('internal', 'zip archive too large');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
