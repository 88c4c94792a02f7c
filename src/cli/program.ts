import { Command } from 'commander';
import { registerServe } from './commands/serve.ts';
import { registerWorks } from './commands/works.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerExport } from './commands/export.ts';
import { registerSuggest } from './commands/suggest.ts';
import { registerAdmin } from './commands/admin.ts';
import { registerDigest } from './commands/digest.ts';
import { registerSearch } from './commands/search.ts';
import { registerStore } from './commands/store.ts';
import { registerTags } from './commands/tags.ts';

/**
 * The `quire` command line. Each command lives in `commands/` and only translates flags into
 * service calls; the work happens in the domain folders.
 */
export function buildProgram(): Command {
  const program = new Command('quire')
    .description('Quire, a self-hostable archive for fan fiction')
    .option('--data <dir>', 'data directory (default $QUIRE_DATA or ./data)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(`quire: ${str.replace(/^error: /, '')}`) });
  registerServe(program);
  registerWorks(program);
  registerDemo(program);
  registerImport(program);
  registerExport(program);
  registerSuggest(program);
  registerAdmin(program);
  registerDigest(program);
  registerSearch(program);
  registerStore(program);
  registerTags(program);
  return program;
}
