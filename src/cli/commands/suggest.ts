import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { formatSuggestions, suggestionsJson } from '../../suggest/format.ts';
import { findFandom } from '../../suggest/name-index.ts';
import { buildNameIndex } from '../../suggest/name-index.repository.ts';
import { readChapters } from '../../suggest/read-file.ts';
import { suggest } from '../../suggest/suggest.ts';
import { withArchive } from '../context.ts';

interface SuggestFlags {
  fandom?: string;
  json?: boolean;
  archive?: boolean;
}

/** `quire suggest FILE` and `quire suggest --archive`: metadata suggestions with their evidence (docs/suggestions.md). Nothing is applied. */
export function registerSuggest(program: Command): void {
  program
    .command('suggest')
    .description('suggest rating, warnings, characters, relationships and language for a story file, or re-suggest the rating hints of the whole archive (nothing is applied)')
    .argument('[file]', '.txt, .md or .html file')
    .option('--fandom <name>', "the work's fandom, to tell apart characters who share a name")
    .option('--json', 'print the suggestions (or, with --archive, the counts) as JSON')
    .option('--archive', "recompute every work's rating hint for the administrators' review queue")
    .action(async (file: string | undefined, flags: SuggestFlags, cmd: Command) => {
      if (flags.archive && file !== undefined) throw new QuireError('bad_request', 'give a FILE or --archive, not both');
      if (!flags.archive && file === undefined) throw new QuireError('bad_request', 'give a story FILE to read, or --archive to re-suggest every work');
      await withArchive(cmd, async (archive) => {
        if (flags.archive) return resuggestArchive(archive, Boolean(flags.json));
        const chapters = await readChapters(file!);
        const index = await buildNameIndex(archive.store.db);
        if (flags.fandom !== undefined && findFandom(index, flags.fandom) === undefined) {
          process.stderr.write(`quire: warning: fandom "${flags.fandom}" is not a fandom tag in this archive; ignored\n`);
        }
        const s = suggest(chapters, index, flags.fandom === undefined ? {} : { fandom: flags.fandom });
        process.stdout.write(flags.json ? `${JSON.stringify(suggestionsJson(s), null, 2)}\n` : formatSuggestions(s, file!));
      });
    });
}

/** Recomputes every work's rating hint, with a progress bar on stderr when it is a terminal. */
async function resuggestArchive(archive: Archive, json: boolean): Promise<void> {
  const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: 're-suggesting [{bar}] {value}/{total} works' }, Presets.shades_classic) : undefined;
  let started = false;
  const { works, exceeding } = await archive.ratingHints.refreshAll((done, total) => {
    if (bar && !started) {
      bar.start(total, 0);
      started = true;
    }
    bar?.update(done);
  });
  if (started) bar?.stop();
  const queued = (await archive.ratingHints.queue(1_000_000)).length;
  if (json) {
    process.stdout.write(`${JSON.stringify({ works, exceeding, queued })}\n`);
    return;
  }
  const n = (x: number) => x.toLocaleString('en');
  process.stdout.write(`re-suggested ${n(works)} work${works === 1 ? '' : 's'}: ${n(exceeding)} with a rating hint above the declared rating, ${n(queued)} in the review queue (/admin/review)\n`);
}
