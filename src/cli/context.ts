import type { Command } from 'commander';
import { openArchive, type Archive } from '../archive.ts';
import { loadConfig, type Config, type ConfigInput } from '../config/config.ts';
import { isQuireError } from '../errors.ts';
import { rootLogger, setRootLogger } from '../log.ts';
import { pino } from 'pino';

/** Global options every command accepts. */
export interface GlobalOptions {
  data?: string;
  logLevel?: string;
}

/** The configuration for a command: environment, then the global flags, then the command's own. */
export function commandConfig(cmd: Command, extra: ConfigInput = {}): Config {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const config = loadConfig(process.env, { dataDir: g.data, logLevel: g.logLevel, ...extra });
  // Commands other than serve log warnings only, so their output stays readable.
  setRootLogger(pino({ level: g.logLevel ?? (cmd.name() === 'serve' ? config.logLevel : 'warn') }, pino.destination(2)));
  return config;
}

/** Opens the archive for a command, runs `fn`, and always closes it. */
export async function withArchive<T>(cmd: Command, fn: (archive: Archive) => Promise<T>, extra: ConfigInput = {}): Promise<T> {
  const archive = await openArchive(commandConfig(cmd, extra));
  try {
    return await fn(archive);
  } finally {
    await archive.close();
  }
}

/** Prints an error as one clear line on stderr and sets exit code 1. Internal errors are logged in full. */
export function reportError(err: unknown): void {
  if (isQuireError(err)) {
    process.stderr.write(`quire: ${err.message}\n`);
  } else {
    rootLogger().error({ err }, 'internal error');
    process.stderr.write(`quire: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exitCode = 1;
}
