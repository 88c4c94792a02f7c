import path from 'node:path';
import type { Archive } from '../archive.ts';
import type { Config } from '../config/config.ts';
import { QuireError } from '../errors.ts';
import { EXPORTERS } from '../formats/export/exporters.ts';
import type { ExportContext, QuireFormat } from '../formats/export/export.types.ts';
import { pdfSupport } from '../formats/export/pdf.fonts.ts';
import { logger } from '../log.ts';
import type { WorkEvents } from '../works/work.events.ts';
import type { WorkWithChapters } from '../works/work.types.ts';
import { DiskCache, MemoryCache, cacheName, type CacheKey, type DownloadCache } from './cache.ts';
import { convertEpub, detectCalibre, type ConverterCommand } from './calibre.ts';
import { DOWNLOAD_EXTENSIONS, DOWNLOAD_FORMATS, type DownloadExt, type DownloadFormat } from './formats.ts';
import { JobQueue } from './jobs.ts';

/**
 * Downloads of works: made on first request, cached per work revision, served from the cache
 * after. EPUB, HTML and TXT are made during the request (fast); AZW3 and MOBI (calibre) and the
 * PDFs of long works are made in the background, and the request answers "being prepared".
 * Who may download what is decided before: callers pass a work the viewer may read.
 */

export interface DownloadOptions {
  /** calibre's converter; `null` turns AZW3/MOBI off; left out, `ebook-convert` is looked for on the PATH. */
  converter?: ConverterCommand | null;
  /** Where cached files go; left out: `<dataDir>/cache/downloads`, or memory for `:memory:` archives. */
  cacheDir?: string;
  /** PDFs of works longer than this (words) are made in the background. Default 100,000. */
  pdfInlineWords?: number;
  /** How many background jobs run at once. Default 1. */
  concurrency?: number;
}

/** What a request for a download gets. */
export type Prepared =
  | { state: 'ready'; format: DownloadFormat; bytes: Buffer; etag: string }
  | { state: 'preparing'; format: DownloadFormat }
  | { state: 'failed'; format: DownloadFormat; message: string; status: 500 | 503 };

const log = logger('downloads');

/** Why `ext` cannot be offered with this converter, or undefined when it can. */
function unavailable(ext: DownloadExt, converter: ConverterCommand | null): string | undefined {
  if (DOWNLOAD_FORMATS[ext].maker === 'calibre' && !converter) return `${ext.toUpperCase()} downloads need calibre (ebook-convert), which is not installed on this archive`;
  if (ext === 'pdf') {
    const pdf = pdfSupport();
    if (!pdf.ok) return pdf.reason;
  }
  return undefined;
}

/**
 * The formats offered, in display order: AZW3 and MOBI only with calibre (found on the PATH
 * unless given), PDF only with its fonts.
 */
export function offeredFormats(converter: ConverterCommand | null = detectCalibre()): DownloadFormat[] {
  return DOWNLOAD_EXTENSIONS.map((ext) => DOWNLOAD_FORMATS[ext]).filter((f) => unavailable(f.ext, converter) === undefined);
}

export class DownloadService {
  readonly cache: DownloadCache;
  private readonly queue: JobQueue;
  private readonly converter: ConverterCommand | null;
  private readonly inflight = new Map<string, Promise<Buffer>>();
  private readonly ctx: ExportContext;
  private readonly pdfInlineWords: number;

  constructor(config: Pick<Config, 'archiveName' | 'baseUrl' | 'dataDir'>, events: WorkEvents | undefined, options: DownloadOptions = {}) {
    this.ctx = { archiveName: config.archiveName, baseUrl: config.baseUrl };
    this.converter = options.converter === undefined ? detectCalibre() : options.converter;
    const dir = options.cacheDir ?? (config.dataDir === ':memory:' ? undefined : path.join(config.dataDir, 'cache', 'downloads'));
    this.cache = dir ? new DiskCache(dir) : new MemoryCache();
    this.queue = new JobQueue(options.concurrency ?? 1);
    this.pdfInlineWords = options.pdfInlineWords ?? 100_000;
    events?.subscribe({
      worksChanged: (ids) => this.forget(ids),
      worksDeleted: (ids) => this.forget(ids),
    });
  }

  /** The formats this archive offers, in display order (AZW3/MOBI only with calibre, PDF only with its fonts). */
  formats(): DownloadFormat[] {
    return offeredFormats(this.converter);
  }

  /** Why a format is not offered here, or undefined when it is. */
  why(ext: DownloadExt): string | undefined {
    return unavailable(ext, this.converter);
  }

  /**
   * The download of `work` as `ext`: from the cache, made now, or queued (then `preparing`).
   * `work` must be one the requester may read (`archive.works.read(viewer, id)`).
   */
  async prepare(work: WorkWithChapters, ext: DownloadExt): Promise<Prepared> {
    const format = DOWNLOAD_FORMATS[ext];
    const reason = this.why(ext);
    if (reason) throw new QuireError('not_found', reason);
    const key: CacheKey = { workId: work.id, revision: work.revision, ext };
    const etag = `"${cacheName(key)}"`;
    const cached = await this.cache.get(key);
    if (cached) return { state: 'ready', format, bytes: cached, etag };
    if (!this.inBackground(work, ext)) return { state: 'ready', format, bytes: await this.make(work, ext), etag };
    const name = cacheName(key);
    const failure = this.queue.takeFailure(name);
    if (failure) {
      // The details (calibre's own output) are in the log; readers get a plain sentence.
      const message = format.maker === 'calibre' ? 'the conversion failed. The EPUB download may work instead.' : 'something went wrong. Please try again later.';
      return { state: 'failed', format, message, status: 500 };
    }
    if (!this.queue.enqueue(name, () => this.make(work, ext))) {
      return { state: 'failed', format, message: 'The archive is busy preparing other downloads. Please try again in a few minutes.', status: 503 };
    }
    return { state: 'preparing', format };
  }

  /** Makes a download now, without the cache (the CLI's `quire export`). */
  async render(work: WorkWithChapters, ext: DownloadExt): Promise<Buffer> {
    const reason = this.why(ext);
    if (reason) throw new QuireError('unsupported_format', reason);
    if (DOWNLOAD_FORMATS[ext].maker === 'calibre') return convertEpub(this.converter!, await EXPORTERS.epub(work, this.ctx), ext);
    return Buffer.from(await EXPORTERS[ext as QuireFormat](work, this.ctx));
  }

  /** Resolves when no background job is waiting or running (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Whether a format is made in the background for this work. */
  inBackground(work: WorkWithChapters, ext: DownloadExt): boolean {
    return DOWNLOAD_FORMATS[ext].maker === 'calibre' || (ext === 'pdf' && work.words > this.pdfInlineWords);
  }

  /** Makes and caches a file; concurrent requests for the same file share one making. */
  private make(work: WorkWithChapters, ext: DownloadExt): Promise<Buffer> {
    const key: CacheKey = { workId: work.id, revision: work.revision, ext };
    const name = cacheName(key);
    const running = this.inflight.get(name);
    if (running) return running;
    const job = (async () => {
      const started = Date.now();
      const bytes = DOWNLOAD_FORMATS[ext].maker === 'calibre'
        ? await convertEpub(this.converter!, await this.make(work, 'epub'), ext)
        : Buffer.from(await EXPORTERS[ext as QuireFormat](work, this.ctx));
      await this.cache.put(key, bytes);
      log.info({ workId: work.id, revision: work.revision, format: ext, bytes: bytes.length, ms: Date.now() - started }, 'download made');
      return bytes;
    })().finally(() => this.inflight.delete(name));
    this.inflight.set(name, job);
    return job;
  }

  private async forget(ids: readonly number[]): Promise<void> {
    for (const id of ids) await this.cache.removeWork(id);
  }
}

const services = new WeakMap<Archive, DownloadService>();

/**
 * The download service of an archive, made on first use (options apply then only). The web
 * routes and the work page share it.
 *
 * @example const prepared = await downloadsFor(archive).prepare(work, 'epub')
 */
export function downloadsFor(archive: Archive, options?: DownloadOptions): DownloadService {
  let service = services.get(archive);
  if (!service) {
    service = new DownloadService(archive.config, archive.events, options);
    services.set(archive, service);
  }
  return service;
}
