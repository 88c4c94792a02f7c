import type { WorkWithChapters } from '../../works/work.types.ts';

/** What every download needs from the archive besides the work. */
export interface ExportContext {
  /** Shown as publisher and in the "posted on" line. */
  archiveName: string;
  /** The public address without a trailing slash; work and tag links are made absolute with it. */
  baseUrl: string;
}

/** The formats Quire writes itself. */
export const QUIRE_FORMATS = ['epub', 'html', 'txt', 'pdf'] as const;
export type QuireFormat = (typeof QUIRE_FORMATS)[number];

/** Renders one work as one file of a format. */
export type Exporter = (work: WorkWithChapters, ctx: ExportContext) => Uint8Array | Promise<Uint8Array>;

/** `https://example.org/works/12` */
export function workUrl(ctx: ExportContext, id: number): string {
  return `${ctx.baseUrl}/works/${id}`;
}

/** `https://example.org/tags/A%2FB` */
export function tagUrl(ctx: ExportContext, name: string): string {
  return `${ctx.baseUrl}/tags/${encodeURIComponent(name)}`;
}

/** `https://example.org/series/3` */
export function seriesUrl(ctx: ExportContext, id: number): string {
  return `${ctx.baseUrl}/series/${id}`;
}
