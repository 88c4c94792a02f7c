import { notFound } from '../errors.ts';
import { logger } from '../log.ts';
import type { Store } from '../store/store.ts';
import type { Db } from '../store/schema.ts';
import { WorkEvents } from './work.events.ts';
import { loadChapters, loadWorks, writeWork } from './work.repository.ts';
import type { Work, WorkInput, WorkWithChapters } from './work.types.ts';
import { validateWork } from './work.validate.ts';
import { canView, type Viewer } from './visibility.ts';

export interface ListOptions {
  page?: number;
  pageSize?: number;
  /** Only works with this filter tag. */
  filterTagId?: number;
  /** Only works by this pen name. */
  pseudId?: number;
  /** Leave out works by any of these pen names (a reader's mutes; see src/interactions). */
  excludePseudIds?: readonly number[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

const log = logger('works');

/**
 * Creating, reading and deleting works. Each write is one transaction: a failure leaves
 * nothing half-written. After it commits, listeners (the search engine) hear of it.
 */
export class WorkService {
  constructor(
    readonly store: Store,
    readonly events: WorkEvents = new WorkEvents(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Validates and stores a new work; returns it. Throws `validation_failed` listing every problem. */
  async create(input: WorkInput): Promise<Work> {
    const now = this.clock();
    const valid = validateWork(input, now);
    const id = await this.store.db.transaction().execute(async (trx) => {
      const workId = await writeWork(trx, valid, undefined, now);
      await this.events.written(trx, [workId]);
      return workId;
    });
    log.info({ workId: id, chapters: valid.chapters.length, words: valid.words }, 'work created');
    await this.events.changed([id]);
    return (await this.get(id))!;
  }

  /** Replaces a work wholesale (metadata, chapters, tags); bumps its revision. */
  async update(id: number, input: WorkInput): Promise<Work> {
    const now = this.clock();
    const valid = validateWork(input, now);
    await this.store.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('works').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound('work', id);
      await writeWork(trx, valid, id, now);
      await this.events.written(trx, [id]);
    });
    await this.events.changed([id]);
    return (await this.get(id))!;
  }

  async get(id: number, db: Db = this.store.db): Promise<Work | undefined> {
    const [work] = await loadWorks(db, [id]);
    return work;
  }

  /** The work with its chapters if `viewer` may read it; otherwise `not_found` (never "forbidden": no leak). */
  async read(viewer: Viewer, id: number): Promise<WorkWithChapters> {
    const work = await this.get(id);
    if (!work || !canView(viewer, work)) throw notFound('work', id);
    return { ...work, chapters: await loadChapters(this.store.db, id) };
  }

  async findByImportHash(hash: string): Promise<Work | undefined> {
    const row = await this.store.db.selectFrom('works').select('id').where('import_hash', '=', hash).executeTakeFirst();
    return row ? this.get(row.id) : undefined;
  }

  /** Works `viewer` may see, newest update first. */
  async list(viewer: Viewer, opts: ListOptions = {}): Promise<Page<Work>> {
    const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 200);
    const page = Math.max(Math.trunc(opts.page ?? 1), 1);
    let q = this.store.db.selectFrom('works');
    if (viewer.kind !== 'operator') {
      const mine = viewer.pseudIds ?? [];
      q = q.where((eb) => {
        const visible = eb.and([
          eb('works.status', '=', 'posted'),
          ...(viewer.admin ? [] : [eb('works.hidden', '=', 0)]),
          ...(viewer.kind === 'guest' ? [eb('works.restricted', '=', 0)] : []),
        ]);
        if (mine.length === 0) return visible;
        const own = eb.exists(eb.selectFrom('work_creators').select('work_id').whereRef('work_creators.work_id', '=', 'works.id').where('work_creators.pseud_id', 'in', [...mine]));
        return eb.or([visible, own]);
      });
    }
    if (opts.filterTagId !== undefined) {
      const tagId = opts.filterTagId;
      q = q.where((eb) => eb.exists(eb.selectFrom('filter_taggings').select('work_id').whereRef('filter_taggings.work_id', '=', 'works.id').where('filter_taggings.tag_id', '=', tagId)));
    }
    if (opts.pseudId !== undefined) {
      const pseudId = opts.pseudId;
      q = q.where((eb) => eb.exists(eb.selectFrom('work_creators').select('work_id').whereRef('work_creators.work_id', '=', 'works.id').where('work_creators.pseud_id', '=', pseudId)));
    }
    if (opts.excludePseudIds?.length) {
      const muted = [...opts.excludePseudIds];
      q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('work_creators').select('work_id').whereRef('work_creators.work_id', '=', 'works.id').where('work_creators.pseud_id', 'in', muted))));
    }
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.select('works.id').orderBy('works.updated_on', 'desc').orderBy('works.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    const total = Number(count.n);
    return { items: await loadWorks(this.store.db, rows.map((r) => r.id)), total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
  }

  /** Deletes a work and everything that belongs only to it. */
  async delete(id: number): Promise<void> {
    await this.store.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('works').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound('work', id);
      await this.events.removing(trx, [id]);
      await trx.deleteFrom('works').where('id', '=', id).execute();
    });
    log.info({ workId: id }, 'work deleted');
    await this.events.deleted([id]);
  }
}
