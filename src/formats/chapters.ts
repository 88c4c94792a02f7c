import type { ChapterInput } from '../works/work.types.ts';
import type { WorkMeta } from './types.ts';
import { NOTES_MAX, findNotes, isSeparator, matchMarker } from './notes.ts';
import { chapterTitle } from './title.ts';

/** Blocks between two chapter headings; the first section has no heading when text comes before one. */
export interface Section<B> {
  /** The heading's text, or undefined for text before the first heading. */
  heading?: string;
  blocks: B[];
}

/** How one format looks at and renders its blocks (paragraphs, Markdown tokens, DOM nodes). */
export interface BlockOps<B> {
  /** The block's plain text, for finding notes labels. */
  text(block: B): string;
  /** Body blocks to HTML. */
  render(blocks: B[]): string;
  /** Notes blocks to HTML, with the label removed from the first one. */
  renderNotes(blocks: B[]): string;
  /** Cuts a block at a character of its text (run-in end notes); formats that cannot, leave it out. */
  split?(block: B, offset: number): [B, B];
}

export interface Assembled {
  notes?: string;
  endNotes?: string;
  chapters: ChapterInput[];
}

/**
 * Turns sections into chapters with their notes (rules in notes.ts). Text before the first
 * heading that starts with a notes label is the work's notes; any other text there is an
 * untitled first chapter. The first chapter's leading notes become the work's notes (unless it
 * already has some) and the last chapter's end notes the work's end notes; other chapters keep theirs.
 */
export function assembleChapters<B>(sections: Section<B>[], ops: BlockOps<B>): Assembled {
  const out: Assembled = { chapters: [] };
  const list = sections.filter((s) => s.heading !== undefined || s.blocks.length > 0);
  const first = list[0];
  if (first && first.heading === undefined && list.length > 1 && isAllNotes(first.blocks.map((b) => ops.text(b)))) {
    out.notes = ops.renderNotes(first.blocks);
    list.shift();
  }
  for (const section of list) out.chapters.push(chapterOf(section, ops));
  const ch1 = out.chapters[0];
  if (ch1?.notes && out.notes === undefined) {
    out.notes = ch1.notes;
    delete ch1.notes;
  }
  const last = out.chapters[out.chapters.length - 1];
  if (last?.endNotes) {
    out.endNotes = last.endNotes;
    delete last.endNotes;
  }
  return out;
}

/** Text before the first chapter that opens with a label and has no scene break is all notes. */
function isAllNotes(texts: string[]): boolean {
  if (texts.length === 0 || !matchMarker(texts[0]!)) return false;
  return !texts.some(isSeparator) && texts.reduce((n, t) => n + t.length, 0) <= NOTES_MAX;
}

function chapterOf<B>(section: Section<B>, ops: BlockOps<B>): ChapterInput {
  const blocks = [...section.blocks];
  const split = findNotes(blocks.map((b) => ops.text(b)));
  const chapter: ChapterInput = { html: '' };
  if (section.heading !== undefined) chapter.title = chapterTitle(section.heading);
  const body = blocks.slice(split.bodyStart, split.bodyEnd);
  const tail = blocks.slice(split.tailStart);
  if (split.runIn && ops.split) {
    const at = split.runIn.block - split.bodyStart;
    const [before, after] = ops.split(body[at]!, split.runIn.offset);
    body[at] = before;
    tail.unshift(after);
  }
  if (split.leadEnd > 0) chapter.notes = ops.renderNotes(blocks.slice(0, split.leadEnd));
  if (tail.length > 0) chapter.endNotes = ops.renderNotes(tail);
  chapter.html = ops.render(body);
  if (!chapter.notes) delete chapter.notes;
  if (!chapter.endNotes) delete chapter.endNotes;
  return chapter;
}

/**
 * Notes found in the text go to the work unless the front matter already set them; then they
 * stay with the first (or last) chapter, so nothing is lost.
 */
export function mergeNotes(meta: WorkMeta, assembled: Assembled): void {
  if (assembled.notes) {
    if (meta.notes === undefined) meta.notes = assembled.notes;
    else {
      const ch = assembled.chapters[0]!;
      ch.notes = ch.notes ? `${assembled.notes}\n${ch.notes}` : assembled.notes;
    }
  }
  if (assembled.endNotes) {
    if (meta.endNotes === undefined) meta.endNotes = assembled.endNotes;
    else assembled.chapters[assembled.chapters.length - 1]!.endNotes = assembled.endNotes;
  }
}
