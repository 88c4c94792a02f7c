import { z } from 'zod';

/**
 * Request bodies of the API's writes, as zod schemas: the edge validates bodies with them and
 * the OpenAPI document's request schemas are generated from them. They check shapes only; the
 * rules every work meets (AO3's limits, tags, pen names) are the posting service's, so the API
 * and the web forms refuse the same things with the same messages. Unknown fields are refused
 * (a misspelt field would otherwise be silently ignored).
 */
export const requestSchemas = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  requestSchemas.add(schema, { id, description });
  return schema;
}

const html = (what: string) => z.string().describe(`${what}: HTML (cleaned with AO3’s allowlist), or plain text without tags (blank lines start paragraphs).`);
const names = (what: string) => z.array(z.string()).describe(what);

export const ChapterInputBody = named(
  'NewChapter',
  'A chapter: its text, and optionally a title, summary and notes.',
  z.strictObject({
    title: z.string().optional(),
    summary: html('Chapter summary').optional(),
    notes: html('Notes before the chapter').optional(),
    end_notes: html('Notes after the chapter').optional(),
    text: html('The chapter’s text'),
  }),
);

export const ChapterChangesBody = named('ChapterChanges', 'Changes to a chapter: the fields given replace the stored ones.', ChapterInputBody.partial());

const SeriesBody = z.union([
  z.strictObject({ id: z.number().int().min(1).describe('One of your series.'), position: z.number().int().min(1).optional() }),
  z.strictObject({ title: z.string().describe('A new series (or yours with this title).'), position: z.number().int().min(1).optional() }),
]);

const workFields = {
  title: z.string(),
  summary: html('Summary').optional(),
  notes: html('Notes').optional(),
  end_notes: html('End notes').optional(),
  rating: z.string().describe('A rating name or slug: General Audiences / general, Teen And Up Audiences / teen, Mature, Explicit, Not Rated.'),
  warnings: names('Archive warnings (at least one; “Creator Chose Not To Use Archive Warnings” is one).'),
  categories: names('Gen, F/M, M/M, F/F, Multi, Other.').optional(),
  fandoms: names('At least one fandom.'),
  relationships: names('Relationships.').optional(),
  characters: names('Characters.').optional(),
  tags: names('Additional tags.').optional(),
  language: z.string().describe('A language code or name (en, Français).'),
  pen_names: z.array(z.number().int().min(1)).describe('Ids of your own pen names to credit (default: your default pen name).').optional(),
  co_creators: names('Other members’ pen names to invite as co-creators.').optional(),
  series: SeriesBody.nullable().describe('A series to place the work in; on a change, null takes it out of its series.').optional(),
  complete: z.boolean().describe('Default: true.').optional(),
  expected_chapters: z.number().int().min(1).nullable().optional(),
  published_on: z.iso.date().describe('YYYY-MM-DD, today or earlier (default: today, or the day a draft is posted).').optional(),
  restricted: z.boolean().describe('Visible to logged-in members only.').optional(),
};

export const NewWorkBody = named(
  'NewWork',
  'A new work with its chapters, posted or kept as a draft.',
  z.strictObject({
    ...workFields,
    status: z.enum(['posted', 'draft']).describe('Default: posted.').optional(),
    chapters: z.array(ChapterInputBody).min(1),
  }),
);

export const WorkChangesBody = named(
  'WorkChanges',
  'Changes to a work’s metadata: the fields given replace the stored ones; chapters are changed one at a time. `status: posted` posts a draft.',
  z.strictObject({
    ...Object.fromEntries(Object.entries(workFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof workFields]: z.ZodOptional<(typeof workFields)[K]> },
    status: z.literal('posted').optional(),
  }),
);

export const BookmarkBody = named(
  'BookmarkChanges',
  'A bookmark of a work: saving again changes it.',
  z.strictObject({
    notes: html('Your notes').optional(),
    tags: z.array(z.string()).describe('Your own tags for it (at most 75).').optional(),
    rec: z.boolean().describe('Recommend it.').optional(),
    private: z.boolean().describe('Only you see it.').optional(),
  }),
);

export const CommentBody = named(
  'NewComment',
  'A comment on a work, on one of its chapters, or a reply to a comment.',
  z.strictObject({
    text: html('The comment'),
    chapter: z.number().int().min(1).describe('The chapter commented on (default: the whole work; a one-chapter work’s only chapter).').optional(),
    parent_id: z.number().int().min(1).describe('The comment this replies to.').optional(),
  }),
);

export const SubscriptionBody = named(
  'NewSubscription',
  'What to follow: a work (new chapters), a pen name (new works) or a series (new parts).',
  z.strictObject({ kind: z.enum(['work', 'pseud', 'series']), target_id: z.number().int().min(1) }),
);

export type NewWorkInput = z.infer<typeof NewWorkBody>;
export type WorkChangesInput = z.infer<typeof WorkChangesBody>;
export type ChapterInputJson = z.infer<typeof ChapterInputBody>;
