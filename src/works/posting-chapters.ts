import { invalid, QuireError, notFound } from '../errors.ts';
import { logger } from '../log.ts';
import type { Db } from '../store/schema.ts';
import type { PostingService } from './posting.service.ts';
import { touchWork } from './posting.repository.ts';
import { chapterIssues, checkWork, inputOf, storedChapters } from './posting-validate.ts';
import type { WorkService } from './work.service.ts';
import type { Chapter, ChapterInput, WorkWithChapters } from './work.types.ts';
import { today } from './work.validate.ts';

const log = logger('works');

/** A chapter as the preview shows it, in the work it belongs to. */
export interface ChapterPreview {
  work: WorkWithChapters;
  position: number;
}

/**
 * A work's chapters, changed one at a time by its creators: add, edit, reorder, delete. Each
 * change is checked as part of the whole work (`validateWork`), written in one transaction with
 * the work's counts and revision, and announced on the work events. Chapters are named by id.
 */
export class ChapterPosting {
  constructor(
    private readonly posting: PostingService,
    private readonly works: WorkService,
    private readonly clock: () => Date,
  ) {}

  private get db(): Db {
    return this.works.store.db;
  }

  /** The chapter with id `chapterId` of a work of the account's; `not_found` otherwise. */
  async own(accountId: number, workId: number, chapterId: number): Promise<{ work: WorkWithChapters; chapter: Chapter }> {
    const { work } = await this.posting.own(accountId, workId);
    const chapter = work.chapters.find((c) => c.id === chapterId);
    if (!chapter) throw notFound(`chapter ${chapterId} of work`, workId);
    return { work, chapter };
  }

  /** Checks a new chapter and returns the work with it added; stores nothing. */
  async previewAdd(accountId: number, workId: number, input: ChapterInput): Promise<ChapterPreview> {
    const { work } = await this.posting.own(accountId, workId);
    const { chapter } = this.checkAdd(work, input);
    const position = work.chapters.length + 1;
    return { work: withChapters(work, [...work.chapters, { id: 0, position, ...chapter }]), position };
  }

  /**
   * Adds a chapter at the end. On a posted work the chapter is dated today and so is the work's
   * update; a complete work stays complete (its expected count grows), and a work in progress
   * whose expected count is reached is expected to have one more.
   */
  async add(accountId: number, workId: number, input: ChapterInput): Promise<number> {
    const now = this.clock();
    const { work } = await this.posting.own(accountId, workId);
    const { chapter, complete, expected } = this.checkAdd(work, input);
    const position = work.chapters.length + 1;
    await this.write(workId, async (trx) => {
      await trx
        .insertInto('chapters')
        .values({ work_id: workId, position, title: chapter.title, summary: chapter.summary, notes: chapter.notes, end_notes: chapter.endNotes, body: chapter.html, word_count: chapter.words, published_on: chapter.publishedOn })
        .execute();
      await touchWork(trx, workId, now, { complete, expectedChapters: expected, updatedOn: today(now) });
    });
    log.info({ workId, accountId, position }, 'chapter added');
    return position;
  }

  /** Checks a changed chapter and returns the work with it; stores nothing. */
  async previewUpdate(accountId: number, workId: number, chapterId: number, input: ChapterInput): Promise<ChapterPreview> {
    const { work, chapter } = await this.own(accountId, workId, chapterId);
    const changed = this.checkUpdate(work, chapter, input);
    return { work: withChapters(work, work.chapters.map((c) => (c.id === chapterId ? { ...c, ...changed } : c))), position: chapter.position };
  }

  /** Replaces a chapter's title, summary, notes and text. Its date stays. */
  async update(accountId: number, workId: number, chapterId: number, input: ChapterInput): Promise<number> {
    const now = this.clock();
    const { work, chapter } = await this.own(accountId, workId, chapterId);
    const c = this.checkUpdate(work, chapter, input);
    await this.write(workId, async (trx) => {
      await trx
        .updateTable('chapters')
        .set({ title: c.title, summary: c.summary, notes: c.notes, end_notes: c.endNotes, body: c.html, word_count: c.words })
        .where('id', '=', chapterId)
        .execute();
      await touchWork(trx, workId, now);
    });
    log.info({ workId, accountId, chapterId }, 'chapter edited');
    return chapter.position;
  }

  /**
   * Puts the chapters in the order given (every chapter id of the work once).
   * Throws `validation_failed` on `order` for anything else.
   */
  async reorder(accountId: number, workId: number, order: readonly number[]): Promise<void> {
    const now = this.clock();
    const { work } = await this.posting.own(accountId, workId);
    const ids = work.chapters.map((c) => c.id);
    const same = order.length === ids.length && new Set(order).size === ids.length && order.every((id) => ids.includes(id));
    if (!same) throw invalid([{ field: 'order', message: 'must list every chapter of the work once' }]);
    await this.write(workId, async (trx) => {
      // Through negative positions, so the (work, position) uniqueness holds at every step.
      for (const [i, id] of order.entries()) await trx.updateTable('chapters').set({ position: -(i + 1) }).where('id', '=', id).execute();
      await trx.updateTable('chapters').set((eb) => ({ position: eb.neg(eb.ref('position')) })).where('work_id', '=', workId).execute();
      const before = new Map(work.chapters.map((c) => [c.id, c.position]));
      await this.works.events.chaptersMoved(trx, workId, order.map((id, i) => ({ from: before.get(id)!, to: i + 1 })));
      await touchWork(trx, workId, now);
    });
    log.info({ workId, accountId }, 'chapters reordered');
  }

  /**
   * Deletes a chapter; the ones after it move up. The last chapter cannot go (`conflict`:
   * delete the work instead). A complete work stays complete with one chapter fewer.
   */
  async delete(accountId: number, workId: number, chapterId: number): Promise<void> {
    const now = this.clock();
    const { work, chapter } = await this.own(accountId, workId, chapterId);
    if (work.chapters.length <= 1) throw new QuireError('conflict', 'A work needs at least one chapter: this is its only one. Delete the work instead.');
    const count = work.chapters.length - 1;
    await this.write(workId, async (trx) => {
      await trx.deleteFrom('chapters').where('id', '=', chapterId).execute();
      await trx.updateTable('chapters').set((eb) => ({ position: eb(eb.val<number>(1), '-', eb.ref('position')) })).where('work_id', '=', workId).where('position', '>', chapter.position).execute();
      await trx.updateTable('chapters').set((eb) => ({ position: eb.neg(eb.ref('position')) })).where('work_id', '=', workId).where('position', '<', 0).execute();
      const moves = work.chapters.map((c) => ({ from: c.position, to: c.position === chapter.position ? null : c.position > chapter.position ? c.position - 1 : c.position }));
      await this.works.events.chaptersMoved(trx, workId, moves);
      await touchWork(trx, workId, now, work.complete ? { expectedChapters: count } : {});
    });
    log.info({ workId, accountId, position: chapter.position }, 'chapter deleted');
  }

  /** One write transaction on a work, announced on the work events. */
  private async write(workId: number, body: (trx: Db) => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await body(trx);
      await this.works.events.written(trx, [workId]);
    });
    await this.works.events.changed([workId]);
  }

  /** The new chapter, checked with the work; and the work's completion once it is added. */
  private checkAdd(work: WorkWithChapters, input: ChapterInput) {
    const now = this.clock();
    const n = work.chapters.length + 1;
    const complete = work.complete;
    const expected = complete ? n : work.expectedChapters !== null && work.expectedChapters < n ? n : work.expectedChapters;
    const chapters = [...storedChapters(work), { ...input, publishedOn: today(now) }];
    const valid = this.check({ ...inputOf(work, work.creators.map((c) => c.name)), complete, expectedChapters: expected, chapters }, now, n);
    return { chapter: valid.chapters[n - 1]!, complete, expected };
  }

  private checkUpdate(work: WorkWithChapters, chapter: Chapter, input: ChapterInput) {
    const now = this.clock();
    const chapters = storedChapters(work).map((c, i) => (i === chapter.position - 1 ? { ...input, publishedOn: chapter.publishedOn } : c));
    const valid = this.check({ ...inputOf(work, work.creators.map((c) => c.name)), chapters }, now, chapter.position);
    return valid.chapters[chapter.position - 1]!;
  }

  private check(input: Parameters<typeof checkWork>[0], now: Date, n: number) {
    try {
      return checkWork(input, now);
    } catch (err) {
      throw chapterIssues(err, n);
    }
  }
}

/** The work with other chapters (counts follow), for a preview. */
function withChapters(work: WorkWithChapters, chapters: Chapter[]): WorkWithChapters {
  return { ...work, chapters, chapterCount: chapters.length, words: chapters.reduce((n, c) => n + c.words, 0) };
}
