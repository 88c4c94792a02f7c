import { fingerprint, pageCursor, parseLimit, readPageCursor } from '../../api/cursor.ts';
import { LIST_PARAMS, SEARCH_PARAMS } from '../../api/operation.ts';
import { creatorWorks } from '../../api/owner-lists.ts';
import * as S from '../../api/schemas.ts';
import { chapterJson, seriesJson, workJson, workSummaryJson } from '../../api/serialize.ts';
import { parseTagType, tagDetail, tagPage } from '../../api/tag-detail.ts';
import { notFound, QuireError } from '../../errors.ts';
import { parseSearchParams, toSearchParams } from '../../search/params.ts';
import type { SearchQuery } from '../../search/query.ts';
import { TAG_TYPES } from '../../tags/tag.types.ts';
import { findPseudByName } from '../../works/pseud.repository.ts';
import { loadSeries } from '../../works/series.repository.ts';
import { parseId } from '../params.ts';
import { hideOf, one, type ApiCall, type ApiEnv, type ApiOperation } from './api-context.ts';

/** Parameters the API takes instead of the web's paging (`page`, `per_page`): cursor and limit. */
const NOT_SEARCH = ['cursor', 'limit', 'show_hidden', 'page', 'per_page'];

/** One page of a search: the engine pages by offset, so the cursor carries the page and the query's fingerprint. */
async function searchPage(env: ApiEnv, call: ApiCall, facets: boolean, scope: Partial<SearchQuery> = {}) {
  const rest = Object.fromEntries(Object.entries(call.query).filter(([k]) => !NOT_SEARCH.includes(k) && (facets || k !== 'facets')));
  const limit = parseLimit(one(call.query, 'limit'));
  const base = { ...parseSearchParams(rest), ...scope };
  const print = fingerprint({ ...toSearchParams({ ...base, page: 1 }), limit });
  const page = readPageCursor(one(call.query, 'cursor'), print);
  const query = { ...base, page, perPage: limit, ...(facets ? {} : { facetLimit: 0 }) };
  const result = await env.archive.search.search(call.viewer, query, { hide: await hideOf(env.archive, call) });
  return { result, next_cursor: page * limit < result.total ? pageCursor(page + 1, print) : null };
}

/** The public reading operations: works, chapters, search, tags, series, creators, and the document itself. */
export function readOperations(env: ApiEnv, document: () => unknown): ApiOperation[] {
  const { archive, c } = env;
  const db = archive.store.db;
  return [
    {
      method: 'GET', path: '/works', operationId: 'listWorks', tag: 'works', access: 'public',
      summary: 'Works, with every filter and sort of /search',
      description: 'The works the caller may read that match the filters, one page at a time. Takes every parameter of `/search` except `page` and `per_page` (use `cursor` and `limit`). The token owner’s filter profile and mutes apply unless `show_hidden=1`.',
      query: [...SEARCH_PARAMS, ...LIST_PARAMS],
      success: { status: 200, description: 'One page of works.', schema: S.WorkList },
      handler: async (call) => {
        const { result, next_cursor } = await searchPage(env, call, false);
        return { total: result.total, items: result.items.map((hit) => workSummaryJson(c, hit.work)), next_cursor };
      },
    },
    {
      method: 'GET', path: '/works/{id}', operationId: 'getWork', tag: 'works', access: 'public',
      summary: 'A work with its chapters (without their text)', errors: [404],
      success: { status: 200, description: 'The work.', schema: S.Work },
      handler: async (call) => workJson(c, await archive.works.read(call.viewer, parseId(call.params.id, 'work'))),
    },
    {
      method: 'GET', path: '/works/{id}/chapters/{position}', operationId: 'getChapter', tag: 'works', access: 'public',
      summary: 'One chapter with its text (position 1 is the first)', errors: [404],
      success: { status: 200, description: 'The chapter.', schema: S.Chapter },
      handler: async (call) => {
        const id = parseId(call.params.id, 'work');
        const position = parseId(call.params.position, 'chapter');
        const work = await archive.works.read(call.viewer, id);
        const chapter = work.chapters.find((ch) => ch.position === position);
        if (!chapter) throw notFound(`chapter ${position} of work`, id);
        return chapterJson(c, id, chapter);
      },
    },
    {
      method: 'GET', path: '/search', operationId: 'search', tag: 'search', access: 'public',
      summary: 'Search, with facets, scores and text snippets',
      description: 'As `/works`, plus the facets (top tags of each type over the whole result; `facets` sets how many, up to 50), best-match scores and where the text matched.',
      query: [...SEARCH_PARAMS, { name: 'facets', description: 'Facet entries per tag type (default 10, at most 50).', schema: { type: 'integer', minimum: 0, maximum: 50 } }, ...LIST_PARAMS],
      success: { status: 200, description: 'One page of results.', schema: S.SearchResult },
      handler: async (call) => {
        const { result, next_cursor } = await searchPage(env, call, true);
        return {
          total: result.total,
          hidden_by_filters: result.hiddenByFilters,
          items: result.items.map((hit) => ({ work: workSummaryJson(c, hit.work), score: hit.score, snippet: hit.snippet })),
          facets: Object.fromEntries(TAG_TYPES.map((t) => [t, result.facets[t].map((f) => ({ name: f.name, count: f.count }))])) as S.SearchFacets,
          next_cursor,
        };
      },
    },
    {
      method: 'GET', path: '/tags', operationId: 'listTags', tag: 'tags', access: 'public',
      summary: 'Filter tags with the number of works the caller may read, by name',
      query: [{ name: 'type', description: 'Only tags of this type.', schema: { type: 'string', enum: [...TAG_TYPES] } }, ...LIST_PARAMS],
      success: { status: 200, description: 'One page of tags.', schema: S.TagList },
      handler: async (call) => {
        const type = parseTagType(one(call.query, 'type'));
        return tagPage(db, c, call.viewer, { ...(type ? { type } : {}), cursor: one(call.query, 'cursor'), limit: parseLimit(one(call.query, 'limit')) });
      },
    },
    {
      method: 'GET', path: '/tags/{name}', operationId: 'getTag', tag: 'tags', access: 'public',
      summary: 'A tag with its wrangling: canonical, synonyms, metatags, subtags, parent fandoms', errors: [404],
      success: { status: 200, description: 'The tag.', schema: S.Tag },
      handler: async (call) => tagDetail(db, c, call.viewer, call.params.name ?? ''),
    },
    {
      method: 'GET', path: '/series/{id}', operationId: 'getSeries', tag: 'series', access: 'public',
      summary: 'A series and its works the caller may read, in order', errors: [404],
      success: { status: 200, description: 'The series.', schema: S.Series },
      handler: async (call) => {
        const id = parseId(call.params.id, 'series');
        const series = await loadSeries(db, id, call.viewer);
        if (!series) throw notFound('series', id);
        return seriesJson(c, series);
      },
    },
    {
      method: 'GET', path: '/creators/{name}', operationId: 'getCreator', tag: 'creators', access: 'public',
      summary: 'A pen name (404 when none of its works is visible to the caller)', errors: [404],
      success: { status: 200, description: 'The pen name.', schema: S.Creator },
      handler: async (call) => {
        const name = call.params.name ?? '';
        const pseud = await findPseudByName(db, name);
        const page = pseud && (await creatorWorks(db, c, call.viewer, pseud.id, undefined, 1));
        if (!pseud || !page || page.total === 0) throw new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
        return { id: pseud.id, name: pseud.name, url: `${c.baseUrl}/creators/${encodeURIComponent(pseud.name)}`, works: page.total };
      },
    },
    {
      method: 'GET', path: '/creators/{name}/works', operationId: 'listCreatorWorks', tag: 'creators', access: 'public',
      summary: 'Works by a pen name, last updated first', errors: [404], query: [...LIST_PARAMS, ...SEARCH_PARAMS.filter((p) => p.name === 'show_hidden')],
      description: 'The works by this pen name the caller may read, last updated first. The token owner’s filter profile and mutes apply unless `show_hidden=1`.',
      success: { status: 200, description: 'One page of works.', schema: S.WorkList },
      handler: async (call) => {
        const name = call.params.name ?? '';
        const pseud = await findPseudByName(db, name);
        if (!pseud) throw new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
        // Through the engine, like the creator's page: the token owner's filter profile and mutes apply.
        const { result, next_cursor } = await searchPage(env, { ...call, query: { cursor: call.query.cursor, limit: call.query.limit, show_hidden: call.query.show_hidden } }, false, { pseudIds: [pseud.id] });
        return { total: result.total, items: result.items.map((hit) => workSummaryJson(c, hit.work)), next_cursor };
      },
    },
    {
      method: 'GET', path: '/openapi.json', operationId: 'getOpenApi', tag: 'meta', access: 'public',
      summary: 'This document (OpenAPI 3.1)',
      success: { status: 200, description: 'The OpenAPI document.', schema: S.OpenApiDocument },
      handler: async () => document(),
    },
  ];
}
