import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { Archive } from '../../archive.ts';
import { downloadsFor } from '../../downloads/download.service.ts';
import { downloadFileNames } from '../../downloads/filename.ts';
import { DOWNLOAD_EXTENSIONS, isDownloadExt, type DownloadExt } from '../../downloads/formats.ts';
import { QuireError, isQuireError } from '../../errors.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { withArchive } from '../context.ts';
import { parsePositiveInt } from './works.ts';

interface ExportFlags {
  format: string;
  output?: string;
  all?: boolean;
  out?: string;
}

function parseFormat(value: string): DownloadExt {
  const ext = value.trim().toLowerCase().replace(/^\./, '');
  if (!isDownloadExt(ext)) throw new QuireError('bad_request', `--format: "${value}" is not a format (one of ${DOWNLOAD_EXTENSIONS.join(', ')})`);
  return ext;
}

/** Writes one work to `output` (`-` is standard output); returns where it went. */
async function exportOne(archive: Archive, id: number, ext: DownloadExt, output: string | undefined): Promise<string> {
  const work = await archive.works.read(OPERATOR, id);
  const bytes = await downloadsFor(archive).render(work, ext);
  if (output === '-') {
    process.stdout.write(bytes);
    return 'standard output';
  }
  const file = output ?? downloadFileNames(work, ext).ascii;
  await fs.writeFile(file, bytes);
  return file;
}

/** Every work, drafts and hidden ones too, into `dir` as `<id>-<title>.<ext>`; failures are reported and skipped. */
async function exportAll(archive: Archive, ext: DownloadExt, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const ids: number[] = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const result = await archive.works.list(OPERATOR, { page, pageSize: 200 });
    ids.push(...result.items.map((w) => w.id));
    pages = result.pages;
  }
  const bar = process.stderr.isTTY && ids.length > 1
    ? new SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: 'exporting [{bar}] {value}/{total}' }, Presets.shades_classic)
    : undefined;
  bar?.start(ids.length, 0);
  let failed = 0;
  for (const id of ids) {
    try {
      const work = await archive.works.read(OPERATOR, id);
      const bytes = await downloadsFor(archive).render(work, ext);
      await fs.writeFile(path.join(dir, `${id}-${downloadFileNames(work, ext).ascii}`), bytes);
    } catch (err) {
      if (!isQuireError(err)) throw err;
      failed++;
      const line = `quire: work ${id}: ${err.message}\n`;
      if (bar) bar.stop();
      process.stderr.write(line);
      if (bar) bar.start(ids.length, ids.indexOf(id) + 1);
    }
    bar?.increment();
  }
  bar?.stop();
  process.stdout.write(`Exported ${ids.length - failed} of ${ids.length} ${ids.length === 1 ? 'work' : 'works'} as ${ext.toUpperCase()} to ${dir}\n`);
  if (failed > 0) process.exitCode = 1;
}

/** `quire export ID --format epub [-o FILE]` and `quire export --all --format epub --out DIR` (docs/downloads.md). */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a work (or every work) as EPUB, AZW3, MOBI, PDF, HTML or TXT, as the operator')
    .argument('[id]', 'work id (see `quire works list`)')
    .option('-f, --format <format>', `${DOWNLOAD_EXTENSIONS.join(', ')}`, 'epub')
    .option('-o, --output <file>', 'file to write (default: the title as file name, in the current directory; - for standard output)')
    .option('--all', 'export every work, drafts and hidden ones included')
    .option('--out <dir>', 'directory for --all')
    .action(async (rawId: string | undefined, flags: ExportFlags, cmd: Command) => {
      const ext = parseFormat(flags.format);
      if (flags.all) {
        if (rawId !== undefined) throw new QuireError('bad_request', 'give a work id or --all, not both');
        if (!flags.out) throw new QuireError('bad_request', '--all needs --out DIR, the directory to write the files to');
        if (flags.output) throw new QuireError('bad_request', '--output names one file; with --all use --out DIR');
        await withArchive(cmd, (archive) => exportAll(archive, ext, flags.out!));
        return;
      }
      if (rawId === undefined) throw new QuireError('bad_request', 'which work? Give its id (see `quire works list`), or --all --out DIR');
      if (flags.out) throw new QuireError('bad_request', '--out is for --all; for one work use -o FILE');
      const id = parsePositiveInt(rawId, 'work id');
      await withArchive(cmd, async (archive) => {
        const where = await exportOne(archive, id, ext, flags.output);
        if (where !== 'standard output') process.stdout.write(`Wrote work ${id} as ${ext.toUpperCase()} to ${where}\n`);
      });
    });
}
