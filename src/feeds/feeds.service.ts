import { notFound, QuireError } from '../errors.ts';
import { htmlToText } from '../formats/sanitize.ts';
import { parseSearchParams, toSearchParams, type ParamRecord } from '../search/params.ts';
import type { SearchService } from '../search/search.service.ts';
import type { Db } from '../store/schema.ts';
import { findTagByName, findTagsByIds } from '../tags/tag.repository.ts';
import { findPseudByName } from '../works/pseud.repository.ts';
import { loadSeries } from '../works/series.repository.ts';
import { GUEST } from '../works/visibility.ts';
import type { WorkService } from '../works/work.service.ts';
import type { Chapter, Work, WorkWithChapters } from '../works/work.types.ts';
import { ATOM_TYPE, dayTime, latest, renderAtom, type AtomEntry, type AtomFeed } from './atom.ts';
import { describeSearch } from './describe.ts';
import { abs, idFor, pathWithQuery, paths, type FeedContext } from './links.ts';
import { authorsOf, categoriesOf, workEntry } from './work-entry.ts';
import { xmlEscape } from './xml.ts';

/** AO3's tag feeds carry the 25 newest works; `limit` asks for up to 100. */
export const FEED_LIMITS = { default: 25, max: 100 } as const;

/** A feed, or where its canonical address is (a synonym's feed moves to its canonical tag's). */
export type FeedAnswer = { kind: 'feed'; xml: string; feed: AtomFeed } | { kind: 'moved'; path: string };

export interface FeedDeps {
  db: Db;
  works: WorkService;
  search: SearchService;
  ctx: FeedContext;
  clock?: () => Date;
}

const EXCERPT_WORDS = 60;

/** The first words of a chapter's text, for its entry when it has no summary of its own. */
function excerpt(html: string): string {
  const words = htmlToText(html).split(/\s+/).filter(Boolean);
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …` : words.join(' ');
}

/**
 * The archive's Atom feeds (RFC 4287): per tag (its filter tag, so synonyms and subtags count),
 * per creator, per work (its chapters), per series, and per saved search. Feeds are fetched by
 * feed readers without cookies, so every feed is made **as a guest**: restricted works, drafts
 * and hidden works never appear, and nobody's filter profile applies. Newest first; 25 entries
 * unless `limit` asks for up to 100.
 */
export class FeedService {
  constructor(private readonly deps: FeedDeps) {}

  private get ctx(): FeedContext {
    return this.deps.ctx;
  }

  private answer(feed: Omit<AtomFeed, 'updated'>): FeedAnswer {
    const now = (this.deps.clock ?? (() => new Date()))().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const full: AtomFeed = { ...feed, updated: latest(feed.entries.map((e) => e.updated), now) };
    return { kind: 'feed', feed: full, xml: renderAtom(full) };
  }

  private links(self: string, page: string): AtomFeed['links'] {
    return [
      { rel: 'self', type: ATOM_TYPE, href: abs(this.ctx, self) },
      { rel: 'alternate', type: 'text/html', href: abs(this.ctx, page) },
    ];
  }

  /** Works whose filter tags include the tag `name`; a synonym or another spelling moves to the canonical name. */
  async tag(name: string, limit: number = FEED_LIMITS.default): Promise<FeedAnswer> {
    const { db, works } = this.deps;
    const tag = await findTagByName(db, name);
    if (!tag) throw new QuireError('not_found', `there is no tag "${name.slice(0, 150)}"`);
    if (tag.synonymOf !== null) {
      const [canonical] = await findTagsByIds(db, [tag.synonymOf]);
      if (canonical) return { kind: 'moved', path: paths.tagFeed(canonical.name) };
    }
    if (tag.name !== name) return { kind: 'moved', path: paths.tagFeed(tag.name) };
    const page = await works.list(GUEST, { filterTagId: tag.id, pageSize: limit });
    if (page.total === 0) throw new QuireError('not_found', `no works are tagged "${tag.name}"`);
    return this.answer({
      id: idFor(this.ctx, paths.tagFeed(tag.name)),
      title: `${this.ctx.archiveName}: works tagged “${tag.name}”`,
      links: this.links(paths.tagFeed(tag.name), paths.tag(tag.name)),
      entries: page.items.map((w) => workEntry(this.ctx, w)),
    });
  }

  /** Works by a pen name. */
  async creator(name: string, limit: number = FEED_LIMITS.default): Promise<FeedAnswer> {
    const { db, works } = this.deps;
    const missing = new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
    const pseud = await findPseudByName(db, name);
    if (!pseud) throw missing;
    if (pseud.name !== name) return { kind: 'moved', path: paths.creatorFeed(pseud.name) };
    const page = await works.list(GUEST, { pseudId: pseud.id, pageSize: limit });
    if (page.total === 0) throw missing;
    return this.answer({
      id: idFor(this.ctx, paths.creatorFeed(pseud.name)),
      title: `${this.ctx.archiveName}: works by ${pseud.name}`,
      links: this.links(paths.creatorFeed(pseud.name), paths.creator(pseud.name)),
      entries: page.items.map((w) => workEntry(this.ctx, w)),
    });
  }

  /** A work's chapters, newest first: subscribe to be told of new chapters. */
  async work(id: number, limit: number = FEED_LIMITS.default): Promise<FeedAnswer> {
    const work = await this.deps.works.read(GUEST, id);
    const chapters = [...work.chapters].sort((a, b) => b.position - a.position).slice(0, limit);
    return this.answer({
      id: idFor(this.ctx, paths.workFeed(id)),
      title: `${this.ctx.archiveName}: new chapters of “${work.title}”`,
      links: this.links(paths.workFeed(id), paths.work(id)),
      authors: authorsOf(this.ctx, work),
      entries: chapters.map((c) => this.chapterEntry(work, c)),
    });
  }

  /** The works of a series, last updated first. */
  async series(id: number, limit: number = FEED_LIMITS.default): Promise<FeedAnswer> {
    const series = await loadSeries(this.deps.db, id, GUEST);
    if (!series) throw notFound('series', id);
    const newest = series.works.map((w) => w.work).sort(byUpdated).slice(0, limit);
    return this.answer({
      id: idFor(this.ctx, paths.seriesFeed(id)),
      title: `${this.ctx.archiveName}: series “${series.title}”`,
      links: this.links(paths.seriesFeed(id), paths.series(id)),
      entries: newest.map((w) => workEntry(this.ctx, w)),
    });
  }

  /**
   * A saved search: the same parameters as `/search`, always sorted by date updated, newest
   * first (a `sort`, `order` or `page` given is ignored). Bad parameters are `bad_request`.
   */
  async search(params: ParamRecord, limit: number = FEED_LIMITS.default): Promise<FeedAnswer> {
    const { limit: _l, sort: _s, order: _o, page: _p, per_page: _pp, facets: _f, ...rest } = params;
    const query = { ...parseSearchParams(rest), sort: 'updated' as const, order: 'desc' as const, page: 1, perPage: limit, facetLimit: 1 };
    const result = await this.deps.search.search(GUEST, query);
    const canonical = toSearchParams({ ...query, perPage: 20, facetLimit: 10 });
    const { sort: _cs, ...kept } = canonical;
    const described = describeSearch(query);
    const self = pathWithQuery(paths.searchFeed, kept);
    return this.answer({
      id: idFor(this.ctx, self),
      title: `${this.ctx.archiveName}: ${described ? `works ${described}` : 'all works'}`,
      links: this.links(limit === FEED_LIMITS.default ? self : pathWithQuery(paths.searchFeed, { ...kept, limit: String(limit) }), pathWithQuery('/search', { ...kept, sort: 'updated' })),
      entries: result.items.map((hit) => workEntry(this.ctx, hit.work)),
    });
  }

  private chapterEntry(work: WorkWithChapters, c: Chapter): AtomEntry {
    const label = c.title ? `Chapter ${c.position}: ${c.title}` : `Chapter ${c.position}`;
    const path = work.chapters.length > 1 ? paths.chapter(work.id, c.position) : paths.work(work.id);
    const summary = c.summary ? c.summary : `<p>${xmlEscape(excerpt(c.html))}</p>`;
    return {
      id: idFor(this.ctx, paths.chapter(work.id, c.position)),
      title: `${work.title}: ${label}`,
      updated: dayTime(c.publishedOn),
      published: dayTime(c.publishedOn),
      authors: authorsOf(this.ctx, work),
      links: [{ rel: 'alternate', type: 'text/html', href: abs(this.ctx, path) }],
      summary: { type: 'html', value: `${summary}\n<p>Words: ${c.words.toLocaleString('en')}</p>` },
      categories: categoriesOf(this.ctx, work),
    };
  }
}

function byUpdated(a: Work, b: Work): number {
  return a.updatedOn < b.updatedOn ? 1 : a.updatedOn > b.updatedOn ? -1 : b.id - a.id;
}
