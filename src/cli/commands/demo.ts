import type { Command } from 'commander';
import { DEMO_FANDOMS, DEMO_WORKS, loadDemo } from '../../demo/demo.ts';
import { withArchive } from '../context.ts';

/** `quire demo`: loads the demo library on demand (whatever QUIRE_DEMO says). */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(`load the demo library: ${DEMO_WORKS.length} short original works in ${DEMO_FANDOMS.length} invented fandoms (works already there are skipped)`)
    .action(async (_opts: unknown, cmd: Command) => {
      await withArchive(cmd, async (archive) => {
        const added = await loadDemo(archive);
        const skipped = DEMO_WORKS.length - added;
        if (added === 0) {
          process.stdout.write(`The demo library is already loaded (${DEMO_WORKS.length} works); nothing added.\n`);
        } else {
          const rest = skipped > 0 ? `; ${skipped} ${skipped === 1 ? 'was' : 'were'} already there` : '';
          process.stdout.write(`Added ${added} demo ${added === 1 ? 'work' : 'works'}${rest}. See them with \`quire works list\`.\n`);
        }
      });
    });
}
