import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { FEED_LIMITS, FeedService, type FeedAnswer } from '../../feeds/feeds.service.ts';
import { pathWithQuery } from '../../feeds/links.ts';
import type { ParamRecord } from '../../search/params.ts';
import { parseId, queryString } from '../params.ts';

/** Feed readers poll: a guest's feed may be kept for five minutes. */
const FEED_CACHE = 'public, max-age=300';

/** The `limit` parameter: 25 when absent, at most 100; not a whole number from 1 is `bad_request`. */
export function parseFeedLimit(query: unknown): number {
  const raw = queryString(query, 'limit');
  if (raw === undefined || raw === '') return FEED_LIMITS.default;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw new QuireError('bad_request', `limit must be a whole number from 1 to ${FEED_LIMITS.max}, got "${raw.slice(0, 20)}"`);
  return Math.min(Number(raw), FEED_LIMITS.max);
}

/** A feed service on an archive (the routes make one at registration). */
export function feedsOf(archive: Archive): FeedService {
  return new FeedService({ db: archive.store.db, works: archive.works, search: archive.search, ctx: archive.config });
}

function send(req: FastifyRequest, reply: FastifyReply, answer: FeedAnswer, limit: number): FastifyReply {
  if (answer.kind === 'moved') return reply.redirect(limit === FEED_LIMITS.default ? answer.path : pathWithQuery(answer.path, { limit: String(limit) }), 301);
  const etag = `"${createHash('sha256').update(answer.xml).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', FEED_CACHE).header('etag', etag);
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/atom+xml; charset=utf-8').send(answer.xml);
}

/**
 * Atom feeds, always made as a guest (no cookie counts): `/tags/:name/feed.atom`,
 * `/creators/:name/feed.atom`, `/works/:id/feed.atom` (new chapters), `/series/:id/feed.atom`
 * and `/search/feed.atom?<the parameters of /search>`. See docs/feeds.md.
 */
export function registerFeedRoutes(app: FastifyInstance, archive: Archive): void {
  const feeds = feedsOf(archive);

  app.get<{ Params: { name: string } }>('/tags/:name/feed.atom', async (req, reply) => {
    const limit = parseFeedLimit(req.query);
    return send(req, reply, await feeds.tag(req.params.name, limit), limit);
  });

  app.get<{ Params: { name: string } }>('/creators/:name/feed.atom', async (req, reply) => {
    const limit = parseFeedLimit(req.query);
    return send(req, reply, await feeds.creator(req.params.name, limit), limit);
  });

  app.get<{ Params: { id: string } }>('/works/:id/feed.atom', async (req, reply) => {
    const limit = parseFeedLimit(req.query);
    return send(req, reply, await feeds.work(parseId(req.params.id, 'work'), limit), limit);
  });

  app.get<{ Params: { id: string } }>('/series/:id/feed.atom', async (req, reply) => {
    const limit = parseFeedLimit(req.query);
    return send(req, reply, await feeds.series(parseId(req.params.id, 'series'), limit), limit);
  });

  app.get('/search/feed.atom', async (req, reply) => {
    const limit = parseFeedLimit(req.query);
    return send(req, reply, await feeds.search((req.query ?? {}) as ParamRecord, limit), limit);
  });
}
