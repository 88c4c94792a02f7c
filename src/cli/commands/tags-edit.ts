import type { Command } from 'commander';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { withArchive } from '../context.ts';

/** One line: what was done, and how many works' filter tags were recomputed. */
function done(what: string, works: number[]): void {
  process.stdout.write(`${what} (${works.length} ${works.length === 1 ? 'work' : 'works'} refiltered).\n`);
}

function run(cmd: Command, fn: (archive: Archive) => Promise<void>): Promise<void> {
  return withArchive(cmd, fn);
}

/** `quire tags canonical|synonym|metatag|parent|unwrangleable|rename`: one change each, audited as `cli`. */
export function registerTagEdits(tags: Command): void {
  tags
    .command('canonical')
    .description('make a tag canonical')
    .argument('<name>')
    .action((name: string, _o: unknown, cmd: Command) =>
      run(cmd, async (a) => {
        const tag = await a.wrangling.byName(name);
        done(`"${tag.name}" is canonical`, await a.wrangling.canonical(OPERATOR, tag.id));
      }),
    );

  tags
    .command('synonym')
    .description('merge a tag into a canonical tag as its synonym (its synonyms, metatags and parents move along)')
    .argument('<name>')
    .requiredOption('--of <canonical>', 'the canonical tag')
    .action((name: string, opts: { of: string }, cmd: Command) =>
      run(cmd, async (a) => {
        const [tag, of] = [await a.wrangling.byName(name), await a.wrangling.byName(opts.of)];
        done(`"${tag.name}" is a synonym of "${of.name}"`, await a.wrangling.synonym(OPERATOR, tag.id, of.id));
      }),
    );

  tags
    .command('metatag')
    .description('make META a metatag of SUB (a filter on META then finds works tagged SUB); --remove undoes it')
    .argument('<sub>')
    .requiredOption('--of <meta>', 'the metatag')
    .option('--remove', 'remove the link instead')
    .action((sub: string, opts: { of: string; remove?: boolean }, cmd: Command) =>
      run(cmd, async (a) => {
        const [s, m] = [await a.wrangling.byName(sub), await a.wrangling.byName(opts.of)];
        if (opts.remove) done(`"${m.name}" is no longer a metatag of "${s.name}"`, await a.wrangling.removeMetatag(OPERATOR, s.id, m.id));
        else done(`"${m.name}" is a metatag of "${s.name}"`, await a.wrangling.addMetatag(OPERATOR, s.id, m.id));
      }),
    );

  tags
    .command('parent')
    .description('give a character, relationship or additional tag a parent fandom; --remove undoes it')
    .argument('<tag>')
    .requiredOption('--fandom <fandom>', 'the parent fandom')
    .option('--remove', 'remove the parent fandom instead')
    .action((name: string, opts: { fandom: string; remove?: boolean }, cmd: Command) =>
      run(cmd, async (a) => {
        const [t, f] = [await a.wrangling.byName(name), await a.wrangling.byName(opts.fandom)];
        if (opts.remove) done(`"${f.name}" is no longer a parent fandom of "${t.name}"`, await a.wrangling.removeParentFandom(OPERATOR, t.id, f.id));
        else done(`"${f.name}" is a parent fandom of "${t.name}"`, await a.wrangling.addParentFandom(OPERATOR, t.id, f.id));
      }),
    );

  tags
    .command('unwrangleable')
    .description('mark a tag unwrangleable: it is kept on its works but is never a filter tag')
    .argument('<name>')
    .action((name: string, _o: unknown, cmd: Command) =>
      run(cmd, async (a) => {
        const tag = await a.wrangling.byName(name);
        done(`"${tag.name}" is unwrangleable`, await a.wrangling.unwrangleable(OPERATOR, tag.id));
      }),
    );

  tags
    .command('rename')
    .description('rename a tag (refused when another tag already has the new name)')
    .argument('<old>')
    .argument('<new>')
    .action((old: string, name: string, _o: unknown, cmd: Command) =>
      run(cmd, async (a) => {
        if (name.trim() === '') throw new QuireError('bad_request', 'the new name is empty');
        const tag = await a.wrangling.byName(old);
        done(`"${tag.name}" is now "${name.trim()}"`, await a.wrangling.rename(OPERATOR, tag.id, name));
      }),
    );
}
