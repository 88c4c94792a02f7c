import { filterTagClosure } from '../../src/tags/filter-tags.ts';
import { CATEGORIES, RATINGS, WARNINGS } from '../../src/tags/tag.types.ts';
import type { Calendar } from './calendar.ts';
import type { CastSpace } from './cast.ts';
import type { PseudSpace, SeriesSpace } from './creators.ts';
import {
  giantWords, sampleCategories, sampleFreeTagCount, sampleLanguage, sampleRating, sampleStats, sampleWarnings, sampleWords, splitChapters,
} from './distributions.ts';
import type { FandomSpace } from './fandoms.ts';
import type { FreeformSpace } from './freeforms.ts';
import { LANGUAGE_PROFILES } from './languages.ts';
import type { Rng } from './rng.ts';
import type { SqliteSink } from './sink.ts';
import type { SynonymSpace } from './synonyms.ts';
import type { TagRegistry } from './tag-registry.ts';
import { STYLE_LOWERCASE, STYLE_ONE_PARAGRAPH, STYLE_TRAILING_NOTE, type TextPlan } from './text-plan.ts';
import { TextWriter } from './text.ts';

export const LANGUAGE_CODES = LANGUAGE_PROFILES.map((p) => p.code);
const LANGUAGE_INDEX = new Map(LANGUAGE_CODES.map((c, i) => [c, i]));

export interface Spaces {
  registry: TagRegistry;
  fandoms: FandomSpace;
  cast: CastSpace;
  freeforms: FreeformSpace;
  synonyms: SynonymSpace;
  pseuds: PseudSpace;
  series: SeriesSpace;
  calendar: Calendar;
}

/** Ids of the fixed tags, created first, in the order of tag.types.ts. */
export function createFixedTags(registry: TagRegistry, createdAt: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [type, names] of [['rating', RATINGS], ['warning', WARNINGS], ['category', CATEGORIES]] as const) {
    for (const name of names) ids.set(name, registry.create(type, name, createdAt, { canonical: true }));
  }
  return ids;
}

/**
 * Makes one work's metadata: the works row, its tags (in the app's order: rating, warnings,
 * categories, fandoms, relationships, characters, additional), filter tags from the app's own
 * closure, creators and series; and records what the text phase needs.
 */
export class WorkFactory {
  tagAssignments = 0;
  filterAssignments = 0;
  plannedWords = 0;
  private readonly giants: Set<number>;

  constructor(
    private readonly rng: Rng,
    private readonly s: Spaces,
    private readonly fixed: Map<string, number>,
    private readonly sink: SqliteSink,
    private readonly plan: TextPlan,
    giants: Set<number>,
  ) {
    this.giants = giants;
  }

  make(i: number): void {
    const { rng, s } = this;
    const id = i + 1;
    const cal = s.calendar;
    const rating = sampleRating(rng);
    const warnings = sampleWarnings(rng);
    const categories = sampleCategories(rng);
    const lang = sampleLanguage(rng);
    const complete = rng.chance(0.84);
    const words = this.giants.has(i) ? giantWords(rng) : sampleWords(rng);
    const chapters = splitChapters(rng, words, complete);
    this.plannedWords += words;

    const published = cal.published(rng);
    const updated = chapters.length > 1 ? cal.later(rng, published, 12 * chapters.length) : rng.chance(0.15) ? cal.later(rng, published, 30) : published;
    const t0 = rng.float() * 86_400;
    const createdAt = cal.stamp(published, t0);
    const revisedAt = cal.stamp(updated, updated === published ? t0 + rng.float() * (86_400 - t0) : rng.float() * 86_400);

    // Free tags.
    const free = sampleFreeTagCount(rng);
    const fandomIdx = [s.fandoms.primary(i)];
    if (rng.chance(0.06)) {
      fandomIdx.push(s.fandoms.second(rng, fandomIdx[0]!));
      if (rng.chance(0.15)) fandomIdx.push(s.fandoms.second(rng, fandomIdx[0]!));
    }
    const fandomIds = fandomIdx.map((f) => s.synonyms.maybeSwap(rng, 'fandom', s.fandoms.ids[f]!, createdAt));
    const group = s.fandoms.groupOf[fandomIdx[0]!]!;
    if (group >= 0 && rng.chance(0.1)) fandomIds.push(s.fandoms.groups[group]!.metaId);
    const rest = Math.max(0, free - fandomIds.length);
    const genOnly = categories.length === 1 && categories[0] === 'Gen';
    const nRel = genOnly && rng.chance(0.7) ? 0 : Math.round(rest * (0.05 + 0.2 * rng.float()));
    const nChar = Math.round(rest * (0.2 + 0.25 * rng.float()));
    const nAdd = Math.max(0, rest - nRel - nChar);
    const pickFandom = (): number => (fandomIdx.length === 1 || rng.chance(0.8) ? fandomIdx[0]! : rng.pick(fandomIdx));

    const relIds: number[] = [];
    const charCanon: number[] = [];
    for (let k = 0; k < nRel; k++) {
      const rel = s.cast.relationship(rng, pickFandom(), createdAt);
      relIds.push(rng.chance(0.03) ? s.cast.variant(rel, createdAt) : s.synonyms.maybeSwap(rng, 'relationship', rel.id, createdAt));
      for (const m of rel.members) if (!charCanon.includes(m)) charCanon.push(m);
    }
    for (let k = 0; charCanon.length < nChar && k < nChar * 2; k++) {
      const c = s.cast.character(rng, pickFandom(), createdAt);
      if (!charCanon.includes(c)) charCanon.push(c);
    }
    const charIds = charCanon.map((c) => s.synonyms.maybeSwap(rng, 'character', c, createdAt));
    const addIds: number[] = [];
    for (let k = 0; k < nAdd; k++) {
      const t = s.freeforms.sample(rng, createdAt);
      addIds.push(t.isPopular ? s.synonyms.maybeSwap(rng, 'additional', t.id, createdAt) : t.id);
    }

    // Tags in the app's order, de-duplicated by id, at most 75 free tags.
    const seen = new Set<number>();
    const ordered: number[] = [];
    let freeCount = 0;
    const put = (tagId: number, isFree: boolean): void => {
      if (seen.has(tagId) || (isFree && freeCount >= 75)) return;
      seen.add(tagId);
      if (isFree) freeCount++;
      this.sink.workTag(id, tagId, ordered.length);
      ordered.push(tagId);
    };
    put(this.fixed.get(rating)!, false);
    for (const w of warnings) put(this.fixed.get(w)!, false);
    for (const c of categories) put(this.fixed.get(c)!, false);
    for (const list of [fandomIds, relIds, charIds, addIds]) for (const t of list) put(t, true);
    const filters = filterTagClosure(ordered, s.registry.graph);
    for (const t of filters) this.sink.filterTag(id, t);
    this.tagAssignments += ordered.length;
    this.filterAssignments += filters.size;

    // Creators and series.
    const creators = [s.pseuds.sample(rng, createdAt)];
    if (rng.chance(0.03)) {
      const other = s.pseuds.sample(rng, createdAt);
      if (other !== creators[0]) creators.push(other);
    }
    creators.forEach((p, k) => this.sink.creator(id, p, k));
    if (rng.chance(0.05)) s.series.add(rng, id, creators[0]!, createdAt, revisedAt);

    // The works row.
    const status = rng.chance(0.01) ? 'draft' : 'posted';
    const stats = status === 'draft' ? { hits: 0, kudos: 0, comments: 0, bookmarks: 0 } : sampleStats(rng, words, chapters.length);
    const names = charCanon.slice(0, 8).map((c) => s.registry.nameOf(c)!);
    const writer = new TextWriter(lang, rng, names);
    this.sink.work({
      id,
      title: writer.title().slice(0, 255),
      summary: writer.paragraph(3, 1250),
      notes: rng.chance(0.3) ? writer.paragraph(2, 5000) : '',
      end_notes: rng.chance(0.2) ? writer.paragraph(2, 5000) : '',
      rating,
      language: lang,
      complete: complete ? 1 : 0,
      expected_chapters: complete ? chapters.length : rng.chance(0.5) ? null : chapters.length + rng.range(1, 10),
      word_count: words,
      chapter_count: chapters.length,
      status,
      restricted: rng.chance(0.05) ? 1 : 0,
      hidden: rng.chance(0.001) ? 1 : 0,
      published_on: cal.day(published),
      updated_on: cal.day(updated),
      created_at: createdAt,
      revised_at: revisedAt,
      revision: chapters.length + (chapters.length === 1 && updated !== published ? 1 : 0),
      import_hash: null,
      hits: stats.hits,
      kudos_count: stats.kudos,
      comments_count: stats.comments,
      bookmarks_count: stats.bookmarks,
    });

    let style = 0;
    if (rng.chance(0.03)) style |= STYLE_LOWERCASE;
    if (words <= 10_000 && rng.chance(0.05)) style |= STYLE_ONE_PARAGRAPH;
    if (lang === 'en' && rng.chance(0.04)) style |= STYLE_TRAILING_NOTE;
    this.plan.record(i, { lang: LANGUAGE_INDEX.get(lang)!, style, published, updated, pseud: creators[0]!, chapters, characters: charCanon.slice(0, 8) });
  }
}
