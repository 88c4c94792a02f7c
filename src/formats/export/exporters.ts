import { writeEpub } from '../epub/epub.writer.ts';
import type { Exporter, QuireFormat } from './export.types.ts';
import { writeHtml } from './html.export.ts';
import { writePdf } from './pdf.export.ts';
import { writeText } from './text.export.ts';

/** The writer of each format Quire makes itself (MOBI and AZW3 are made from the EPUB by calibre). */
export const EXPORTERS: Record<QuireFormat, Exporter> = {
  epub: writeEpub,
  html: writeHtml,
  txt: writeText,
  pdf: writePdf,
};
