import type { Command } from 'commander';
import { withArchive } from '../context.ts';

/**
 * `quire digest`: mails each member one message with their unread notices not mailed before
 * (through SMTP when `QUIRE_SMTP_URL` is set, else into the outbox folder). Run it from cron,
 * e.g. daily. `--json` prints the counts as one JSON line.
 */
export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description('e-mail each member a digest of their unread inbox notices (SMTP, or the outbox folder)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withArchive(cmd, async (archive) => {
        const report = await archive.interactions.digest.send();
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...report, mailer: archive.mailer.kind })}\n`);
        else {
          const where = archive.mailer.kind === 'smtp' ? 'handed to the mail server' : archive.mailer.kind === 'outbox' ? 'written to the outbox' : 'kept in memory';
          process.stdout.write(`${report.messages === 1 ? '1 digest' : `${report.messages} digests`} with ${report.notices} notice${report.notices === 1 ? '' : 's'} ${where}.\n`);
          if (report.failed > 0) process.stdout.write(`${report.failed} could not be sent; they will be tried again next time.\n`);
        }
        if (report.failed > 0) process.exitCode = 1;
      });
    });
}
