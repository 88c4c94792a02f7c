import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import type { Archive } from '../../archive.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import { openApiDocument } from '../../api/openapi.ts';
import { apiTokensFor, type ResolvedCredential } from '../../api/tokens.ts';
import { downloadsFor } from '../../downloads/download.service.ts';
import { invalid, isQuireError, QuireError, type ErrorCode, type FieldIssue } from '../../errors.ts';
import { logger } from '../../log.ts';
import type { ParamRecord } from '../../search/params.ts';
import { GUEST } from '../../works/visibility.ts';
import type { ApiEnv, ApiOperation } from './api-context.ts';
import { meOperations } from './api-me.ts';
import { readOperations } from './api-read.ts';
import { writeOperations } from './api-write.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The personal access token of an /api/v1 request, when it checked out. */
    apiCredential: ResolvedCredential | undefined;
    /** Why the request's Authorization header was refused (answered as 401 before the handler runs). */
    apiAuthError: QuireError | undefined;
  }
}

const log = logger('api');

/** Per token (guests: per address), AO3's figure for its pages (REFERENCE §4). */
export const API_RATE_LIMIT = { max: 300, timeWindow: 5 * 60 * 1000 };

/** Bodies of posted works may be large: chapters of up to 510,000 characters. */
const BODY_LIMIT = 32 * 1024 * 1024;

/** The API's routes as registered (method and Fastify path), per app: the OpenAPI test compares them with the document. */
const registered = new WeakMap<FastifyInstance, string[]>();

export function registeredApiRoutes(app: FastifyInstance): string[] {
  return registered.get(app) ?? [];
}

/** `/works/{id}` → `/works/:id`. */
function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** `['chapters', 0, 'text']` → `chapters[1].text`: 1-based, as the domain names fields (`chapters[2].text: is empty`). */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || 'body';
}

/** The body checked against `schema`; `validation_failed` naming every field problem (an unknown field by its name). */
function parseBody(schema: z.ZodType, body: unknown): unknown {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ field: fieldName([...i.path, k]), message: 'is not a field of this body' })) : [{ field: fieldName(i.path), message: i.message }],
  );
  throw invalid(issues);
}

const FRAMEWORK: Record<number, [ErrorCode, string]> = {
  404: ['not_found', 'There is no API operation at this address; see /api/v1/openapi.json.'],
  413: ['bad_request', 'The body is too large.'],
  415: ['unsupported_format', 'Send the body as JSON, with Content-Type: application/json.'],
  429: ['rate_limited', `Too many requests: at most ${API_RATE_LIMIT.max} every 5 minutes per token (per address without one). Wait for the time in Retry-After.`],
};

function sendError(req: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, message: string, issues: FieldIssue[] = []): FastifyReply {
  if (code === 'unauthorized') reply.header('www-authenticate', `Bearer realm="Quire API"${req.headers.authorization ? ', error="invalid_token"' : ''}`);
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, ...(issues.length > 0 ? { issues } : {}) } });
}

function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isQuireError(err)) {
    if (err.status < 500) return sendError(req, reply, err.status, err.code, err.message, err.issues);
    log.error({ code: err.code, path: req.url.split('?')[0] }, err.message);
    return sendError(req, reply, err.status, err.code, 'Something went wrong on our side. Please try again later.');
  }
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 400 && status < 500) {
    const [code, message] = FRAMEWORK[status] ?? ['bad_request', /JSON/.test(err.code ?? '') || err instanceof SyntaxError ? 'The body is not valid JSON.' : 'The request could not be understood.'];
    return sendError(req, reply, status, code, message);
  }
  log.error({ err, path: req.url.split('?')[0] }, 'API request failed');
  return sendError(req, reply, 500, 'internal', 'Something went wrong on our side. Please try again later.');
}

/** Refuses, before anything else runs, a bad Authorization header, a missing token, or a missing scope. */
function guard(op: ApiOperation): onRequestAsyncHookHandler {
  return async (req) => {
    if (req.apiAuthError) throw req.apiAuthError;
    if (op.access === 'public') return;
    const cred = req.apiCredential;
    if (!cred) {
      const scope = op.access === 'write' ? ' with the write scope' : '';
      throw new QuireError('unauthorized', `This needs a personal access token${scope}: make one on your account page (Apps and tokens) and send it as "Authorization: Bearer <token>". The API does not read cookies.`);
    }
    if (op.access === 'write' && !cred.scopes.includes('write')) throw new QuireError('forbidden', 'This token may only read: writing needs a token with the write scope.');
  };
}

/**
 * The JSON API under `/api/v1` (docs/api.md). Requests are authenticated by personal access
 * tokens only (`Authorization: Bearer …`; cookies are never read, so there is no CSRF to guard
 * against); writes need the write scope. Rate limits count per token, or per address without
 * one. Every error is `{"error": {"code", "message", "issues"?}}`. Every route is registered
 * from an operation that the OpenAPI document (`/api/v1/openapi.json`) describes.
 */
export async function registerApiRoutes(app: FastifyInstance, archive: Archive): Promise<void> {
  const tokens = apiTokensFor(archive.store.db);
  const env: ApiEnv = { archive, c: { baseUrl: archive.config.baseUrl, archiveName: archive.config.archiveName, formats: downloadsFor(archive).formats() } };
  let document: unknown;
  const ops = [...readOperations(env, () => document), ...meOperations(env), ...writeOperations(env)];
  document = openApiDocument(ops, archive.config);
  const limiter = app.rateLimit({ ...API_RATE_LIMIT, keyGenerator: (req) => (req.apiCredential ? `token:${req.apiCredential.hash}` : `ip:${req.ip}`) });
  const routes: string[] = [];
  registered.set(app, routes);

  await app.register(
    async (api) => {
      api.decorateRequest('apiCredential', undefined);
      api.decorateRequest('apiAuthError', undefined);
      api.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
      });
      api.addHook('onRequest', async (req) => {
        req.viewer = GUEST;
        req.apiCredential = undefined;
        req.apiAuthError = undefined;
        const header = req.headers.authorization;
        if (header === undefined) return;
        const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
        const cred = bearer ? await tokens.resolveToken(bearer[1]!) : undefined;
        if (!cred) {
          req.apiAuthError = new QuireError('unauthorized', bearer ? 'The token is unknown, revoked or expired.' : 'The Authorization header must be "Bearer <token>" with a personal access token.');
          return;
        }
        req.apiCredential = cred;
        req.viewer = viewerOf(cred.account, cred.pseudIds);
      });
      api.addHook('onRequest', limiter as unknown as onRequestAsyncHookHandler);
      api.addHook('onSend', async (_req, reply, payload) => {
        const vary = String(reply.getHeader('vary') ?? '');
        if (!/\bauthorization\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Authorization` : 'Authorization');
        return payload;
      });
      api.setErrorHandler(handleError);
      api.setNotFoundHandler((req, reply) => sendError(req, reply, 404, ...FRAMEWORK[404]!));

      for (const op of ops) {
        api.route({
          method: op.method,
          url: fastifyPath(op.path),
          config: { rateLimit: false },
          ...(op.body ? { bodyLimit: BODY_LIMIT } : {}),
          onRequest: guard(op),
          preValidation: async (req) => {
            if (op.body && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new QuireError('unsupported_format', FRAMEWORK[415]![1]);
          },
          handler: async (req, reply) => {
            const result = await op.handler({
              req,
              reply,
              params: req.params as Record<string, string>,
              query: (req.query ?? {}) as ParamRecord,
              body: op.body ? parseBody(op.body, req.body) : undefined,
              viewer: req.viewer,
              credential: req.apiCredential,
            });
            reply.code(op.success.status);
            if (op.success.status === 204) return reply.send();
            return reply.type('application/json; charset=utf-8').send(result);
          },
        });
      }
    },
    { prefix: '/api/v1' },
  );
}
