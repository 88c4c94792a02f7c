import { inflateRawSync } from 'node:zlib';
import { QuireError } from '../../errors.ts';
import { crc32 } from './zip.ts';

/**
 * Reads the entries of a ZIP archive through its central directory (STORED and deflated
 * entries; no encryption, no ZIP64). Sizes are capped so a hostile file cannot exhaust memory.
 */

export interface UnzipLimits {
  /** Most entries read. */
  maxEntries: number;
  /** Most bytes all entries may expand to, together. */
  maxTotalBytes: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxEntries: 10_000, maxTotalBytes: 256 * 1024 * 1024 };

function bad(why: string): QuireError {
  return new QuireError('import_failed', `not a readable EPUB (ZIP) file: ${why}`);
}

function findEnd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw bad('no end-of-archive record');
}

/**
 * Every file entry by name (directories left out), decompressed and CRC-checked.
 *
 * @example const files = readZip(bytes); files.get('mimetype')?.toString()
 */
export function readZip(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) throw bad('too short');
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count > limits.maxEntries) throw bad(`${count} entries; at most ${limits.maxEntries} are read`);
  const files = new Map<string, Buffer>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad('damaged central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw bad(`${name} is encrypted (DRM-protected books cannot be imported)`);
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) throw bad(`damaged entry ${name}`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressed > buf.length) throw bad(`entry ${name} is cut short`);
    total += size;
    if (total > limits.maxTotalBytes) throw bad(`contents expand past ${Math.round(limits.maxTotalBytes / 1048576)} MB`);
    const body = buf.subarray(start, start + compressed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) {
      try {
        data = inflateRawSync(body, { maxOutputLength: Math.max(size, 1) });
      } catch {
        throw bad(`entry ${name} cannot be decompressed`);
      }
    } else throw bad(`entry ${name} uses compression method ${method}`);
    if (data.length !== size || crc32(data) !== crc) throw bad(`entry ${name} is damaged (size or checksum mismatch)`);
    files.set(name, data);
  }
  return files;
}
