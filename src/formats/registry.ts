import path from 'node:path';
import { epubReader } from './epub/epub.reader.ts';
import { htmlReader } from './html/html.reader.ts';
import { markdownReader } from './markdown/markdown.reader.ts';
import { textReader } from './text/text.reader.ts';
import type { FormatReader } from './types.ts';

/**
 * Format readers by file extension. The importer asks `readerFor(name)`; a new format (EPUB)
 * is one `registerReader({ name: 'epub', extensions: ['.epub'], read })` away.
 */
const byExtension = new Map<string, FormatReader>();

/** Adds a reader for its extensions (a later registration for the same extension wins). */
export function registerReader(reader: FormatReader): void {
  for (const ext of reader.extensions) byExtension.set(ext.toLowerCase(), reader);
}

/** The reader for a file name by its extension, case-insensitive; undefined when none. */
export function readerFor(fileName: string): FormatReader | undefined {
  return byExtension.get(path.extname(fileName).toLowerCase());
}

/** Extensions Quire can import, e.g. `['.txt', '.md', …]`. */
export function supportedExtensions(): string[] {
  return [...byExtension.keys()];
}

registerReader(textReader);
registerReader(markdownReader);
registerReader(htmlReader);
registerReader(epubReader);
