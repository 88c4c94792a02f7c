import type { Command } from 'commander';
import { openArchive } from '../../archive.ts';
import { isWorker, parseWorkers, runPrimary, stopGracefully } from '../../cluster/workers.ts';
import { commandConfig } from '../context.ts';
import { startServer } from '../../web/server.ts';

/** `quire serve`: what `npm start` runs. With `--workers N`, a primary and N worker processes (docs/scaling.md). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the archive over HTTP (creates the database and demo library on first run)')
    .option('-p, --port <port>', 'port (default $QUIRE_PORT or 8080)')
    .option('--host <host>', 'address to listen on (default $QUIRE_HOST or localhost)')
    .option('--base-url <url>', 'public address, used in links that leave the site')
    .option('--adult-gate <on|off>', 'adult-content interstitial (default $QUIRE_ADULT_GATE or on)')
    .option('--no-demo', 'do not load the demo library into an empty archive')
    .option('--workers <n>', 'web processes sharing the port, restarted if they crash (default 1)')
    .action(async (opts: { port?: string; host?: string; baseUrl?: string; adultGate?: string; demo: boolean; workers?: string }, cmd: Command) => {
      const workers = parseWorkers(opts.workers);
      const config = commandConfig(cmd, {
        port: opts.port,
        host: opts.host,
        baseUrl: opts.baseUrl,
        adultGate: opts.adultGate,
        // A worker's primary has loaded the demo library already.
        demo: opts.demo === false || isWorker() ? 'off' : undefined,
      });
      if (workers > 1 && !isWorker()) return runPrimary(config, workers);
      const archive = await openArchive(config);
      const app = await startServer(archive);
      stopGracefully(app, archive);
    });
}
