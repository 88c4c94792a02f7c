import type { Store } from '../store/store.ts';
import type { WorkEvents } from '../works/work.events.ts';
import type { NameIndex } from './name-index.ts';
import { buildNameIndex } from './name-index.repository.ts';
import { chapterText } from './read-file.ts';
import { suggest } from './suggest.ts';
import type { ChapterText, SuggestOptions, Suggestions } from './suggest.types.ts';

/**
 * Suggestions for the edges that ask often (the post form, the importer): keeps the archive's
 * name index between calls and rebuilds it when works change (new tags come with works) or when
 * it is older than `maxAgeMs` (wrangling a tag that no work carries sends no event).
 *
 * @example const s = await new SuggestService(archive.store, archive.events).forHtml([{ html: '<p>Lizzy laughed.</p>' }])
 */
export class SuggestService {
  private cached: { index: Promise<NameIndex>; at: number } | undefined;
  /** The last index built, kept after `invalidate` for callers that accept a slightly old one. */
  private last: Promise<NameIndex> | undefined;

  constructor(
    private readonly store: Store,
    events?: WorkEvents,
    private readonly maxAgeMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {
    events?.subscribe({ worksChanged: () => this.invalidate(), worksDeleted: () => this.invalidate() });
  }

  /** Forget the cached index; the next call reloads it. */
  invalidate(): void {
    this.cached = undefined;
  }

  /** The archive's names, loaded at most once per `maxAgeMs` unless works change. */
  nameIndex(): Promise<NameIndex> {
    const now = this.clock();
    if (!this.cached || now - this.cached.at > this.maxAgeMs) {
      const index = buildNameIndex(this.store.db);
      this.cached = { index, at: now };
      this.last = index;
      index.catch(() => {
        this.invalidate();
        if (this.last === index) this.last = undefined;
      });
    }
    return this.cached.index;
  }

  /**
   * The last index built, even if works changed since (built now if there is none). For the
   * callers that run on every write (the rating hint, a bulk import): names only decide which
   * words belong to a name, so a slightly old index costs little, and rebuilding it on every
   * write would cost much on a large archive.
   */
  latestIndex(): Promise<NameIndex> {
    return this.last ?? this.nameIndex();
  }

  /** Suggestions for chapters of plain text. */
  async forText(input: string | readonly (string | ChapterText)[], opts: SuggestOptions = {}): Promise<Suggestions> {
    return suggest(input, await this.nameIndex(), opts);
  }

  /** Suggestions for chapters of (sanitized) HTML, as the importer and the post form hold them. */
  async forHtml(chapters: readonly { html: string }[], opts: SuggestOptions & { staleNames?: boolean } = {}): Promise<Suggestions> {
    const { staleNames, ...rest } = opts;
    const index = staleNames ? await this.latestIndex() : await this.nameIndex();
    return suggest(chapters.map((c) => chapterText(c.html)), index, rest);
  }
}
