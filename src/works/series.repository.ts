import type { Db } from '../store/schema.ts';
import { loadWorks } from './work.repository.ts';
import type { Work } from './work.types.ts';
import { GUEST, canView, type Viewer } from './visibility.ts';

/** A series as readers see it: its works in series order, only those the viewer may read. */
export interface SeriesView {
  id: number;
  title: string;
  summary: string;
  notes: string;
  complete: boolean;
  /** Visible works, ordered by position (then id); `position` is the work's place in the series. */
  works: { position: number; work: Work }[];
}

/**
 * Loads series `id` with the works `viewer` may read, in order. Returns undefined when the series
 * does not exist or none of its works is visible (so a series of drafts does not leak its title).
 *
 * @example const s = await loadSeries(store.db, 3, GUEST); s?.works.map((w) => w.work.title)
 */
export async function loadSeries(db: Db, id: number, viewer: Viewer = GUEST): Promise<SeriesView | undefined> {
  const row = await db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const links = await db
    .selectFrom('series_works')
    .select(['work_id', 'position'])
    .where('series_id', '=', id)
    .orderBy('position')
    .orderBy('work_id')
    .execute();
  const works = await loadWorks(db, links.map((l) => l.work_id));
  const byId = new Map(works.map((w) => [w.id, w]));
  const visible = links.flatMap((l) => {
    const work = byId.get(l.work_id);
    return work && canView(viewer, work) ? [{ position: l.position, work }] : [];
  });
  if (visible.length === 0) return undefined;
  return { id: row.id, title: row.title, summary: row.summary, notes: row.notes, complete: row.complete === 1, works: visible };
}
