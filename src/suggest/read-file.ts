import fs from 'node:fs/promises';
import { QuireError } from '../errors.ts';
import { readerFor, supportedExtensions } from '../formats/registry.ts';
import { htmlToText } from '../formats/sanitize.ts';
import type { ChapterText } from './suggest.types.ts';

/**
 * Reads a story file into chapters of plain text, with the importer's own readers (so `quire
 * suggest` sees the same chapters, front matter removed, as `quire import` would store).
 * The one place that knows about files; `suggest()` itself only sees text.
 */
export async function readChapters(filePath: string): Promise<ChapterText[]> {
  const reader = readerFor(filePath);
  if (!reader) throw new QuireError('unsupported_format', `${filePath}: unsupported format (Quire reads ${supportedExtensions().join(', ')})`);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new QuireError('not_found', `${filePath}: no such file`);
    throw new QuireError('bad_request', `${filePath}: ${code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`}`);
  }
  const parsed = await reader.read(bytes, { fileName: filePath });
  return parsed.chapters.map((c) => (c.title ? { title: c.title, text: chapterText(c.html) } : { text: chapterText(c.html) }));
}

/** Plain text of a chapter's sanitized HTML; a horizontal rule becomes a `* * *` scene break. */
export function chapterText(html: string): string {
  return htmlToText(html.replace(/<hr\b[^>]*>/gi, '\n\n* * *\n\n'));
}
