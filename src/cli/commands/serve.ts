import type { Command } from 'commander';
import { openArchive } from '../../archive.ts';
import { commandConfig } from '../context.ts';
import { startServer } from '../../web/server.ts';

/** `quire serve`: what `npm start` runs. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the archive over HTTP (creates the database and demo library on first run)')
    .option('-p, --port <port>', 'port (default $QUIRE_PORT or 8080)')
    .option('--host <host>', 'address to listen on (default $QUIRE_HOST or localhost)')
    .option('--base-url <url>', 'public address, used in links that leave the site')
    .option('--adult-gate <on|off>', 'adult-content interstitial (default $QUIRE_ADULT_GATE or on)')
    .option('--no-demo', 'do not load the demo library into an empty archive')
    .action(async (opts: { port?: string; host?: string; baseUrl?: string; adultGate?: string; demo: boolean }, cmd: Command) => {
      const config = commandConfig(cmd, {
        port: opts.port,
        host: opts.host,
        baseUrl: opts.baseUrl,
        adultGate: opts.adultGate,
        demo: opts.demo === false ? 'off' : undefined,
      });
      const archive = await openArchive(config);
      await startServer(archive);
    });
}
