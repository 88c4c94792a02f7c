import type { ExportContext } from '../formats/export/export.types.ts';
import { uuidV5 } from '../formats/epub/uuid.ts';

/**
 * Absolute addresses for feeds and catalogs (feed readers and e-readers need them), and the
 * permanent ids of entries: `urn:uuid:` + UUID v5 of the thing's address, so a work's entry has
 * the same id as its EPUB (`dc:identifier`) and e-readers recognise the book.
 */
export type FeedContext = ExportContext;

/** `abs(ctx, '/works/1')` → `https://example.org/works/1`. */
export function abs(ctx: FeedContext, path: string): string {
  return `${ctx.baseUrl}${path}`;
}

/** A permanent id for whatever lives at `path`. */
export function idFor(ctx: FeedContext, path: string): string {
  return `urn:uuid:${uuidV5(abs(ctx, path))}`;
}

/** A path with its query string (`pathWithQuery('/opds/new', { page: '2' })`); empty values dropped. */
export function pathWithQuery(path: string, query: Record<string, string | readonly string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const one of typeof v === 'string' ? [v] : v) if (one !== '') params.append(k, one);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const paths = {
  work: (id: number) => `/works/${id}`,
  chapter: (workId: number, position: number) => `/works/${workId}/chapters/${position}`,
  tag: (name: string) => `/tags/${encodeURIComponent(name)}`,
  creator: (name: string) => `/creators/${encodeURIComponent(name)}`,
  series: (id: number) => `/series/${id}`,
  download: (id: number, ext: string) => `/works/${id}/download.${ext}`,
  tagFeed: (name: string) => `/tags/${encodeURIComponent(name)}/feed.atom`,
  creatorFeed: (name: string) => `/creators/${encodeURIComponent(name)}/feed.atom`,
  workFeed: (id: number) => `/works/${id}/feed.atom`,
  seriesFeed: (id: number) => `/series/${id}/feed.atom`,
  searchFeed: '/search/feed.atom',
};
