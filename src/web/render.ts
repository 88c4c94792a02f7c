import type { FastifyReply } from 'fastify';
import type { Config } from '../config/config.ts';
import { accountNav } from './views/account-nav.ts';
import { layout, type PageOptions } from './views/layout.ts';

/**
 * Sends a full HTML page in the site layout. HTML pages are revalidated on every visit
 * (`no-cache`): works change, and a reader should see the new chapter at once.
 */
export function sendPage(reply: FastifyReply, config: Pick<Config, 'archiveName'> & Partial<Pick<Config, 'signup'>>, page: PageOptions, status = 200): FastifyReply {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
  const nav = page.accountNav ?? accountNav(reply, config.signup ?? 'open');
  return reply.code(status).type('text/html; charset=utf-8').send(layout({ name: config.archiveName }, { ...page, accountNav: nav }));
}
