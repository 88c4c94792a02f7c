import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { dbRateLimitStore } from '../cluster/rate-limit-store.ts';
import type { Config } from '../config/config.ts';
import type { Store } from '../store/store.ts';
import { loadCookieSecret } from './secret.ts';

/** The Content-Security-Policy: no inline script or style anywhere, nothing framed, forms post home. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'https:', 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** AO3's figure (REFERENCE §4): 300 requests per 5 minutes per IP address. */
export const RATE_LIMIT = { max: 300, timeWindow: 5 * 60 * 1000 };

/**
 * Security plugins, in order: headers (helmet with a strict CSP), a per-IP rate limit that spares
 * static files (counted in `store` when given, else in memory), signed cookies, cookie-based CSRF tokens (see `csrfField`), and form bodies.
 */
export async function registerSecurity(app: FastifyInstance, config: Config, store?: Pick<Store, 'db'>): Promise<void> {
  const https = config.baseUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
  });
  await app.register(rateLimit, {
    ...RATE_LIMIT,
    allowList: (req) => req.url.startsWith('/static/'),
    // Counted in the database, so every process and host shares the counts (docs/scaling.md).
    ...(store ? { store: dbRateLimitStore(store.db), skipOnError: true } : {}),
  });
  await app.register(cookie, { secret: loadCookieSecret(config.dataDir) });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: https },
  });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
}
