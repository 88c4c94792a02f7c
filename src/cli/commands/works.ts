import type { Command } from 'commander';
import { QuireError, notFound } from '../../errors.ts';
import { Moderation } from '../../works/moderation.ts';
import { OPERATOR } from '../../works/visibility.ts';
import type { Work } from '../../works/work.types.ts';
import { withArchive } from '../context.ts';
import { workListJson, workShowJson, workSummary, workTable } from './works.format.ts';

/** A positive whole number from a command-line value, or a `bad_request` naming `what`. */
export function parsePositiveInt(raw: string, what: string): number {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new QuireError('bad_request', `${what} must be a positive whole number, got "${raw}"`);
  return n;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** `quire works list|show|delete|hide|unhide`: the operator's view of every work, drafts and hidden ones too. */
export function registerWorks(program: Command): void {
  const works = program
    .command('works')
    .description('list, show and delete works; hide and unhide them (as the operator: drafts and hidden works included)');

  works
    .command('list')
    .description('list works, most recently updated first')
    .option('--json', 'print a JSON array instead of a table')
    .option('--page <n>', 'page to show (page size: $QUIRE_PAGE_SIZE, default 20)', '1')
    .option('--all', 'list every work instead of one page')
    .action(async (opts: { json?: boolean; page: string; all?: boolean }, cmd: Command) => {
      const page = parsePositiveInt(opts.page, '--page');
      await withArchive(cmd, async (archive) => {
        const pageSize = opts.all ? 200 : archive.config.pageSize;
        let result = await archive.works.list(OPERATOR, { page: opts.all ? 1 : page, pageSize });
        const items: Work[] = [...result.items];
        while (opts.all && result.page < result.pages) {
          result = await archive.works.list(OPERATOR, { page: result.page + 1, pageSize });
          items.push(...result.items);
        }
        if (opts.json) return print(JSON.stringify(items.map(workListJson), null, 2));
        if (result.total === 0) return print('No works in this archive yet. Run `quire demo` to load the demo library.');
        if (items.length === 0) return print(`Page ${page} is past the end: ${result.total} works fit on ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}.`);
        print(workTable(items));
        if (!opts.all && result.pages > 1) {
          const next = result.page < result.pages ? ` Next: quire works list --page ${result.page + 1}` : '';
          print(`\nPage ${result.page} of ${result.pages} (${result.total} works).${next}`);
        } else {
          print(`\n${result.total} ${result.total === 1 ? 'work' : 'works'}.`);
        }
      });
    });

  works
    .command('show')
    .description('show one work: its tags, dates, notes and chapters')
    .argument('<id>', 'work id (see `quire works list`)')
    .option('--json', 'print the whole work, chapter text included, as JSON')
    .action(async (rawId: string, opts: { json?: boolean }, cmd: Command) => {
      const id = parsePositiveInt(rawId, 'work id');
      await withArchive(cmd, async (archive) => {
        const work = await archive.works.read(OPERATOR, id);
        print(opts.json ? JSON.stringify(workShowJson(work), null, 2) : workSummary(work));
      });
    });

  works
    .command('delete')
    .description('delete a work and its chapters (no confirmation)')
    .argument('<id>', 'work id (see `quire works list`)')
    .action(async (rawId: string, _opts: unknown, cmd: Command) => {
      const id = parsePositiveInt(rawId, 'work id');
      await withArchive(cmd, async (archive) => {
        const work = await archive.works.get(id);
        if (!work) throw notFound('work', id);
        await archive.works.delete(id);
        const chapters = `${work.chapterCount} ${work.chapterCount === 1 ? 'chapter' : 'chapters'}`;
        print(`Deleted work ${id}: “${work.title}” by ${work.creators.map((c) => c.name).join(', ')} (${chapters}, ${work.words.toLocaleString('en')} words).`);
      });
    });

  for (const action of ['hide', 'unhide'] as const) {
    works
      .command(action)
      .description(action === 'hide' ? 'hide a work: only administrators and its creators can see it then' : 'show a hidden work to readers again')
      .argument('<id>', 'work id (see `quire works list`)')
      .option('--reason <text>', 'why, for the moderation record', '')
      .action(async (rawId: string, opts: { reason: string }, cmd: Command) => {
        const id = parsePositiveInt(rawId, 'work id');
        await withArchive(cmd, async (archive) => {
          const { work, changed } = await new Moderation(archive.works)[action](OPERATOR, id, opts.reason);
          const done = action === 'hide' ? 'hidden' : 'visible to readers again';
          print(changed ? `Work ${id} (“${work.title}”) is ${done}.` : `Work ${id} (“${work.title}”) was already ${action === 'hide' ? 'hidden' : 'not hidden'}; nothing changed.`);
        });
      });
  }
}
