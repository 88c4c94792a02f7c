import type { Command } from 'commander';
import { formatSuggestions, suggestionsJson } from '../../suggest/format.ts';
import { findFandom } from '../../suggest/name-index.ts';
import { buildNameIndex } from '../../suggest/name-index.repository.ts';
import { readChapters } from '../../suggest/read-file.ts';
import { suggest } from '../../suggest/suggest.ts';
import { withArchive } from '../context.ts';

interface SuggestFlags {
  fandom?: string;
  json?: boolean;
}

/** `quire suggest FILE`: metadata suggestions with their evidence (docs/suggestions.md). Nothing is applied. */
export function registerSuggest(program: Command): void {
  program
    .command('suggest')
    .description('suggest rating, warnings, characters, relationships and language for a story file (nothing is applied)')
    .argument('<file>', '.txt, .md or .html file')
    .option('--fandom <name>', "the work's fandom, to tell apart characters who share a name")
    .option('--json', 'print the suggestions as JSON')
    .action(async (file: string, flags: SuggestFlags, cmd: Command) => {
      await withArchive(cmd, async (archive) => {
        const chapters = await readChapters(file);
        const index = await buildNameIndex(archive.store.db);
        if (flags.fandom !== undefined && findFandom(index, flags.fandom) === undefined) {
          process.stderr.write(`quire: warning: fandom "${flags.fandom}" is not a fandom tag in this archive; ignored\n`);
        }
        const s = suggest(chapters, index, flags.fandom === undefined ? {} : { fandom: flags.fandom });
        process.stdout.write(flags.json ? `${JSON.stringify(suggestionsJson(s), null, 2)}\n` : formatSuggestions(s, file));
      });
    });
}
