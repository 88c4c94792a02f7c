/**
 * The download formats, in the order the work page lists them. Quire writes EPUB, PDF, HTML and
 * plain text itself; AZW3 and MOBI are converted from the EPUB by calibre's `ebook-convert`,
 * and are only offered where it is installed.
 */
export const DOWNLOAD_EXTENSIONS = ['epub', 'azw3', 'mobi', 'pdf', 'html', 'txt'] as const;
export type DownloadExt = (typeof DOWNLOAD_EXTENSIONS)[number];

export interface DownloadFormat {
  ext: DownloadExt;
  /** Link text: `EPUB`. */
  label: string;
  /** Content-Type of the response. */
  mime: string;
  /** Who makes it: Quire, or calibre from Quire's EPUB. */
  maker: 'quire' | 'calibre';
}

export const DOWNLOAD_FORMATS: Record<DownloadExt, DownloadFormat> = {
  epub: { ext: 'epub', label: 'EPUB', mime: 'application/epub+zip', maker: 'quire' },
  azw3: { ext: 'azw3', label: 'AZW3', mime: 'application/vnd.amazon.ebook', maker: 'calibre' },
  mobi: { ext: 'mobi', label: 'MOBI', mime: 'application/x-mobipocket-ebook', maker: 'calibre' },
  pdf: { ext: 'pdf', label: 'PDF', mime: 'application/pdf', maker: 'quire' },
  html: { ext: 'html', label: 'HTML', mime: 'text/html; charset=utf-8', maker: 'quire' },
  txt: { ext: 'txt', label: 'TXT', mime: 'text/plain; charset=utf-8', maker: 'quire' },
};

/** `isDownloadExt('epub') === true`; anything else (`EPUB`, `zip`) is false. */
export function isDownloadExt(value: string): value is DownloadExt {
  return (DOWNLOAD_EXTENSIONS as readonly string[]).includes(value);
}
