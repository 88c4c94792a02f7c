import type { z } from 'zod';
import { COMPLETION, CROSSOVER_MODES, SORT_KEYS } from '../search/query.ts';

/**
 * What the OpenAPI document says about one operation. The web edge adds a handler to each
 * (src/web/routes/api-*.ts) and registers the route from the same object, so the document
 * lists exactly the routes that exist.
 */

/** `public`: no token needed (a token shows what its owner may see); `token`: any token; `write`: a token with the write scope. */
export type Access = 'public' | 'token' | 'write';

export type JsonSchema = Record<string, unknown>;

export interface QueryParamDoc {
  name: string;
  description: string;
  schema: JsonSchema;
}

export interface OperationDoc {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI style, under /api/v1: `/works/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: 'works' | 'tags' | 'series' | 'creators' | 'search' | 'me' | 'meta';
  access: Access;
  query?: QueryParamDoc[];
  /** The JSON body (validated with this schema at the edge). */
  body?: z.ZodType;
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  /** Error statuses besides those every operation may answer (400, 401, 429). */
  errors?: number[];
}

const str = { type: 'string' };
const list = { type: 'array', items: { type: 'string' } };
const int = { type: 'integer', minimum: 0 };
const date = { type: 'string', format: 'date' };

export const LIST_PARAMS: QueryParamDoc[] = [
  { name: 'limit', description: 'Items per page, 1–100 (default 20).', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  { name: 'cursor', description: 'The `next_cursor` of the previous page, as it was given.', schema: str },
];

/** The parameters of `/search` (src/search/params.ts), shared by the work listings. */
export const SEARCH_PARAMS: QueryParamDoc[] = [
  { name: 'q', description: 'Text query: words, "phrases", -exclusions, field:term (see docs/search.md).', schema: str },
  { name: 'include', description: 'Tag names that must all match (through synonyms and subtags). Repeat the parameter or separate with commas; `tag` is an alias.', schema: list },
  { name: 'exclude', description: 'Tag names of which none may match.', schema: list },
  { name: 'rating', description: 'Any of these ratings: slugs (general, teen, mature, explicit, not-rated) or names.', schema: list },
  { name: 'exclude_rating', description: 'None of these ratings.', schema: list },
  { name: 'warning', description: 'All of these archive warnings: slugs (no-warnings, choose-not-to-warn, violence, major-character-death, rape-non-con, underage) or names.', schema: list },
  { name: 'exclude_warning', description: 'None of these warnings.', schema: list },
  { name: 'category', description: 'All of these categories: gen, f-f, f-m, m-m, multi, other.', schema: list },
  { name: 'exclude_category', description: 'None of these categories.', schema: list },
  { name: 'crossover', description: 'Crossovers: include (default), exclude, only.', schema: { type: 'string', enum: [...CROSSOVER_MODES] } },
  { name: 'complete', description: 'Completion: all (default), complete, wip.', schema: { type: 'string', enum: [...COMPLETION] } },
  { name: 'words_min', description: 'At least this many words.', schema: int },
  { name: 'words_max', description: 'At most this many words.', schema: int },
  { name: 'posted_from', description: 'Published on or after (YYYY-MM-DD).', schema: date },
  { name: 'posted_to', description: 'Published on or before.', schema: date },
  { name: 'updated_from', description: 'Updated on or after.', schema: date },
  { name: 'updated_to', description: 'Updated on or before.', schema: date },
  { name: 'language', description: 'Any of these languages (codes or names).', schema: list },
  { name: 'sort', description: 'Sort key (default: relevance with a text query, else updated).', schema: { type: 'string', enum: [...SORT_KEYS] } },
  { name: 'order', description: 'asc or desc (default per sort key).', schema: { type: 'string', enum: ['asc', 'desc'] } },
  { name: 'show_hidden', description: '`1`: ignore the token owner’s filter profile and mutes for this request.', schema: { type: 'string', enum: ['1'] } },
];
