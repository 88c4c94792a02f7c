import { buildProgram } from './program.ts';
import { reportError } from './context.ts';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  reportError(err);
}
