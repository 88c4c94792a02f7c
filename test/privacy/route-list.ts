import type { FastifyInstance } from 'fastify';

/** One registered route: `GET /works/:id`. */
export interface RegisteredRoute {
  method: string;
  path: string;
}

/**
 * Every route the app registered, read from `app.printRoutes()` (the radix tree: each line's
 * segment is appended to its parent's path). HEAD routes Fastify adds for each GET are listed too.
 *
 * @example registeredRoutes(app) // [{ method: 'GET', path: '/' }, { method: 'GET', path: '/works/:id' }, …]
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    const m = /^([│ ]*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.replace(/\u00a0/g, ' '));
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) out.push({ method, path });
  }
  return out;
}

/** `GET /works/:id` */
export const routeKey = (r: RegisteredRoute): string => `${r.method} ${r.path}`;
