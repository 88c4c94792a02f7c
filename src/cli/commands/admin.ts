import type { Command } from 'commander';
import { QuireError } from '../../errors.ts';
import { parseRole } from '../../accounts/account.types.ts';
import { newPassword } from '../../accounts/tokens.ts';
import { withArchive } from '../context.ts';

/** Reads the password from standard input: its first line, without the line end. */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new QuireError('bad_request', 'no password on standard input (give one line, or leave out --password-stdin to have one made)');
  return line;
}

/**
 * `quire admin create|role|invite`: the operator's account commands. `create` makes an
 * administrator (printing a generated password once when none is given on standard input).
 */
export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('administrator accounts, roles and invitation codes');

  admin
    .command('create')
    .description('make an administrator account (prints a generated password once, unless --password-stdin)')
    .argument('<username>', '3 to 40 letters, digits or underscores')
    .requiredOption('--email <address>', 'e-mail address of the account')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--role <role>', 'member, wrangler or admin', 'admin')
    .action(async (username: string, opts: { email: string; passwordStdin?: boolean; role: string }, cmd: Command) => {
      const role = parseRole(opts.role);
      if (!role) throw new QuireError('bad_request', `--role must be member, wrangler or admin, got "${opts.role.slice(0, 40)}"`);
      const given = opts.passwordStdin ? await readPasswordFromStdin() : undefined;
      const password = given ?? newPassword();
      await withArchive(cmd, async (archive) => {
        const account = await archive.accounts.create({ username, email: opts.email, password }, role);
        process.stdout.write(`Made ${account.role === 'admin' ? 'administrator' : account.role} ${account.username} (account ${account.id}).\n`);
        if (!given) process.stdout.write(`Password (shown only now): ${password}\n`);
      });
    });

  admin
    .command('role')
    .description('give an account a role: member, wrangler or admin')
    .argument('<username>')
    .argument('<role>', 'member, wrangler or admin')
    .action(async (username: string, role: string, _opts: unknown, cmd: Command) => {
      await withArchive(cmd, async (archive) => {
        const account = await archive.accounts.setRole(username, role);
        process.stdout.write(`${account.username} is now ${account.role}.\n`);
      });
    });

  admin
    .command('invite')
    .description('make invitation codes for QUIRE_SIGNUP=invite (printed one per line, shown only now)')
    .option('-n, --count <n>', 'how many codes, 1 to 50', '1')
    .action(async (opts: { count: string }, cmd: Command) => {
      if (!/^[0-9]{1,3}$/.test(opts.count)) throw new QuireError('bad_request', `--count must be a whole number from 1 to 50, got "${opts.count.slice(0, 20)}"`);
      await withArchive(cmd, async (archive) => {
        const codes = await archive.accounts.invitations.create(Number(opts.count), null);
        process.stdout.write(codes.map((c) => `${c}\n`).join(''));
      });
    });
}
