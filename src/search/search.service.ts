import roaring from 'roaring';
import { QuireError } from '../errors.ts';
import { htmlToText } from '../formats/sanitize.ts';
import { logger } from '../log.ts';
import type { Store } from '../store/store.ts';
import { TAG_TYPES, type TagType } from '../tags/tag.types.ts';
import type { WorkEvents, WorkListener } from '../works/work.events.ts';
import { loadWorks } from '../works/work.repository.ts';
import type { Work } from '../works/work.types.ts';
import type { Viewer } from '../works/visibility.ts';
import { FACET_WALK_FROM } from './engine/facets.ts';
import { applyFilters, visibleSet } from './engine/filter.ts';
import type { FandomParents } from './engine/load.ts';
import type { Bitmap, WorkIndex } from './engine/work-index.ts';
import { execute } from './execute.ts';
import type { ProgressFn } from './fts/reindex.ts';
import { hiddenSet, type HideRules } from './hide.ts';
import { planSearch, type TagResolver } from './plan.ts';
import { dbTagResolver } from './tag-resolver.ts';

export { dbTagResolver };
import type { SearchQuery } from './query.ts';
import { highlight } from './snippet.ts';
import { positiveTerms } from './text/ast.ts';
import { TEXT_SEARCH_DEFAULTS, type TextSearchOptions } from './text-search.ts';
import type { TextBackend } from './text-backend.ts';
import { SqliteTextBackend } from './sqlite-backend.ts';
import { PgTextBackend } from './pg/backend.ts';
import type { PG_TEXT_DEFAULTS } from './pg/text-search.ts';
import type { PostingsOptions } from './postings/postings.ts';

const { RoaringBitmap32 } = roaring;
const log = logger('search');
/** Characters of a long chapter's HTML a snippet is first looked for in. */
const SNIPPET_PREFIX = 16_000;

export interface SearchHit {
  work: Work;
  /** Relevance (higher is better) when ordered by best match; otherwise null. */
  score: number | null;
  /** Where the chapter text matched: link to /works/ID/chapters/N. HTML-escaped, `<mark>` added. */
  snippet: { chapter: number; html: string } | null;
}

export interface FacetTag {
  id: number;
  name: string;
  count: number;
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  items: SearchHit[];
  /** Top tags of each type over the whole result (not just the page). */
  facets: Record<TagType, FacetTag[]>;
  /** Matching works removed by the reader's hiding rules. */
  hiddenByFilters: number;
}

export interface SearchOptions {
  /** The reader's "never show me" rules and mutes. */
  hide?: HideRules;
}

export interface SearchServiceOptions {
  text: Partial<TextSearchOptions>;
  /** Facets are counted from works' tag lists up to this many results, by bitmaps above. */
  facetSmallLimit: number;
  /** Write the FTS rows on every work write (default); false for a second service on the same store. */
  writeIndex: boolean;
  /** PostgreSQL only: how many works are ranked exactly, when few works are checked in memory (pg/text-search.ts). */
  pgText: Partial<typeof PG_TEXT_DEFAULTS>;
  /** The frequency postings' thresholds (postings/postings.ts); they matter when the postings are (re)built. */
  postings: Partial<PostingsOptions>;
}

/**
 * Quire's search: a text backend for text (SQLite FTS5, or PostgreSQL tsvector with GIN, picked by
 * `store.dialect`; text-backend.ts), an in-memory engine of roaring bitmaps and typed arrays
 * for filters, sorts and facets. Construct it once per archive: it creates the FTS tables, and
 * registers its indexer (FTS rows written inside each work's write transaction) and its listener
 * (the engine updated before the write returns). Call `prepare()` at start-up; `search()` does it
 * on first use otherwise. See docs/search.md.
 */
export class SearchService implements WorkListener {
  /** The database's side of search: text index and engine rows (SQLite FTS5 or PostgreSQL tsvector). */
  readonly backend: TextBackend;
  private readonly opts: SearchServiceOptions;
  private index: WorkIndex | null = null;
  private graph: FandomParents = new Map();
  private needsReindex: boolean | null = null;
  private postingsChecked = false;
  private preparing: Promise<void> | null = null;
  private readonly tags: TagResolver;

  constructor(private readonly store: Store, events: WorkEvents, opts: Partial<SearchServiceOptions> = {}) {
    this.opts = { text: {}, facetSmallLimit: FACET_WALK_FROM, writeIndex: true, pgText: {}, postings: {}, ...opts };
    this.backend = store.dialect === 'postgres' ? new PgTextBackend(store, this.opts.pgText, this.opts.postings) : new SqliteTextBackend(store, this.opts.postings);
    this.tags = dbTagResolver(store.db);
    if (this.opts.writeIndex) events.addIndexer(this.backend.indexer);
    events.subscribe(this);
  }

  /**
   * Rebuilds the full-text index if its format changed, then loads the engine. Concurrent callers
   * share one run; once done it returns at once.
   */
  prepare(onProgress?: ProgressFn): Promise<void> {
    if (this.index && this.needsReindex === false && this.postingsChecked) return Promise.resolve();
    this.preparing ??= (async () => {
      this.needsReindex ??= await this.backend.needsReindex();
      if (this.needsReindex) await this.reindex(onProgress);
      else if (!this.postingsChecked && (await this.backend.postings.needsRebuild(await this.backend.chapterCount(), this.opts.writeIndex))) {
        log.info('frequency postings due (none yet, another format or thresholds, or the archive has doubled): rebuilding them');
        await this.backend.reindex(onProgress, { fts: false });
      }
      this.postingsChecked = true;
      if (!this.index) await this.rebuild();
    })().finally(() => {
      this.preparing = null;
    });
    return this.preparing;
  }

  /**
   * Reloads the in-memory engine from the database (works, filter taggings, creators). On SQLite
   * the engine is replaced before this returns its promise (the read is synchronous).
   */
  async rebuild(): Promise<{ works: number; ms: number }> {
    const started = performance.now();
    const loading = this.backend.loadIndex();
    ({ index: this.index, graph: this.graph } = loading instanceof Promise ? await loading : loading);
    const ms = Math.round(performance.now() - started);
    log.info({ works: this.index.size, ms }, 'search engine loaded');
    return { works: this.index.size, ms };
  }

  /** Rebuilds the full-text tables from the works and chapters (`quire reindex`). */
  async reindex(onProgress?: ProgressFn): Promise<{ works: number }> {
    const done = await this.backend.reindex(onProgress);
    this.needsReindex = false;
    return done;
  }

  async worksChanged(ids: readonly number[]): Promise<void> {
    await this.backend.postings.changed(ids);
    const index = this.index;
    if (!index) return; // not loaded yet: the load will read them
    const loading = this.backend.loadRows(index, this.graph, ids); // also refreshes pen names and series
    const rows = loading instanceof Promise ? await loading : loading;
    if (this.index !== index) return; // reloaded meanwhile: the load read them
    const found = new Set(rows.map((r) => r.id));
    for (const row of rows) index.upsert(row);
    for (const id of ids) if (!found.has(id)) index.remove(id);
  }

  async worksDeleted(ids: readonly number[]): Promise<void> {
    for (const id of ids) this.index?.remove(id);
    await this.backend.postings.changed(ids);
  }

  /**
   * Works another process changed (read from the change log, src/cluster): reloaded from the
   * database the same way as local writes, or the whole engine for `'all'`. Before the engine's
   * first load this does nothing: the load reads them.
   */
  async applyExternalChanges(ids: readonly number[] | 'all'): Promise<void> {
    if (!this.index) return;
    if (ids === 'all') {
      this.backend.postings.reset();
      await this.rebuild();
    } else await this.worksChanged(ids);
  }

  /**
   * One page of the works `viewer` may see that match `query`, with the exact total and facets.
   * Throws `bad_request` for a malformed text query.
   */
  async search(viewer: Viewer, query: SearchQuery, opts: SearchOptions = {}): Promise<SearchResult> {
    await this.prepare();
    const index = this.index!;
    const started = performance.now();
    const plan = await planSearch(query, this.tags);
    const own = viewer.pseudIds?.length ? await this.worksBy(viewer.pseudIds) : null;
    const hidden = opts.hide ? await hiddenSet(index, opts.hide, this.tags, (p) => this.worksBy(p)) : null;
    const text = this.backend.evaluator(index, { ...TEXT_SEARCH_DEFAULTS, ...this.opts.text });
    const ex = await execute(plan, visibleSet(index, viewer, own), { index, text, hidden, facetSmallLimit: this.opts.facetSmallLimit });
    const works = await loadWorks(this.store.db, ex.ids);
    const terms = positiveTerms(plan.text).filter((t) => t.field === null);
    const items: SearchHit[] = [];
    for (const work of works) {
      const i = ex.ids.indexOf(work.id);
      const chapter = ex.chapters[i] ?? 0;
      items.push({ work, score: ex.scores[i] ?? null, snippet: chapter > 0 ? await this.snippet(work.id, chapter, terms) : null });
    }
    const facets = await this.facetNames(ex.facets);
    log.debug({ total: ex.total, strategy: ex.strategy, text: ex.textCounts, ms: Math.round(performance.now() - started) }, 'search');
    return {
      total: ex.total,
      page: query.page,
      pageSize: query.perPage,
      pages: Math.max(1, Math.ceil(ex.total / query.perPage)),
      items,
      facets,
      hiddenByFilters: ex.hiddenByFilters,
    };
  }

  /**
   * Every work `viewer` may see that passes the filters of `query` and the hiding rules, in no
   * particular order, with how many the rules removed: for listings ordered outside the engine
   * (a series, by position). Filters only: a text query is `bad_request`.
   */
  async matchingIds(viewer: Viewer, query: SearchQuery, opts: SearchOptions = {}): Promise<{ ids: number[]; hiddenByFilters: number }> {
    await this.prepare();
    const index = this.index!;
    const plan = await planSearch(query, this.tags);
    if (plan.text) throw new QuireError('bad_request', 'matchingIds takes filters only, not a text query');
    const own = viewer.pseudIds?.length ? await this.worksBy(viewer.pseudIds) : null;
    const hidden = opts.hide ? await hiddenSet(index, opts.hide, this.tags, (p) => this.worksBy(p)) : null;
    const matched = applyFilters(index, visibleSet(index, viewer, own), plan.filters);
    const hiddenByFilters = hidden ? matched.andCardinality(hidden) : 0;
    const result = hiddenByFilters > 0 ? RoaringBitmap32.andNot(matched, hidden!) : matched;
    return { ids: Array.from(result.toUint32Array()), hiddenByFilters };
  }

  /** The works of these pen names, from the engine's pen-name bitmaps (drafts included). */
  private async worksBy(pseudIds: readonly number[]): Promise<Bitmap> {
    return this.index!.members.anyOf('pseud', pseudIds);
  }

  /** The snippet `search` would cut from chapter `position` of a work for these terms (benchmarks time it alone). */
  snippetFor(workId: number, position: number, terms: Parameters<typeof highlight>[1]): Promise<SearchHit['snippet']> {
    return this.snippet(workId, position, terms);
  }

  private async snippet(workId: number, position: number, terms: Parameters<typeof highlight>[1]): Promise<SearchHit['snippet']> {
    if (terms.length === 0) return null;
    const row = await this.store.db.selectFrom('chapters').select(['title', 'body']).where('work_id', '=', workId).where('position', '=', position).executeTakeFirst();
    if (!row) return null;
    // Most hits are near the start: try the chapter's first part (cut after a tag) before converting
    // all of a long chapter's HTML to text.
    let html: string | null = null;
    if (row.body.length > SNIPPET_PREFIX * 2) {
      const cut = row.body.lastIndexOf('>', SNIPPET_PREFIX);
      if (cut > 0) html = highlight(`${row.title}\n${htmlToText(row.body.slice(0, cut + 1))}`, terms, undefined, true);
    }
    html ??= highlight(`${row.title}\n${htmlToText(row.body)}`, terms);
    return html ? { chapter: position, html } : null;
  }

  private async facetNames(counts: Record<TagType, { id: number; count: number }[]>): Promise<Record<TagType, FacetTag[]>> {
    const ids = TAG_TYPES.flatMap((t) => counts[t].map((e) => e.id));
    const names = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.store.db.selectFrom('tags').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) names.set(r.id, r.name);
    }
    return Object.fromEntries(TAG_TYPES.map((t) => [t, counts[t].map((e) => ({ ...e, name: names.get(e.id) ?? '' }))])) as Record<TagType, FacetTag[]>;
  }
}
