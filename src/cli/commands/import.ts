import type { Command } from 'commander';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { importPaths, type ImportProgress } from '../../formats/import.service.ts';
import { overridesFromFlags, type OverrideFlags } from '../../formats/overrides.ts';
import { supportedExtensions } from '../../formats/registry.ts';
import type { ImportResult } from '../../formats/types.ts';
import { summaryLines } from '../../suggest/format.ts';
import { penNameOwner } from '../../works/posting.repository.ts';
import { withArchive } from '../context.ts';

interface ImportFlags extends OverrideFlags {
  json?: boolean;
  /** `--no-suggestions` sets it false. */
  suggestions?: boolean;
  acceptSuggestions?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const n = (x: number) => x.toLocaleString('en');
const plural = (k: number, one: string, many = `${one}s`) => `${n(k)} ${k === 1 ? one : many}`;

/** One line per file: `created 12 "Title" (3 chapters, 4,210 words) file.txt`. */
export function describe(r: ImportResult): string {
  if (r.status === 'failed') return r.error ?? `${r.file}: failed`;
  const counts = r.status === 'created' ? ` (${plural(r.chapters ?? 0, 'chapter')}, ${plural(r.words ?? 0, 'word')})` : '';
  return `${r.status} ${r.workId} ${JSON.stringify(r.title)}${counts} ${r.file}`;
}

/** `quire import PATH...`: files and directories into works (docs/importing.md). */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(`import works from ${supportedExtensions().join(', ')} files or directories of them`)
    .argument('<paths...>', 'files or directories (searched recursively)')
    .option('--title <title>', 'title (one file at a time makes most sense)')
    .option('--fandom <name>', 'fandom; repeat for several', collect)
    .option('--rating <rating>', 'General, Teen, Mature, Explicit or Not Rated')
    .option('--warning <warning>', 'archive warning; repeat for several', collect)
    .option('--category <category>', 'Gen, F/M, M/M, F/F, Multi or Other; repeatable', collect)
    .option('--relationship <name>', 'relationship; repeatable', collect)
    .option('--character <name>', 'character; repeatable', collect)
    .option('--tag <name>', 'additional tag; repeatable', collect)
    .option('--creator <name>', "creator (pen name); an account's pen name credits that account; repeatable", collect)
    .option('--language <code>', 'language code or name (default: guessed from the text, else en)')
    .option('--series <name>', 'add the work to this series')
    .option('--draft', 'import as drafts (not visible to readers)')
    .option('--restricted', 'visible to logged-in users only')
    .option('--json', 'print one JSON object per file instead of text')
    .option('--accept-suggestions', 'apply the suggestions from the text (warnings, fandoms, characters, relationships; a higher rating)')
    .option('--no-suggestions', 'do not read the text for suggestions (faster for large batches)')
    .action(async (paths: string[], flags: ImportFlags, cmd: Command) => {
      const overrides = overridesFromFlags(flags);
      const suggestions = flags.acceptSuggestions ? 'accept' : flags.suggestions === false ? undefined : 'show';
      await withArchive(cmd, async (archive) => {
        for (const name of overrides.creators ?? []) {
          const owner = await penNameOwner(archive.store.db, name);
          const note = owner?.username
            ? `crediting ${JSON.stringify(owner.name)}, a pen name of account ${owner.username}: the account owns the imported works`
            : `${JSON.stringify(name)} is no account's pen name: the works are credited to it unattached (an account cannot edit them)`;
          process.stderr.write(`note: ${note}\n`);
        }
        const out = new Output(Boolean(flags.json));
        const summary = await importPaths(archive, paths, overrides, (p) => out.progress(p), suggestions ? { suggestions } : {});
        out.finish();
        if (!flags.json) {
          const parts = [`${n(summary.created)} created`, `${n(summary.unchanged)} unchanged`, `${n(summary.failed)} failed`];
          if (summary.skipped.length > 0) parts.push(`${n(summary.skipped.length)} skipped (not ${supportedExtensions().join(', ')})`);
          process.stdout.write(`${parts.join(', ')}\n`);
        }
        if (summary.failed > 0) process.exitCode = 1;
      });
    });
}

/** Prints results as they come, under a progress bar on stderr when it is a terminal. */
class Output {
  private multibar?: MultiBar;
  private bar?: SingleBar;

  constructor(private readonly json: boolean) {}

  progress(p: ImportProgress): void {
    if (!p.result) {
      if (!this.json && process.stderr.isTTY && p.total > 1) {
        this.multibar = new MultiBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: 'importing [{bar}] {value}/{total} {file}' }, Presets.shades_classic);
        this.bar = this.multibar.create(p.total, 0, { file: '' });
      }
      return;
    }
    const r = p.result;
    this.bar?.update(p.done, { file: r.file });
    if (this.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      return;
    }
    if (r.status === 'failed') this.line(process.stderr, describe(r));
    else this.line(process.stdout, describe(r));
    for (const w of r.warnings) this.line(process.stderr, `warning: ${r.file}: ${w}`);
    if (r.suggestions) {
      const applied = r.accepted ?? [];
      this.line(process.stdout, `  suggested (${applied.length > 0 ? `applied: ${applied.join('; ')}` : 'not applied; --accept-suggestions applies them, `quire suggest FILE` shows the evidence'}):`);
      for (const l of summaryLines(r.suggestions)) this.line(process.stdout, `    ${l}`);
    }
  }

  finish(): void {
    if (this.multibar) {
      this.multibar.update();
      this.multibar.stop();
    }
  }

  private line(stream: NodeJS.WriteStream, text: string): void {
    if (this.multibar && stream.isTTY) this.multibar.log(`${text}\n`);
    else stream.write(`${text}\n`);
  }
}
