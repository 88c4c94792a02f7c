import { notFound, type FieldIssue } from '../errors.ts';
import { logger } from '../log.ts';
import type { Db } from '../store/schema.ts';
import { foldName } from '../tags/tag.types.ts';
import { CoCreators } from './co-creators.ts';
import { ChapterPosting } from './posting-chapters.ts';
import { accountPseuds, createdDay, isCreatorAccount, ownSeries, placeInSeries, replaceTags, setOwnCreators, touchWork } from './posting.repository.ts';
import { tagKindIssues } from './posting-tags.ts';
import type { OwnSeries, OwnWork, PostAction, SeriesChoice, WorkFields } from './posting.types.ts';
import { checkWork, storedChapters } from './posting-validate.ts';
import { loadChapters, loadWorks, writeWork } from './work.repository.ts';
import type { WorkService } from './work.service.ts';
import type { ChapterInput, Creator, Work, WorkInput, WorkWithChapters } from './work.types.ts';
import { today, type ValidWork } from './work.validate.ts';

const log = logger('works');

/** What a form's fields come to once checked: the valid work, its creators and the invitations to send. */
interface Prepared {
  valid: ValidWork;
  /** Where the work goes: a new title the account already uses for a series becomes that series. */
  series: SeriesChoice | undefined;
  /** Creators in order: other accounts' (kept), then the account's chosen pen names. */
  creators: Creator[];
  ownIds: number[];
  invite: number[];
}

/** Every pen-name id listed once, in order. */
const unique = (ids: readonly number[]) => [...new Set(ids)];

/**
 * Posting and editing works from the web, for the creators of a work only: new works (posted or
 * as drafts), previews that store nothing, metadata edits that leave chapters alone, posting a
 * draft, deleting; chapters through `chapters`, co-creator invitations through `coCreators`.
 * Every write is one transaction that bumps the work's revision and tells the work events
 * (`written` inside, `changed` after), so search indexes stay right.
 */
export class PostingService {
  readonly coCreators: CoCreators;
  readonly chapters: ChapterPosting;

  constructor(
    readonly works: WorkService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.coCreators = new CoCreators(works, clock);
    this.chapters = new ChapterPosting(this, works, clock);
  }

  private get db(): Db {
    return this.works.store.db;
  }

  /** The pen names and series the work form offers an account. */
  async choices(accountId: number): Promise<{ pseuds: Creator[]; series: OwnSeries[] }> {
    return { pseuds: await accountPseuds(this.db, accountId), series: await ownSeries(this.db, accountId) };
  }

  /**
   * The work with its chapters, when one of the account's pen names is among its creators;
   * `not_found` otherwise, exactly as for a work that does not exist (nothing leaks).
   */
  async own(accountId: number, workId: number): Promise<OwnWork> {
    const work = await this.works.get(workId);
    if (!work || !(await isCreatorAccount(this.db, workId, accountId))) throw notFound('work', workId);
    const chosen = work.status === 'draft' && work.publishedOn !== (await createdDay(this.db, workId)) ? work.publishedOn : undefined;
    return {
      work: { ...work, chapters: await loadChapters(this.db, workId) },
      pendingCoCreators: await this.coCreators.pendingNames(this.db, workId),
      chosenPublishedOn: work.status === 'draft' ? chosen : work.publishedOn,
    };
  }

  /** The account's drafts, last changed first. */
  async drafts(accountId: number): Promise<Work[]> {
    const rows = await this.db
      .selectFrom('works')
      .select('works.id')
      .where('works.status', '=', 'draft')
      .where((eb) =>
        eb.exists(
          eb.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id').select('work_creators.work_id')
            .whereRef('work_creators.work_id', '=', 'works.id').where('pseuds.account_id', '=', accountId),
        ),
      )
      .orderBy('works.revised_at', 'desc')
      .orderBy('works.id', 'desc')
      .execute();
    return loadWorks(this.db, rows.map((r) => r.id));
  }

  /**
   * Checks a new work without storing anything and returns it as its page would show it (id 0).
   * Throws `validation_failed` listing every problem, as `create` would.
   */
  async preview(accountId: number, fields: WorkFields, chapters: ChapterInput[]): Promise<WorkWithChapters> {
    const p = await this.prepare(accountId, fields, chapters, undefined, 'posted');
    return previewOf(0, p, p.valid.chapters.map((c, i) => ({ id: 0, position: i + 1, ...c })));
  }

  /**
   * Stores a new work credited to the account's chosen pen names, as a draft or posted; invites
   * the co-creators named. A draft's published date is the day it is posted, unless backdated.
   */
  async create(accountId: number, fields: WorkFields, chapters: ChapterInput[], action: PostAction): Promise<Work> {
    const now = this.clock();
    const p = await this.prepare(accountId, fields, chapters, undefined, action === 'post' ? 'posted' : 'draft');
    const id = await this.db.transaction().execute(async (trx) => {
      const workId = await writeWork(trx, { ...p.valid, series: [], creators: p.creators.map((c) => c.name) }, undefined, now);
      await placeInSeries(trx, workId, p.series, undefined, now);
      await this.coCreators.invite(trx, workId, p.ownIds[0] ?? null, p.invite);
      await this.works.events.written(trx, [workId]);
      return workId;
    });
    log.info({ workId: id, accountId, status: p.valid.status, chapters: p.valid.chapters.length }, 'work posted from the web');
    await this.works.events.changed([id]);
    return (await this.works.get(id))!;
  }

  /** Checks an edit of the work's metadata and returns the work as it would look; stores nothing. */
  async previewUpdate(accountId: number, workId: number, fields: WorkFields): Promise<WorkWithChapters> {
    const own = await this.own(accountId, workId);
    const p = await this.prepare(accountId, fields, storedChapters(own.work), own, own.work.status);
    return previewOf(workId, p, own.work.chapters);
  }

  /**
   * Changes a work's metadata (chapters stay as they are). `save` keeps a draft a draft;
   * `post` posts it: status posted, published today unless backdated, its chapters dated so.
   * The account's unticked pen names leave the work; other accounts' stay.
   */
  async update(accountId: number, workId: number, fields: WorkFields, action: 'save' | 'post' = 'save'): Promise<Work> {
    const now = this.clock();
    const own = await this.own(accountId, workId);
    const work = own.work;
    const posting = work.status === 'draft' && action === 'post';
    const status = work.status === 'posted' || posting ? 'posted' : 'draft';
    const p = await this.prepare(accountId, fields, storedChapters(work), own, status);
    const published = p.valid.publishedOn;
    await this.db.transaction().execute(async (trx) => {
      const v = p.valid;
      await trx
        .updateTable('works')
        .set({
          title: v.title, summary: v.summary, notes: v.notes, end_notes: v.endNotes, rating: v.rating, language: v.language,
          complete: v.complete ? 1 : 0, expected_chapters: v.expectedChapters, restricted: v.restricted ? 1 : 0,
          status, published_on: published,
        })
        .where('id', '=', workId)
        .execute();
      await replaceTags(trx, workId, v, now);
      await setOwnCreators(trx, workId, accountId, p.ownIds);
      await placeInSeries(trx, workId, p.series, work.series[0]?.id, now);
      await this.coCreators.invite(trx, workId, p.ownIds[0] ?? null, p.invite);
      const redated = posting || (status === 'posted' && published !== work.publishedOn);
      if (posting) await trx.updateTable('chapters').set({ published_on: published }).where('work_id', '=', workId).execute();
      else if (redated) {
        await trx.updateTable('chapters').set({ published_on: published }).where('work_id', '=', workId).where((eb) => eb.or([eb('position', '=', 1), eb('published_on', '<', published)])).execute();
      }
      await touchWork(trx, workId, now, { recomputeUpdated: redated });
      await this.works.events.written(trx, [workId]);
    });
    log.info({ workId, accountId, posted: posting }, 'work edited from the web');
    await this.works.events.changed([workId]);
    return (await this.works.get(workId))!;
  }

  /** Posts a draft as it stands (published today unless it was backdated). */
  async post(accountId: number, workId: number): Promise<Work> {
    const own = await this.own(accountId, workId);
    return this.update(accountId, workId, fieldsOf(own, await accountPseuds(this.db, accountId)), 'post');
  }

  /** Deletes a work of the account's (`not_found` for anyone else's). */
  async deleteWork(accountId: number, workId: number): Promise<void> {
    await this.own(accountId, workId);
    await this.works.delete(workId);
    log.info({ workId, accountId }, 'work deleted from the web');
  }

  /**
   * Checks form fields against the account (its pen names, its series), the tags already in
   * the archive, and `validateWork`. Every problem is reported at once.
   */
  private async prepare(accountId: number, fields: WorkFields, chapters: ChapterInput[], own: OwnWork | undefined, status: 'draft' | 'posted'): Promise<Prepared> {
    const db = this.db;
    const now = this.clock();
    const issues: FieldIssue[] = [];
    const mine = await accountPseuds(db, accountId);
    const chosen = unique(fields.pseudIds);
    if (chosen.some((id) => !mine.some((p) => p.id === id))) issues.push({ field: 'creators', message: 'may name only your own pen names' });
    const ownChosen = mine.filter((p) => chosen.includes(p.id));
    const others = (own?.work.creators ?? []).filter((c) => !mine.some((p) => p.id === c.id));
    if (ownChosen.length === 0 && others.length === 0) issues.push({ field: 'creators', message: 'choose at least one of your pen names' });
    const invites = await this.coCreators.resolve(db, accountId, fields.coCreators);
    issues.push(...invites.issues);
    let series = fields.series;
    const mySeries = series ? await ownSeries(db, accountId) : [];
    const wanted = series && 'seriesId' in series ? series.seriesId : undefined;
    if (wanted !== undefined && wanted !== own?.work.series[0]?.id && !mySeries.some((s) => s.id === wanted)) {
      issues.push({ field: 'series', message: 'is not one of your series' });
    }
    if (series && 'newTitle' in series) {
      const key = foldName(series.newTitle.replace(/\s+/g, ' ').trim());
      const same = mySeries.find((s) => foldName(s.title) === key);
      if (same) series = { seriesId: same.id, ...(series.position !== undefined ? { position: series.position } : {}) };
    }
    issues.push(...(await tagKindIssues(db, { fandom: fields.fandoms, relationship: fields.relationships, character: fields.characters, additional: fields.tags })));

    const creators = [...others, ...ownChosen];
    let publishedOn = fields.publishedOn;
    if (!publishedOn) publishedOn = own && own.work.status === 'posted' ? own.work.publishedOn : status === 'draft' && own ? await createdDay(db, own.work.id) : today(now);
    const input: WorkInput = {
      title: fields.title,
      summary: fields.summary,
      notes: fields.notes,
      endNotes: fields.endNotes,
      rating: fields.rating,
      warnings: fields.warnings,
      categories: fields.categories,
      fandoms: fields.fandoms,
      relationships: fields.relationships,
      characters: fields.characters,
      tags: fields.tags,
      language: fields.language,
      complete: fields.complete,
      expectedChapters: fields.expectedChapters,
      creators: creators.map((c) => c.name),
      series: series ? [{ title: 'newTitle' in series ? series.newTitle : 'series', ...(series.position !== undefined ? { position: series.position } : {}) }] : [],
      publishedOn,
      status,
      restricted: fields.restricted,
      chapters,
    };
    const valid = checkWork(input, now, issues);
    return { valid, series, creators, ownIds: ownChosen.map((p) => p.id), invite: invites.pseudIds };
  }
}

/** A WorkWithChapters for the preview page, from checked fields; nothing of it is stored. */
function previewOf(id: number, p: Prepared, chapters: WorkWithChapters['chapters']): WorkWithChapters {
  const v = p.valid;
  return {
    id,
    title: v.title, summary: v.summary, notes: v.notes, endNotes: v.endNotes,
    rating: v.rating as Work['rating'], warnings: v.warnings, categories: v.categories,
    fandoms: v.fandoms, relationships: v.relationships, characters: v.characters, tags: v.tags,
    language: v.language, series: [], complete: v.complete, expectedChapters: v.expectedChapters,
    creators: p.creators, publishedOn: v.publishedOn, updatedOn: v.updatedOn, status: v.status,
    restricted: v.restricted, hidden: false,
    words: chapters.reduce((n, c) => n + c.words, 0), chapterCount: chapters.length, revision: 0,
    stats: { hits: 0, kudos: 0, comments: 0, bookmarks: 0 },
    chapters,
  };
}

/** The fields that leave a work as it is (used to post a draft unchanged). */
export function fieldsOf(own: OwnWork, mine: readonly Creator[]): WorkFields {
  const w = own.work;
  const series = w.series[0];
  return {
    title: w.title, summary: w.summary, notes: w.notes, endNotes: w.endNotes, rating: w.rating,
    warnings: w.warnings, categories: w.categories, fandoms: w.fandoms, relationships: w.relationships,
    characters: w.characters, tags: w.tags, language: w.language,
    pseudIds: w.creators.filter((c) => mine.some((p) => p.id === c.id)).map((c) => c.id),
    coCreators: [],
    ...(series ? { series: { seriesId: series.id, position: series.position } } : {}),
    complete: w.complete, expectedChapters: w.expectedChapters,
    ...(own.chosenPublishedOn ? { publishedOn: own.chosenPublishedOn } : {}),
    restricted: w.restricted,
  };
}
