import { z } from 'zod';
import type { JsonSchema, OperationDoc } from './operation.ts';
import { requestSchemas } from './requests.ts';
import { responseSchemas } from './schemas.ts';

/**
 * The OpenAPI 3.1 document of `/api/v1`, built from the operations the server registers and
 * the zod schemas the code uses: component schemas come from `z.toJSONSchema`, so the document
 * describes the very objects the serializers build (a test validates real responses against it).
 */
const REF = (id: string) => `#/components/schemas/${id}`;

const STATUS_TEXT: Record<number, string> = {
  400: 'A parameter or the cursor is malformed.',
  401: 'No token where one is needed, or the token is malformed, unknown, revoked or expired.',
  403: 'The token lacks the scope, or its owner may not do this.',
  404: 'Nothing the caller may see is there.',
  409: 'A conflict (a limit reached, a tag name used by another type).',
  413: 'The body is too large.',
  415: 'The body is not JSON.',
  422: 'The body breaks a rule; `issues` lists every field.',
  429: 'Too many requests: 300 per 5 minutes per token (guests: per address). See Retry-After.',
};

/** Component schemas without their `$schema` and `$id` (the document declares the dialect once). */
function components(registry: Parameters<typeof z.toJSONSchema>[0], io: 'input' | 'output'): Record<string, JsonSchema> {
  const out = z.toJSONSchema(registry as z.core.$ZodRegistry<{ id?: string }>, { uri: REF, io, target: 'draft-2020-12' }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(out.schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

function refOf(registry: typeof responseSchemas | typeof requestSchemas, schema: z.ZodType): JsonSchema {
  const meta = registry.get(schema);
  if (!meta?.id) throw new Error('every schema an operation names must be registered with an id');
  return { $ref: REF(meta.id) };
}

function pathParams(path: string): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'id' || name === 'position' ? { type: 'integer', minimum: 1 } : { type: 'string' },
  }));
}

function operation(op: OperationDoc): JsonSchema {
  const errorStatuses = [...new Set([400, ...(op.access === 'public' ? [] : [401]), ...(op.access === 'write' ? [403] : []), 429, ...(op.errors ?? [])])].sort();
  const responses: Record<string, JsonSchema> = {
    [op.success.status]: op.success.schema
      ? { description: op.success.description, content: { 'application/json': { schema: refOf(responseSchemas, op.success.schema) } } }
      : { description: op.success.description },
  };
  for (const s of errorStatuses) responses[s] = { description: STATUS_TEXT[s] ?? 'An error.', content: { 'application/json': { schema: { $ref: REF('Error') } } } };
  const security = op.access === 'public' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }];
  const scope = op.access === 'write' ? 'Needs a token with the **write** scope.' : op.access === 'token' ? 'Needs a token (read scope).' : 'No token needed; with one, the answer is what its owner may see.';
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, scope].filter(Boolean).join('\n\n'),
    tags: [op.tag],
    security,
    parameters: [...pathParams(op.path), ...(op.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, description: q.description, schema: q.schema, ...(q.schema.type === 'array' ? { style: 'form', explode: true } : {}) }))],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: refOf(requestSchemas, op.body) } } } } : {}),
    responses,
  };
}

export interface DocumentInfo {
  archiveName: string;
  baseUrl: string;
}

/** The whole document for `ops`. */
export function openApiDocument(ops: readonly OperationDoc[], info: DocumentInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: `${info.archiveName} API`,
      version: '1.0.0',
      description: 'Quire’s JSON API: works, chapters, tags with their wrangling, series, creators and search; the token owner’s bookmarks, kudos, comments, subscriptions and marked-for-later; posting and editing works. Lists page by cursor. See docs/api.md.',
    },
    servers: [{ url: `${info.baseUrl}/api/v1` }],
    tags: [
      { name: 'works' }, { name: 'search' }, { name: 'tags' }, { name: 'series' }, { name: 'creators' }, { name: 'me' }, { name: 'meta' },
    ],
    paths,
    components: {
      schemas: { ...components(responseSchemas, 'output'), ...components(requestSchemas, 'input') },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token (`qpat_…`), made on the account page (Apps and tokens).' } },
    },
  };
}
