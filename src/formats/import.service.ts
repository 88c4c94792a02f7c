import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Archive } from '../archive.ts';
import { QuireError, isQuireError } from '../errors.ts';
import { logger } from '../log.ts';
import { importSuggestions } from '../suggest/import-suggestions.ts';
import type { Work } from '../works/work.types.ts';
import { buildWorkInput } from './build-input.ts';
import { readerFor, supportedExtensions } from './registry.ts';
import type { ImportOverrides, ImportResult } from './types.ts';
import { listFiles } from './walk.ts';

const log = logger('import');

/** Progress of `importPaths`: once with `done: 0` before the first file, then after each file. */
export interface ImportProgress {
  done: number;
  total: number;
  result?: ImportResult;
}

/** How an import treats suggestions from the text: none (the default here), shown in the result, or applied (see importSuggestions). */
export interface ImportOptions {
  suggestions?: 'show' | 'accept';
}

export interface ImportSummary {
  results: ImportResult[];
  /** Files in directories skipped for their extension. */
  skipped: string[];
  created: number;
  unchanged: number;
  failed: number;
}

function result(file: string, status: ImportResult['status'], work?: Work, warnings: string[] = [], error?: string): ImportResult {
  return {
    file,
    status,
    workId: work?.id ?? null,
    title: work?.title ?? null,
    words: work?.words ?? null,
    chapters: work?.chapterCount ?? null,
    error: error ?? null,
    warnings,
  };
}

/** `file: reason`, without repeating the file when the reason already starts with it. */
function failure(file: string, err: unknown): ImportResult {
  let message: string;
  if (isQuireError(err)) {
    message = err.message.startsWith(`${file}:`) ? err.message : `${file}: ${err.message}`;
  } else {
    log.error({ err, file }, 'import failed unexpectedly');
    message = `${file}: internal error (details are in the log)`;
  }
  log.info({ file, code: isQuireError(err) ? err.code : 'internal' }, 'import failed');
  return result(file, 'failed', undefined, [], message);
}

/**
 * Imports one file's bytes as a new work: the web upload and the CLI both end here. The same
 * bytes imported again (sha256) give `unchanged` and the existing work. Never throws: a problem
 * is a `failed` result whose `error` reads `file: reason`. One transaction per work.
 *
 * @example await importBuffer(archive, 'story.txt', bytes, { fandoms: ['Saltmarsh'] })
 */
export async function importBuffer(archive: Archive, fileName: string, bytes: Uint8Array, overrides: ImportOverrides = {}, opts: ImportOptions = {}): Promise<ImportResult> {
  try {
    const reader = readerFor(fileName);
    if (!reader) throw unsupported(fileName);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const existing = await archive.works.findByImportHash(hash);
    if (existing) {
      log.info({ file: fileName, workId: existing.id }, 'already imported');
      return result(fileName, 'unchanged', existing);
    }
    const parsed = await reader.read(bytes, { fileName });
    const built = buildWorkInput(parsed, fileName, overrides, hash);
    const { warnings } = built;
    let input = built.input;
    const suggested = opts.suggestions ? await importSuggestions(archive, input, opts.suggestions === 'accept') : undefined;
    if (suggested) input = suggested.input;
    const work = await archive.works.create(input);
    log.info({ file: fileName, workId: work.id, format: reader.name }, 'imported');
    const out = result(fileName, 'created', work, warnings);
    return suggested ? { ...out, suggestions: suggested.suggestions, accepted: suggested.accepted } : out;
  } catch (err) {
    return failure(fileName, err);
  }
}

function unsupported(fileName: string): QuireError {
  return new QuireError('unsupported_format', `${fileName}: unsupported format (Quire imports ${supportedExtensions().join(', ')})`);
}

/** Reads a file from disk and imports it (see importBuffer). */
export async function importFile(archive: Archive, filePath: string, overrides: ImportOverrides = {}, opts: ImportOptions = {}): Promise<ImportResult> {
  if (!readerFor(filePath)) return failure(filePath, unsupported(filePath));
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`;
    return failure(filePath, new QuireError('import_failed', `${filePath}: ${why}`));
  }
  return importBuffer(archive, filePath, bytes, overrides, opts);
}

/**
 * Imports files and directories (recursively), one work per file, one after another. A bad file
 * is reported and skipped; the others still import. Files with other extensions inside a
 * directory are skipped and counted; one named explicitly fails as `unsupported format`.
 */
export async function importPaths(archive: Archive, paths: readonly string[], overrides: ImportOverrides = {}, onProgress?: (p: ImportProgress) => void, opts: ImportOptions = {}): Promise<ImportSummary> {
  const list = await listFiles(paths);
  const total = list.files.length;
  const results: ImportResult[] = [];
  onProgress?.({ done: 0, total });
  const push = (r: ImportResult) => {
    results.push(r);
    onProgress?.({ done: results.length, total, result: r });
  };
  for (const { file, error } of list.files) {
    push(error ? failure(file, new QuireError('import_failed', `${file}: ${error}`)) : await importFile(archive, file, overrides, opts));
  }
  const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
  return { results, skipped: list.skipped, created: count('created'), unchanged: count('unchanged'), failed: count('failed') };
}
