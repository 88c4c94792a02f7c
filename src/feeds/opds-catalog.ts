import { QuireError, notFound } from '../errors.ts';
import type { DownloadFormat } from '../downloads/formats.ts';
import type { Interactions } from '../interactions/interactions.service.ts';
import { visibleWork } from '../interactions/visible-sql.ts';
import type { HideRules } from '../search/hide.ts';
import { searchQuery, type SearchQuery } from '../search/query.ts';
import type { SearchService } from '../search/search.service.ts';
import type { Db } from '../store/schema.ts';
import { findTagByName, findTagsByIds } from '../tags/tag.repository.ts';
import { findPseudByName } from '../works/pseud.repository.ts';
import { loadSeries } from '../works/series.repository.ts';
import type { Viewer } from '../works/visibility.ts';
import type { WorkService } from '../works/work.service.ts';
import type { Work } from '../works/work.types.ts';
import { latest } from './atom.ts';
import type { FeedContext } from './links.ts';
import { OPDS_PAGE_SIZE, acquisitionEntry, navigationEntry, opdsFeed, type NavItem, type OpdsFeedInput } from './opds.ts';
import { filterTagCounts } from './tag-counts.ts';

export interface CatalogDeps {
  db: Db;
  works: WorkService;
  search: SearchService;
  interactions: Interactions;
  ctx: FeedContext;
  formats: readonly DownloadFormat[];
  /** The reader's filter profile and mutes (src/profiles); undefined for guests. */
  hideFor(viewer: Viewer): Promise<HideRules | undefined>;
  clock?: () => Date;
}

/** A catalog page, or the canonical address of the one asked for (a synonym's tag). */
export type CatalogAnswer = { kind: 'feed'; xml: string } | { kind: 'moved'; path: string };

const FREE_TAG_TYPES_BUT_FANDOMS = ['relationship', 'character', 'additional'] as const;

/**
 * The OPDS catalog at `/opds` (docs/opds.md): navigation feeds (the root, fandoms, popular tags,
 * series, a reader's subscriptions) and acquisition feeds (new works, a tag's works, a series, a
 * creator, search results, a reader's bookmarks and marked-for-later), 25 to a page. `viewer` is
 * the reader as OPDS sees them (src/web/routes/opds-auth.ts): a guest, or a member by app
 * password, who sees restricted works and whose filter profile applies to listings. Drafts and
 * hidden works never appear: a catalog lists what is published.
 */
export class OpdsCatalog {
  constructor(private readonly deps: CatalogDeps) {}

  private get ctx(): FeedContext {
    return this.deps.ctx;
  }

  private now(): string {
    return (this.deps.clock ?? (() => new Date()))().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private feed(input: Omit<OpdsFeedInput, 'updated'>): CatalogAnswer {
    const updated = latest(input.entries.map((e) => e.updated), this.now());
    return { kind: 'feed', xml: opdsFeed(this.ctx, { ...input, updated }).xml };
  }

  private acquisition(input: Omit<OpdsFeedInput, 'updated' | 'kind' | 'entries'>, works: readonly Work[]): CatalogAnswer {
    if (input.paging && input.paging.page > 1 && (input.paging.page - 1) * input.paging.pageSize >= input.paging.total) {
      throw new QuireError('not_found', `there is no page ${input.paging.page} of this list`);
    }
    return this.feed({ ...input, kind: 'acquisition', entries: works.map((w) => acquisitionEntry(this.ctx, w, this.deps.formats)) });
  }

  private navigation(input: Omit<OpdsFeedInput, 'updated' | 'kind' | 'entries'>, items: NavItem[]): CatalogAnswer {
    const now = this.now();
    return this.feed({ ...input, kind: 'navigation', entries: items.map((i) => navigationEntry(this.ctx, i, now)) });
  }

  /** A search as OPDS lists it: the reader's hiding rules apply. */
  private async searchWorks(viewer: Viewer, query: Partial<SearchQuery>, page: number) {
    const result = await this.deps.search.search(viewer, searchQuery({ ...query, page, perPage: OPDS_PAGE_SIZE, facetLimit: 0 }), { hide: await this.deps.hideFor(viewer) });
    return { works: result.items.map((h) => h.work), paging: { page, pageSize: OPDS_PAGE_SIZE, total: result.total }, hiddenByFilters: result.hiddenByFilters };
  }

  /** The start: what there is to browse, and the reader's own shelves. */
  root(viewer: Viewer): CatalogAnswer {
    const name = this.ctx.archiveName;
    const signedIn = viewer.kind === 'member';
    const own = signedIn ? '' : ' (sign in with your user name and an app password)';
    return this.navigation({ path: '/opds', title: name }, [
      { title: 'New and updated works', path: '/opds/new', kind: 'acquisition', rel: 'http://opds-spec.org/sort/new', content: `The latest works and chapters on ${name}.` },
      { title: 'Fandoms', path: '/opds/fandoms', kind: 'navigation', content: 'Every fandom, with its works.' },
      { title: 'Tags', path: '/opds/tags', kind: 'navigation', content: 'The most used relationships, characters and tags.' },
      { title: 'Series', path: '/opds/series', kind: 'navigation', content: 'Series, last updated first.' },
      { title: 'Your bookmarks', path: '/opds/me/bookmarks', kind: 'acquisition', rel: 'http://opds-spec.org/shelf', content: `Works you bookmarked${own}.` },
      { title: 'Marked for later', path: '/opds/me/later', kind: 'acquisition', content: `Works you marked to read later${own}.` },
      { title: 'Your subscriptions', path: '/opds/me/subscriptions', kind: 'navigation', rel: 'http://opds-spec.org/subscriptions', content: `Works, creators and series you follow${own}.` },
    ]);
  }

  async newWorks(viewer: Viewer, page: number): Promise<CatalogAnswer> {
    const { works, paging } = await this.searchWorks(viewer, { sort: 'updated', order: 'desc' }, page);
    return this.acquisition({ path: '/opds/new', title: 'New and updated works', up: '/opds', paging }, works);
  }

  async fandoms(viewer: Viewer, page: number): Promise<CatalogAnswer> {
    const { total, items } = await filterTagCounts(this.deps.db, viewer, { types: ['fandom'], order: 'name', offset: (page - 1) * OPDS_PAGE_SIZE, limit: OPDS_PAGE_SIZE });
    return this.pagedNavigation('/opds/fandoms', 'Fandoms', page, total, items.map((t) => this.tagItem(t.name, t.works)));
  }

  async tags(viewer: Viewer, page: number): Promise<CatalogAnswer> {
    const { total, items } = await filterTagCounts(this.deps.db, viewer, { types: FREE_TAG_TYPES_BUT_FANDOMS, order: 'works', offset: (page - 1) * OPDS_PAGE_SIZE, limit: OPDS_PAGE_SIZE });
    return this.pagedNavigation('/opds/tags', 'Popular tags', page, total, items.map((t) => this.tagItem(t.name, t.works)));
  }

  /** The works of a filter tag (synonyms and subtags included); a synonym moves to its canonical tag. */
  async tag(viewer: Viewer, name: string, page: number): Promise<CatalogAnswer> {
    const db = this.deps.db;
    const tag = await findTagByName(db, name);
    if (!tag) throw new QuireError('not_found', `there is no tag "${name.slice(0, 150)}"`);
    const canonical = tag.synonymOf !== null ? (await findTagsByIds(db, [tag.synonymOf]))[0]?.name : undefined;
    const target = canonical ?? (tag.name !== name ? tag.name : undefined);
    if (target !== undefined) return { kind: 'moved', path: opdsPaths.tag(target) };
    const { works, paging, hiddenByFilters } = await this.searchWorks(viewer, { include: [tag.name], sort: 'updated', order: 'desc' }, page);
    // Like /tags/:name: a tag no readable work carries answers as an unknown one (a draft's tag stays unconfirmed).
    if (paging.total === 0 && hiddenByFilters === 0) throw new QuireError('not_found', `there is no tag "${name.slice(0, 150)}"`);
    return this.acquisition({ path: opdsPaths.tag(tag.name), title: tag.name, up: tag.type === 'fandom' ? '/opds/fandoms' : '/opds/tags', paging }, works);
  }

  async seriesList(viewer: Viewer, page: number): Promise<CatalogAnswer> {
    const base = this.deps.db
      .selectFrom('series')
      .where((eb) => eb.exists(eb.selectFrom('series_works').innerJoin('works', 'works.id', 'series_works.work_id').select('series_works.work_id').whereRef('series_works.series_id', '=', 'series.id').where((w) => visibleWork(viewer)(w))));
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base.select(['series.id', 'series.title', 'series.updated_at']).orderBy('series.updated_at', 'desc').orderBy('series.id', 'desc').limit(OPDS_PAGE_SIZE).offset((page - 1) * OPDS_PAGE_SIZE).execute();
    return this.pagedNavigation('/opds/series', 'Series', page, total, rows.map((r) => ({ title: r.title, path: opdsPaths.series(r.id), kind: 'acquisition', content: `Updated ${r.updated_at.slice(0, 10)}.` })));
  }

  /** A series' works the reader may read and has not hidden (the engine's series filter), in series order. */
  async series(viewer: Viewer, id: number): Promise<CatalogAnswer> {
    const series = await loadSeries(this.deps.db, id, viewer);
    if (!series) throw notFound('series', id);
    const keep = new Set((await this.deps.search.matchingIds(viewer, searchQuery({ seriesIds: [id] }), { hide: await this.deps.hideFor(viewer) })).ids);
    return this.acquisition({ path: opdsPaths.series(id), title: series.title, up: '/opds/series' }, series.works.flatMap((w) => (keep.has(w.work.id) ? [w.work] : [])));
  }

  async creator(viewer: Viewer, name: string, page: number): Promise<CatalogAnswer> {
    const pseud = await findPseudByName(this.deps.db, name);
    if (!pseud) throw new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
    if (pseud.name !== name) return { kind: 'moved', path: opdsPaths.creator(pseud.name) };
    const { works, paging, hiddenByFilters } = await this.searchWorks(viewer, { pseudIds: [pseud.id], sort: 'updated', order: 'desc' }, page);
    if (paging.total === 0 && hiddenByFilters === 0) throw new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
    return this.acquisition({ path: opdsPaths.creator(pseud.name), title: `Works by ${pseud.name}`, up: '/opds', paging }, works);
  }

  /** One work as a feed of one entry (where a subscription to a work leads). */
  async work(viewer: Viewer, id: number): Promise<CatalogAnswer> {
    const work = await this.deps.works.read(viewer, id);
    return this.acquisition({ path: opdsPaths.work(id), title: work.title, up: '/opds' }, [work]);
  }

  async search(viewer: Viewer, q: string, page: number): Promise<CatalogAnswer> {
    const { works, paging } = await this.searchWorks(viewer, { q }, page);
    return this.acquisition({ path: '/opds/search', query: { q }, title: q ? `Search: ${q}` : 'All works', up: '/opds', paging }, works);
  }

  async bookmarks(viewer: Viewer, page: number): Promise<CatalogAnswer> {
    const { page: list } = await this.deps.interactions.bookmarks.list(viewer, viewer.username ?? '', { page, pageSize: OPDS_PAGE_SIZE });
    return this.acquisition({ path: '/opds/me/bookmarks', title: 'Your bookmarks', up: '/opds', paging: { page, pageSize: OPDS_PAGE_SIZE, total: list.total } }, list.items.map((b) => b.work));
  }

  async later(viewer: Viewer, page: number): Promise<CatalogAnswer> {
    const list = await this.deps.interactions.later.page(viewer, { page, pageSize: OPDS_PAGE_SIZE });
    return this.acquisition({ path: '/opds/me/later', title: 'Marked for later', up: '/opds', paging: { page, pageSize: OPDS_PAGE_SIZE, total: list.total } }, list.items);
  }

  /** Subscriptions as a navigation feed: each leads to the work, the creator's works, or the series. */
  async subscriptions(viewer: Viewer): Promise<CatalogAnswer> {
    const subs = await this.deps.interactions.subscriptions.list(viewer);
    const items: NavItem[] = subs.map((s) => {
      if (s.kind === 'work') return { title: s.label, path: opdsPaths.work(s.targetId), kind: 'acquisition', content: 'A work you follow.' };
      if (s.kind === 'series') return { title: s.label, path: opdsPaths.series(s.targetId), kind: 'acquisition', content: 'A series you follow.' };
      return { title: `Works by ${s.label}`, path: opdsPaths.creator(s.label), kind: 'acquisition', content: 'A creator you follow.' };
    });
    return this.navigation({ path: '/opds/me/subscriptions', title: 'Your subscriptions', up: '/opds' }, items);
  }

  private tagItem(name: string, works: number): NavItem {
    return { title: name, path: opdsPaths.tag(name), kind: 'acquisition', content: works === 1 ? '1 work' : `${works.toLocaleString('en')} works` };
  }

  private pagedNavigation(path: string, title: string, page: number, total: number, items: NavItem[]): CatalogAnswer {
    if (page > 1 && items.length === 0) throw new QuireError('not_found', `there is no page ${page} of this list`);
    return this.navigation({ path, title, up: '/opds', paging: { page, pageSize: OPDS_PAGE_SIZE, total } }, items);
  }
}

export const opdsPaths = {
  tag: (name: string) => `/opds/tags/${encodeURIComponent(name)}`,
  series: (id: number) => `/opds/series/${id}`,
  creator: (name: string) => `/opds/creators/${encodeURIComponent(name)}`,
  work: (id: number) => `/opds/works/${id}`,
};

