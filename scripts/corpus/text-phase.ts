import { countWords } from '../../src/works/word-count.ts';
import type { Calendar } from './calendar.ts';
import { Rng } from './rng.ts';
import type { SqliteSink } from './sink.ts';
import type { TagRegistry } from './tag-registry.ts';
import { STYLE_LOWERCASE, STYLE_ONE_PARAGRAPH, STYLE_TRAILING_NOTE, type TextPlan } from './text-plan.ts';
import { TextWriter } from './text.ts';
import { LANGUAGE_CODES } from './works.ts';

/** How much body text to generate: all of it, none (a one-sentence stand-in), or up to a word budget. */
export type TextMode = { kind: 'full' } | { kind: 'none' } | { kind: 'budget'; words: number };

export interface TextResult {
  chapters: number;
  /** Words of real generated text (the rest of the works carry a stand-in sentence). */
  textWords: number;
  worksWithText: number;
}

/**
 * Writes every chapter. Each work's text comes from its own stream (`Rng.derive(seed, 'text', i)`),
 * so the metadata is the same whatever the text mode. With a budget, works get full text in id
 * order while the running total is under the budget (a work that starts under it is written
 * whole); the others get the stand-in, with the synthetic word count kept.
 */
export function writeChapters(
  seed: string,
  mode: TextMode,
  plan: TextPlan,
  registry: TagRegistry,
  pseudNames: readonly string[],
  calendar: Calendar,
  sink: SqliteSink,
  onProgress: (done: number) => void,
): TextResult {
  let chapterId = 0;
  let textWords = 0;
  let worksWithText = 0;
  let pending = 0;
  for (let i = 0; i < plan.works; i++) {
    const rng = Rng.derive(seed, 'text', i);
    const style = plan.style[i]!;
    const names = Array.from(plan.charactersOf(i), (c) => registry.nameOf(c)!);
    const writer = new TextWriter(LANGUAGE_CODES[plan.lang[i]!]!, rng, names, {
      lowercase: (style & STYLE_LOWERCASE) !== 0,
      oneParagraph: (style & STYLE_ONE_PARAGRAPH) !== 0,
    });
    const chapters = plan.chaptersOf(i);
    const withText = mode.kind === 'full' || (mode.kind === 'budget' && textWords < mode.words);
    if (withText) worksWithText++;
    const titled = chapters.length > 1 && rng.chance(0.4);
    const [published, updated] = [plan.published[i]!, plan.updated[i]!];
    for (let c = 0; c < chapters.length; c++) {
      const words = chapters[c]!;
      const last = c === chapters.length - 1;
      let body: string;
      if (!withText) body = writer.placeholder();
      else if (last && (style & STYLE_TRAILING_NOTE) !== 0 && words > 40) {
        // Authors often run their notes into the end of the text.
        const note = `Notes: thank you for reading! Find me at ${pseudNames[plan.pseud[i]!]}, requests open.`;
        const noteWords = countWords(note);
        body = `${writer.chapter(words - noteWords).html}\n<p>${note}</p>`;
      } else body = writer.chapter(words).html;
      if (withText) textWords += words;
      pending += body.length;
      const day = chapters.length === 1 ? published : published + Math.round(((updated - published) * c) / (chapters.length - 1));
      sink.chapter({
        id: ++chapterId,
        work_id: i + 1,
        position: c + 1,
        title: titled ? writer.title().slice(0, 255) : '',
        summary: '',
        notes: chapters.length > 1 && rng.chance(0.1) ? writer.paragraph(2, 5000) : '',
        end_notes: '',
        body,
        word_count: words,
        published_on: calendar.day(day),
      });
    }
    if (pending > 64_000_000 || (i + 1) % 5_000 === 0) {
      sink.checkpoint();
      pending = 0;
    }
    if ((i + 1) % 500 === 0 || i + 1 === plan.works) onProgress(i + 1);
  }
  return { chapters: chapterId, textWords, worksWithText };
}
