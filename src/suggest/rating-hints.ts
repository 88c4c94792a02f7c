import { notFound } from '../errors.ts';
import { logger } from '../log.ts';
import type { Store } from '../store/store.ts';
import { RATINGS, type Rating } from '../tags/tag.types.ts';
import type { WorkListener } from '../works/work.events.ts';
import { loadChapters } from '../works/work.repository.ts';
import { chapterText } from './read-file.ts';
import { hintExceeds, ratingHint } from './rating-hint.ts';
import type { SuggestService } from './suggest.service.ts';
import type { Evidence } from './suggest.types.ts';

const log = logger('suggest');

/** One row of the administrators' review queue. */
export interface ReviewItem {
  workId: number;
  title: string;
  /** The author's rating: what readers see. */
  declared: Rating;
  hinted: Rating;
  confidence: number;
  evidence: Evidence[];
  computedAt: string;
  revision: number;
}

/** A work's stored hint. */
export interface StoredHint {
  workId: number;
  rating: Rating;
  confidence: number;
  evidence: Evidence[];
  declared: Rating;
  exceeds: boolean;
  revision: number;
  computedAt: string;
  dismissed: boolean;
}

const asRating = (s: string): Rating => ((RATINGS as readonly string[]).includes(s) ? (s as Rating) : 'Not Rated');

/**
 * The latest rating hint of every work (table `rating_hints`), and the review queue built on it.
 * Listens to work events: after a write commits, a work whose revision moved gets a new hint
 * (rating only, with the last name index built: a few milliseconds for a short work). Hints are
 * for administrators only; readers always see the author's rating.
 */
export class RatingHints implements WorkListener {
  constructor(
    private readonly store: Store,
    private readonly suggestions: SuggestService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async worksChanged(ids: readonly number[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.refresh(id);
      } catch (err) {
        // A hint is derived data: never let it fail the write that has already committed.
        log.error({ err, workId: id }, 'rating hint failed');
      }
    }
  }

  async worksDeleted(ids: readonly number[]): Promise<void> {
    if (ids.length > 0) await this.store.db.deleteFrom('rating_hints').where('work_id', 'in', ids).execute();
  }

  /**
   * Computes and stores the hint for work `id` unless the stored one is for its current revision
   * (`force` recomputes anyway). Returns the stored hint, or undefined when the work does not exist.
   */
  async refresh(id: number, force = false): Promise<StoredHint | undefined> {
    const db = this.store.db;
    const work = await db
      .selectFrom('works')
      .leftJoin('rating_hints as h', 'h.work_id', 'works.id')
      .select(['works.id', 'works.rating', 'works.revision', 'h.revision as hintRevision'])
      .where('works.id', '=', id)
      .executeTakeFirst();
    if (!work) return undefined;
    if (!force && work.hintRevision === work.revision) return this.get(id);
    const chapters = await loadChapters(db, id);
    const hint = ratingHint(chapters.map((c) => chapterText(c.html)), await this.suggestions.latestIndex());
    const declared = asRating(work.rating);
    const row = {
      rating: hint.value,
      confidence: hint.confidence,
      evidence: JSON.stringify(hint.evidence),
      declared,
      exceeds: hintExceeds(declared, hint.value) ? 1 : 0,
      computed_at: this.clock().toISOString(),
      revision: work.revision,
    };
    // Two writes of one work close together run two refreshes; the one that read the older
    // revision may finish last, and must not replace the newer hint with its own.
    await db
      .insertInto('rating_hints')
      .values({ work_id: id, ...row })
      .onConflict((oc) => oc.column('work_id').doUpdateSet(row).where('rating_hints.revision', '<=', work.revision))
      .execute();
    return this.get(id);
  }

  /** Recomputes every work's hint (`quire suggest --archive`); `onProgress` after each work. */
  async refreshAll(onProgress?: (done: number, total: number) => void): Promise<{ works: number; exceeding: number }> {
    const ids = (await this.store.db.selectFrom('works').select('id').orderBy('id').execute()).map((r) => r.id);
    let exceeding = 0;
    for (const [i, id] of ids.entries()) {
      const h = await this.refresh(id, true);
      if (h?.exceeds) exceeding++;
      onProgress?.(i + 1, ids.length);
    }
    return { works: ids.length, exceeding };
  }

  /** The stored hint of work `id`, if any. */
  async get(id: number): Promise<StoredHint | undefined> {
    const r = await this.store.db.selectFrom('rating_hints').selectAll().where('work_id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    return {
      workId: r.work_id,
      rating: asRating(r.rating),
      confidence: r.confidence,
      evidence: JSON.parse(r.evidence) as Evidence[],
      declared: asRating(r.declared),
      exceeds: r.exceeds === 1,
      revision: r.revision,
      computedAt: r.computed_at,
      dismissed: r.dismissed_at !== null && r.dismissed_rating === r.rating && r.dismissed_declared === r.declared,
    };
  }

  /**
   * Posted works whose declared rating is below their hint, most confident first, leaving out
   * those an administrator dismissed for these same two ratings.
   */
  async queue(limit = 200): Promise<ReviewItem[]> {
    const rows = await this.store.db
      .selectFrom('rating_hints as h')
      .innerJoin('works as w', 'w.id', 'h.work_id')
      .select(['h.work_id', 'w.title', 'w.rating as current', 'h.rating', 'h.confidence', 'h.evidence', 'h.computed_at', 'h.revision'])
      .where('h.exceeds', '=', 1)
      .where('w.status', '=', 'posted')
      .where((eb) => eb.or([eb('h.dismissed_at', 'is', null), eb('h.dismissed_rating', '!=', eb.ref('h.rating')), eb('h.dismissed_declared', '!=', eb.ref('h.declared'))]))
      .orderBy('h.confidence', 'desc')
      .orderBy('h.work_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      workId: r.work_id,
      title: r.title,
      declared: asRating(r.current),
      hinted: asRating(r.rating),
      confidence: r.confidence,
      evidence: JSON.parse(r.evidence) as Evidence[],
      computedAt: r.computed_at,
      revision: r.revision,
    }));
  }

  /**
   * An administrator leaves the author's rating as it is: the work leaves the queue until its
   * declared or hinted rating changes. `not_found` when the work has no hint.
   */
  async dismiss(adminId: number, workId: number): Promise<void> {
    const r = await this.store.db.selectFrom('rating_hints').select(['rating', 'declared']).where('work_id', '=', workId).executeTakeFirst();
    if (!r) throw notFound('rating hint for work', workId);
    await this.store.db
      .updateTable('rating_hints')
      .set({ dismissed_by: adminId, dismissed_at: this.clock().toISOString(), dismissed_rating: r.rating, dismissed_declared: r.declared })
      .where('work_id', '=', workId)
      .execute();
    log.info({ workId, adminId, hinted: r.rating, declared: r.declared }, 'rating hint dismissed');
  }
}
