import { z } from 'zod';
import { DOWNLOAD_EXTENSIONS } from '../downloads/formats.ts';
import { CATEGORIES, RATINGS, TAG_TYPES, WARNINGS } from '../tags/tag.types.ts';

/**
 * The API's response bodies as zod schemas: the serializers are typed by them (so code and
 * schema cannot drift apart silently), and the OpenAPI document's `components.schemas` are
 * generated from them (`z.toJSONSchema`). Every schema registered here is a named component.
 */
export const responseSchemas = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  responseSchemas.add(schema, { id, description });
  return schema;
}

const id = z.number().int().min(1);
const count = z.number().int().min(0);
const day = z.iso.date();
const time = z.iso.datetime();
const names = z.array(z.string());
const nextCursor = z.string().nullable().describe('Pass it back as `cursor` for the next page; null on the last page.');

export const CreatorRef = named('CreatorRef', 'A pen name credited on a work.', z.object({ id, name: z.string(), url: z.url() }));

export const SeriesRef = named('SeriesRef', 'A series a work belongs to, with its part number.', z.object({ id, title: z.string(), position: z.number().int(), url: z.url() }));

export const Download = named('Download', 'A file of the work, for whoever may read it.', z.object({ format: z.enum(DOWNLOAD_EXTENSIONS), type: z.string(), url: z.url() }));

export const WorkSummary = named(
  'WorkSummary',
  'A work without its chapters. HTML fields are sanitized (AO3’s allowlist).',
  z.object({
    id,
    url: z.url(),
    title: z.string(),
    summary_html: z.string(),
    rating: z.enum(RATINGS),
    warnings: z.array(z.enum(WARNINGS)),
    categories: z.array(z.enum(CATEGORIES)),
    fandoms: names,
    relationships: names,
    characters: names,
    tags: names.describe('Additional (freeform) tags.'),
    language: z.string(),
    series: z.array(SeriesRef),
    complete: z.boolean(),
    expected_chapters: count.nullable(),
    chapter_count: count,
    words: count,
    creators: z.array(CreatorRef),
    published_on: day,
    updated_on: day,
    status: z.enum(['draft', 'posted']),
    restricted: z.boolean(),
    hidden: z.boolean(),
    stats: z.object({ hits: count, kudos: count, comments: count, bookmarks: count }),
    downloads: z.array(Download),
  }),
);

export const ChapterSummary = named(
  'ChapterSummary',
  'A chapter without its text.',
  z.object({ id, position: id, title: z.string(), summary_html: z.string(), notes_html: z.string(), end_notes_html: z.string(), words: count, published_on: day, url: z.url() }),
);

export const Chapter = named('Chapter', 'A chapter with its text.', ChapterSummary.extend({ text_html: z.string() }));

export const Work = named('Work', 'A work with its notes and its chapters (without their text).', WorkSummary.extend({ notes_html: z.string(), end_notes_html: z.string(), chapters: z.array(ChapterSummary) }));

export const WorkList = named('WorkList', 'One page of works.', z.object({ total: count, items: z.array(WorkSummary), next_cursor: nextCursor }));

const FacetList = z.array(z.object({ name: z.string(), count }));

export const SearchResult = named(
  'SearchResult',
  'One page of a search, with facets over the whole result.',
  z.object({
    total: count,
    hidden_by_filters: count.describe('Matching works left out by the token owner’s filter profile and mutes.'),
    items: z.array(z.object({ work: WorkSummary, score: z.number().nullable(), snippet: z.object({ chapter: id, html: z.string() }).nullable() })),
    facets: z.object(Object.fromEntries(TAG_TYPES.map((t) => [t, FacetList])) as Record<(typeof TAG_TYPES)[number], typeof FacetList>),
    next_cursor: nextCursor,
  }),
);

export const Tag = named(
  'Tag',
  'A tag with its wrangling. Filtering on a canonical tag finds works tagged with it, its synonyms and its subtags.',
  z.object({
    id,
    name: z.string(),
    type: z.enum(TAG_TYPES),
    url: z.url(),
    canonical: z.boolean(),
    unwrangleable: z.boolean(),
    synonym_of: z.string().nullable(),
    synonyms: names,
    metatags: names,
    subtags: names,
    parent_fandoms: names.describe('For characters and relationships.'),
    works: count.describe('Works with this filter tag that the caller may read.'),
  }),
);

export const TagList = named('TagList', 'One page of filter tags with their counts.', z.object({ items: z.array(z.object({ name: z.string(), type: z.enum(TAG_TYPES), works: count, url: z.url() })), next_cursor: nextCursor }));

export const Series = named(
  'Series',
  'A series with the works in it the caller may read, in order.',
  z.object({ id, title: z.string(), url: z.url(), summary_html: z.string(), notes_html: z.string(), complete: z.boolean(), works: z.array(z.object({ position: z.number().int(), work: WorkSummary })) }),
);

export const Creator = named('Creator', 'A pen name.', z.object({ id, name: z.string(), url: z.url(), works: count.describe('Works by it the caller may read.') }));

export const Me = named(
  'Me',
  'The token’s owner.',
  z.object({
    username: z.string(),
    role: z.enum(['member', 'wrangler', 'admin']),
    pen_names: z.array(z.object({ id, name: z.string(), default: z.boolean() })),
    token: z.object({ id, name: z.string(), scopes: z.array(z.enum(['read', 'write'])), expires_at: time.nullable() }),
  }),
);

export const Bookmark = named(
  'Bookmark',
  'One of the owner’s bookmarks.',
  z.object({ id, work: WorkSummary, notes_html: z.string(), tags: names, rec: z.boolean(), private: z.boolean(), created_at: time, updated_at: time }),
);

export const BookmarkList = named('BookmarkList', 'One page of bookmarks, last changed first.', z.object({ total: count, items: z.array(Bookmark), next_cursor: nextCursor }));

export const KudosList = named('KudosList', 'Works the owner left kudos on, newest first.', z.object({ total: count, items: z.array(z.object({ work: WorkSummary, created_at: time })), next_cursor: nextCursor }));

export const Comment = named(
  'Comment',
  'One of the owner’s comments.',
  z.object({ id, work_id: id, work_title: z.string(), chapter: id.nullable(), parent_id: id.nullable(), html: z.string(), status: z.enum(['approved', 'pending']), created_at: time, edited_at: time.nullable(), url: z.url() }),
);

export const CommentList = named('CommentList', 'One page of the owner’s comments, newest first.', z.object({ total: count, items: z.array(Comment), next_cursor: nextCursor }));

export const Subscription = named(
  'Subscription',
  'A subscription to a work (new chapters), a pen name (new works) or a series (new parts).',
  z.object({ id, kind: z.enum(['work', 'pseud', 'series']), target_id: id, label: z.string(), url: z.url(), created_at: time }),
);

export const SubscriptionList = named('SubscriptionList', 'One page of subscriptions, newest first.', z.object({ total: count, items: z.array(Subscription), next_cursor: nextCursor }));

export const KudosResult = named('KudosResult', 'Whether kudos were given now, or had been before.', z.object({ result: z.enum(['given', 'already']), kudos: count }));

export const ApiError = named(
  'Error',
  'Every error: a stable code (docs/ERRORS.md), a message naming the problem, and for validation failures every field problem.',
  z.object({
    error: z.object({
      code: z.enum(['validation_failed', 'not_found', 'unauthorized', 'forbidden', 'conflict', 'bad_request', 'rate_limited', 'unsupported_format', 'import_failed', 'internal']),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  }),
);

export type WorkSummaryJson = z.output<typeof WorkSummary>;
export type WorkJson = z.output<typeof Work>;
export type ChapterJson = z.output<typeof Chapter>;
export type ChapterSummaryJson = z.output<typeof ChapterSummary>;
export type TagJson = z.output<typeof Tag>;
export type SeriesJson = z.output<typeof Series>;
export type SearchFacets = z.output<typeof SearchResult>['facets'];

export const OpenApiDocument = named(
  'OpenApiDocument',
  'An OpenAPI 3.1 document (this one).',
  z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()), components: z.looseObject({}) }),
);
