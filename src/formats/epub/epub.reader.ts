import { QuireError } from '../../errors.ts';
import type { FormatReader, ParsedWork, ReadContext } from '../types.ts';
import { openBook } from './epub.book.ts';
import { readGenericBook } from './generic-book.ts';
import { readOpfMeta } from './opf.meta.ts';
import { readQuireBook } from './quire-book.ts';

/**
 * Reads an EPUB (2 or 3). A book Quire wrote is read back exactly (typed tags, notes, chapter
 * notes, series); any other EPUB gives its Dublin Core metadata and one chapter per text page.
 * The import service sanitizes the HTML and fills in defaults, as for every format.
 */
export function readEpub(bytes: Uint8Array, ctx: ReadContext): ParsedWork {
  let book;
  try {
    book = openBook(bytes);
  } catch (err) {
    if (err instanceof QuireError) throw new QuireError('import_failed', `${ctx.fileName}: ${err.message}`);
    throw err;
  }
  const meta = readOpfMeta(book);
  const parsed = (meta.quirePrefix && readQuireBook(book, meta, meta.quirePrefix)) || readGenericBook(book, meta);
  if (parsed.chapters.length === 0) throw new QuireError('import_failed', `${ctx.fileName}: the EPUB has no pages with story text`);
  return parsed;
}

/** `.epub` files. */
export const epubReader: FormatReader = {
  name: 'epub',
  extensions: ['.epub'],
  read: readEpub,
};
