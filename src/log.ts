import { pino, type Logger } from 'pino';

/**
 * Loggers by category (`web`, `store`, `import`, `search`, `cli`). Never log the text of works,
 * passwords, tokens or cookies: the web logger's serializers keep only method, url and status.
 */
let root: Logger | undefined;

export function rootLogger(level = process.env.QUIRE_LOG_LEVEL ?? 'info'): Logger {
  root ??= pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', 'token'], remove: true },
  });
  return root;
}

let generation = 0;

/**
 * A category logger. Modules create theirs at import time, so it binds to the root lazily:
 * replacing the root (tests silence it, the CLI sets its level) takes effect everywhere.
 */
export function logger(category: string): Logger {
  let child: Logger | undefined;
  let seen = -1;
  return new Proxy({} as Logger, {
    get(_target, prop) {
      if (!child || seen !== generation) {
        child = rootLogger().child({ cat: category });
        seen = generation;
      }
      const value = Reflect.get(child, prop, child) as unknown;
      return typeof value === 'function' ? value.bind(child) : value;
    },
  });
}

/** Replace the root logger (tests silence it; the CLI sets the level from flags). */
export function setRootLogger(l: Logger): void {
  root = l;
  generation++;
}
