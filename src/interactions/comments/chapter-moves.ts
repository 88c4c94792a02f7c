import type { Db } from '../../store/schema.ts';
import type { ChapterMove } from '../../works/work.events.ts';

export type { ChapterMove };

const DELETED = -1_000_000;

/**
 * Keeps comments with their chapter when chapters are reordered or deleted (comments name their
 * chapter by position, since rewriting a work gives its chapters new ids). Call it inside the
 * transaction that moves the chapters. Comments on a deleted chapter become comments on the
 * whole work. Positions not listed stay as they are.
 *
 * @example await followChapterMoves(trx, workId, [{ from: 1, to: 2 }, { from: 2, to: 1 }, { from: 3, to: null }])
 */
export async function followChapterMoves(trx: Db, workId: number, moves: readonly ChapterMove[]): Promise<void> {
  const changed = moves.filter((m) => m.from !== m.to);
  // Two steps through negative positions, so a swap never mixes the two chapters' comments.
  for (const m of changed) {
    await trx.updateTable('comments').set({ chapter_position: m.to === null ? DELETED : -m.to }).where('work_id', '=', workId).where('chapter_position', '=', m.from).execute();
  }
  await trx.updateTable('comments').set({ chapter_position: null }).where('work_id', '=', workId).where('chapter_position', '=', DELETED).execute();
  await trx.updateTable('comments').set((eb) => ({ chapter_position: eb.neg(eb.ref('chapter_position')) })).where('work_id', '=', workId).where('chapter_position', '<', 0).execute();
}
