import type { Db } from '../store/schema.ts';

/**
 * The one path by which writers tell readers of derived data (the search engine, caches) that
 * works changed. Every write that changes what a work shows or how it filters calls `changed`
 * after its transaction commits, so a work is findable as soon as the write returns.
 */
export interface WorkListener {
  worksChanged(ids: readonly number[]): void | Promise<void>;
  worksDeleted(ids: readonly number[]): void | Promise<void>;
}

/**
 * Derived data kept in the database itself (the full-text index): written inside the same
 * transaction as the work, so the two can never disagree.
 */
export interface TransactionalIndexer {
  indexWorks?(trx: Db, ids: readonly number[]): Promise<void>;
  removeWorks?(trx: Db, ids: readonly number[]): Promise<void>;
  /** A work's chapters moved (reorder) or went (delete): data that names chapters by position follows. */
  chaptersMoved?(trx: Db, workId: number, moves: readonly ChapterMove[]): Promise<void>;
  /** Only works' counters (hits, kudos, comments, bookmarks) changed: the text did not. */
  countsChanged?(db: Db, ids: readonly number[]): Promise<void>;
}

/** Where one chapter went: from its old position to its new one, or `null` when it was deleted. */
export interface ChapterMove {
  from: number;
  to: number | null;
}

export class WorkEvents {
  private readonly listeners: WorkListener[] = [];
  private readonly indexers: TransactionalIndexer[] = [];

  /** Registers an indexer called inside every write transaction. */
  addIndexer(indexer: TransactionalIndexer): void {
    this.indexers.push(indexer);
  }

  /** Inside a write transaction: the works `ids` were written. */
  async written(trx: Db, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const ix of this.indexers) await ix.indexWorks?.(trx, ids);
  }

  /** Inside a write transaction: chapters of `workId` changed position or were deleted. */
  async chaptersMoved(trx: Db, workId: number, moves: readonly ChapterMove[]): Promise<void> {
    const real = moves.filter((m) => m.from !== m.to);
    if (real.length === 0) return;
    for (const ix of this.indexers) await ix.chaptersMoved?.(trx, workId, real);
  }

  /** Inside a write transaction, before the rows go: the works `ids` are being deleted. */
  async removing(trx: Db, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const ix of this.indexers) await ix.removeWorks?.(trx, ids);
  }

  /**
   * The counters of works `ids` (hits, kudos, comments, bookmarks) were written through `db` (a
   * transaction or the connection): indexers that follow counters (the change log) hear of it.
   */
  async counted(db: Db, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const ix of this.indexers) await ix.countsChanged?.(db, ids);
  }

  subscribe(listener: WorkListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  async changed(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const l of this.listeners) await l.worksChanged(ids);
  }

  async deleted(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const l of this.listeners) await l.worksDeleted(ids);
  }
}
