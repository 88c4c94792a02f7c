import { logger } from '../log.ts';
import type { Work } from '../works/work.types.ts';
import { accountOf, isCreator, utcDay, type Actor, type InteractionContext } from './context.ts';

const log = logger('interactions');

/**
 * Hits: a work's page counts once per reader per UTC day, a reader being an account or, for
 * guests, an address. `work_hits` keeps a keyed hash of (day, reader) for the current day only,
 * so it cannot say who read what, nor link a reader's visits across days. Creators' own visits
 * do not count.
 */
export class Hits {
  constructor(private readonly ctx: InteractionContext) {}

  /** Counts a view of a work the actor is reading; true when it was the first today. */
  async record(actor: Actor, work: Pick<Work, 'id' | 'creators'>): Promise<boolean> {
    if (actor.viewer.kind === 'operator' || isCreator(actor.viewer, work)) return false;
    const db = this.ctx.db;
    const day = utcDay(this.ctx.clock());
    const accountId = accountOf(actor.viewer);
    const viewer = this.ctx.visitors.hash(`hit:${day}`, accountId !== undefined ? `account:${accountId}` : `ip:${actor.ip}`);
    const inserted = await db
      .insertInto('work_hits')
      .values({ work_id: work.id, day, viewer })
      .onConflict((oc) => oc.columns(['work_id', 'day', 'viewer']).doNothing())
      .returning('work_id')
      .executeTakeFirst();
    if (!inserted) return false;
    await db.updateTable('works').set((eb) => ({ hits: eb('hits', '+', 1) })).where('id', '=', work.id).execute();
    await this.ctx.events.counted(db, [work.id]);
    const pruned = await db.deleteFrom('work_hits').where('day', '<', day).executeTakeFirst();
    if (Number(pruned.numDeletedRows) > 0) log.debug({ rows: Number(pruned.numDeletedRows) }, 'pruned old hit rows');
    await this.ctx.events.changed([work.id]);
    return true;
  }
}
