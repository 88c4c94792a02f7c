import type { DownloadFormat } from '../downloads/formats.ts';
import { ADULT_RATINGS } from '../tags/tag.types.ts';
import type { Work } from '../works/work.types.ts';
import { ATOM_NS, renderAtom, type AtomEntry, type AtomFeed, type AtomLink } from './atom.ts';
import { abs, idFor, pathWithQuery, paths, type FeedContext } from './links.ts';
import { workEntry, workSummaryHtml, workSummaryText } from './work-entry.ts';
import { el, text, xmlDocument } from './xml.ts';

/**
 * OPDS 1.2 (https://specs.opds.io/opds-1.2): Atom feeds that e-reader software browses.
 * Navigation feeds list other feeds; acquisition feeds list books with links to get them.
 */
export const OPDS_NAVIGATION = 'application/atom+xml;profile=opds-catalog;kind=navigation';
export const OPDS_ACQUISITION = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';
export const ACQUISITION_REL = 'http://opds-spec.org/acquisition';

export const OPDS_NAMESPACES = {
  dc: 'http://purl.org/dc/terms/',
  opds: 'http://opds-spec.org/2010/catalog',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/',
};

/** Works per page of an acquisition feed, and entries per page of a navigation feed. */
export const OPDS_PAGE_SIZE = 25;

/** Where one page sits: `page` is 1-based. */
export interface Paging {
  page: number;
  pageSize: number;
  total: number;
}

/** A link for a navigation entry: another feed, with its kind. */
export interface NavItem {
  title: string;
  path: string;
  kind: 'navigation' | 'acquisition';
  /** A short text shown under the title. */
  content: string;
  /** A relation besides `subsection` (e.g. `http://opds-spec.org/sort/new`). */
  rel?: string;
}

/**
 * A work as an acquisition entry: the Atom entry of the feeds, a plain-text summary (OPDS
 * readers show `summary` as text) with the metadata as HTML `content`, `dc:language` and
 * `dc:issued`, and one acquisition link per download format. Adult-rated works carry the
 * reader's consent in the link (`view_adult=true`, as the gate's Proceed link does): the
 * catalog entry shows the rating first.
 */
export function acquisitionEntry(ctx: FeedContext, work: Work, formats: readonly DownloadFormat[]): AtomEntry {
  const base = workEntry(ctx, work);
  const consent = ADULT_RATINGS.includes(work.rating) ? '?view_adult=true' : '';
  const acquisitions: AtomLink[] = formats.map((f) => ({
    rel: ACQUISITION_REL,
    type: f.mime.replace(/;.*$/, ''),
    href: abs(ctx, `${paths.download(work.id, f.ext)}${consent}`),
    title: f.label,
  }));
  return {
    ...base,
    links: [...base.links, ...acquisitions],
    summary: { type: 'text', value: workSummaryText(work) },
    content: { type: 'html', value: `<p>${work.rating}</p>\n${workSummaryHtml(ctx, work)}` },
    extra: [text('dc:language', work.language), text('dc:issued', work.publishedOn), text('dc:publisher', ctx.archiveName)],
  };
}

/** A navigation entry: a link to another feed of the catalog, with a line about it. */
export function navigationEntry(ctx: FeedContext, item: NavItem, updated: string): AtomEntry {
  return {
    id: idFor(ctx, item.path),
    title: item.title,
    updated,
    authors: [],
    links: [{ rel: item.rel ?? 'subsection', href: abs(ctx, item.path), type: item.kind === 'navigation' ? OPDS_NAVIGATION : OPDS_ACQUISITION }],
    content: { type: 'text', value: item.content },
    categories: [],
  };
}

export interface OpdsFeedInput {
  path: string;
  /** The query of this page's address besides `page` (e.g. `{ q: 'sea' }`). */
  query?: Record<string, string>;
  title: string;
  kind: 'navigation' | 'acquisition';
  entries: AtomEntry[];
  updated: string;
  paging?: Paging;
  /** The feed one level up. */
  up?: string;
}

/** A whole OPDS feed: self, start, up, search and (when paged) first / previous / next / last links, and OpenSearch counts. */
export function opdsFeed(ctx: FeedContext, input: OpdsFeedInput): { feed: AtomFeed; xml: string } {
  const type = input.kind === 'navigation' ? OPDS_NAVIGATION : OPDS_ACQUISITION;
  const at = (page: number) => abs(ctx, pathWithQuery(input.path, { ...input.query, page: page > 1 ? String(page) : undefined }));
  const p = input.paging;
  const links: AtomLink[] = [
    { rel: 'self', href: at(p?.page ?? 1), type },
    { rel: 'start', href: abs(ctx, '/opds'), type: OPDS_NAVIGATION, title: ctx.archiveName },
    ...(input.up ? [{ rel: 'up', href: abs(ctx, input.up), type: OPDS_NAVIGATION }] : []),
    { rel: 'search', href: abs(ctx, '/opds/opensearch.xml'), type: OPENSEARCH_TYPE, title: `Search ${ctx.archiveName}` },
  ];
  const extra = [];
  if (p) {
    const last = Math.max(1, Math.ceil(p.total / p.pageSize));
    links.push({ rel: 'first', href: at(1), type });
    if (p.page > 1) links.push({ rel: 'previous', href: at(Math.min(p.page - 1, last)), type });
    if (p.page < last) links.push({ rel: 'next', href: at(p.page + 1), type });
    links.push({ rel: 'last', href: at(last), type });
    extra.push(text('opensearch:totalResults', String(p.total)), text('opensearch:itemsPerPage', String(p.pageSize)), text('opensearch:startIndex', String((p.page - 1) * p.pageSize + 1)));
  }
  const feed: AtomFeed = {
    id: idFor(ctx, pathWithQuery(input.path, input.query ?? {})),
    title: input.title,
    updated: input.updated,
    authors: [{ name: ctx.archiveName, uri: ctx.baseUrl }],
    links,
    entries: input.entries,
    extra,
  };
  return { feed, xml: renderAtom(feed, OPDS_NAMESPACES) };
}

/** The OpenSearch description: search terms go to `/opds/search?q={searchTerms}`, answered with an acquisition feed. */
export function openSearchDescription(ctx: FeedContext): string {
  return xmlDocument(
    el('OpenSearchDescription', { xmlns: OPDS_NAMESPACES.opensearch, 'xmlns:atom': ATOM_NS }, [
      text('ShortName', ctx.archiveName.slice(0, 16)),
      text('LongName', ctx.archiveName),
      text('Description', `Search the works of ${ctx.archiveName}: titles, summaries, notes, tags, creators and text.`),
      text('InputEncoding', 'UTF-8'),
      text('OutputEncoding', 'UTF-8'),
      el('Url', { type: OPDS_ACQUISITION, template: `${abs(ctx, '/opds/search')}?q={searchTerms}` }),
    ]),
  );
}
