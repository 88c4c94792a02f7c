import { QuireError } from '../../errors.ts';
import { foldName } from '../../tags/tag.types.ts';
import { assembleChapters, mergeNotes, type BlockOps, type Section } from '../chapters.ts';
import { decodeText } from '../decode.ts';
import { readFrontMatter } from '../front-matter.ts';
import { isSeparator, matchMarker, stripMarker } from '../notes.ts';
import { looksLikeTitle } from '../title.ts';
import type { FormatReader, ParsedWork, WorkMeta } from '../types.ts';
import { paragraphsToHtml, textBlocks, textToHtml, type TextBlock } from './paragraphs.ts';

const BYLINE = /^by\s+(\S.{0,59})$/i;

const ops: BlockOps<string> = {
  text: (p) => p,
  render: (ps) => paragraphsToHtml(ps),
  renderNotes: (ps) => paragraphsToHtml(ps.map((p, i) => (i === 0 ? stripMarker(p) : p))),
  split: (p, at) => [p.slice(0, at).trimEnd(), p.slice(at).trim()],
};

/**
 * Reads a plain-text work: optional front matter, an optional title line (and `by Name` line),
 * `## Heading` lines as chapter breaks, paragraphs by blank lines, notes by label (notes.ts).
 */
export function parseText(text: string, fileName: string): ParsedWork {
  const fm = readFrontMatter(text, fileName);
  const meta: WorkMeta = { ...fm.meta };
  for (const key of ['summary', 'notes', 'endNotes'] as const) if (meta[key] !== undefined) meta[key] = textToHtml(meta[key]);
  const blocks = textBlocks(fm.body, true, fm.lineOffset + 1);
  takeTitle(blocks, meta);
  const sections: Section<string>[] = [{ blocks: [] }];
  for (const b of blocks) {
    if (b.kind === 'heading') sections.push({ heading: b.text, blocks: [] });
    else sections[sections.length - 1]!.blocks.push(b.text);
  }
  const assembled = assembleChapters(sections, ops);
  if (assembled.chapters.length === 0) throw new QuireError('import_failed', `${fileName}: there is no story text${fm.lineOffset ? ' after the front matter' : ''}`);
  mergeNotes(meta, assembled);
  return { meta, chapters: assembled.chapters, warnings: [] };
}

/** A short first paragraph that looks like a title (optionally with a `by Name` line) is the title. */
function takeTitle(blocks: TextBlock[], meta: WorkMeta): void {
  const first = blocks[0];
  if (!first || first.kind !== 'paragraph' || blocks.length < 2) return;
  const lines = first.text.split('\n');
  const by = lines.length === 2 ? BYLINE.exec(lines[1]!) : null;
  if (lines.length > 2 || (lines.length === 2 && !by)) return;
  const line = lines[0]!;
  if (!looksLikeTitle(line) || matchMarker(line) || isSeparator(line)) return;
  if (meta.title !== undefined && foldName(meta.title) !== foldName(line)) return;
  meta.title ??= line;
  if (by && !meta.creators?.length) meta.creators = [by[1]!.trim()];
  blocks.shift();
}

/** `.txt` files. */
export const textReader: FormatReader = {
  name: 'text',
  extensions: ['.txt'],
  read: (bytes, ctx) => parseText(decodeText(bytes, ctx.fileName).text, ctx.fileName),
};
