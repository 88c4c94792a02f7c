import type { Work } from '../works/work.types.ts';

/**
 * File names for downloads: an ASCII one every browser and file system takes, and the full
 * title for clients that read RFC 5987's `filename*`.
 */

/** Characters no file system likes, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/** `The_Lantern_and_the_Ledger`: letters, digits, `_`, `-`, `.`; accents dropped; at most 60 characters. */
export function asciiName(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^A-Za-z0-9._ -]+/g, ' ')
    .trim()
    .replace(/\s+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 60)
    .replace(/[._-]+$/, '');
}

/** The ASCII and the UTF-8 file name of a work's download. */
export function downloadFileNames(work: Pick<Work, 'id' | 'title'>, ext: string): { ascii: string; utf8: string } {
  const ascii = asciiName(work.title) || `work-${work.id}`;
  const utf8 = [...work.title.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim()].slice(0, 120).join('') || `work-${work.id}`;
  return { ascii: `${ascii}.${ext}`, utf8: `${utf8}.${ext}` };
}

/** RFC 5987 value-chars: percent-encoded UTF-8, `'()*` too. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="Ash_and_Salt.epub"; filename*=UTF-8''Ash%20and%20Salt.epub`
 */
export function contentDisposition(work: Pick<Work, 'id' | 'title'>, ext: string): string {
  const { ascii, utf8 } = downloadFileNames(work, ext);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(utf8)}`;
}
