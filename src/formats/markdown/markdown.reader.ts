import { Marked, type Token, type Tokens } from 'marked';
import { QuireError } from '../../errors.ts';
import { foldName } from '../../tags/tag.types.ts';
import { assembleChapters, mergeNotes, type BlockOps, type Section } from '../chapters.ts';
import { decodeText } from '../decode.ts';
import { readFrontMatter } from '../front-matter.ts';
import { stripMarker } from '../notes.ts';
import { htmlToText } from '../sanitize.ts';
import type { FormatReader, ParsedWork, WorkMeta } from '../types.ts';

/** Our own instance, so no global marked option leaks in or out. GitHub-flavoured, standard line breaks. */
const md = new Marked({ gfm: true, breaks: false, async: false });

/** Block operations for one document; `defs` are its link definitions, so re-parsed pieces keep their links. */
function opsFor(defs: string): { ops: BlockOps<Token>; toHtml: (src: string) => string } {
  const toHtml = (src: string): string => md.parse(defs ? `${src}\n\n${defs}` : src) as string;
  /** One token for a piece of Markdown: the token itself when it lexes to one, else its HTML. */
  const tokenOf = (src: string): Token => {
    const tokens = md.lexer(defs ? `${src}\n\n${defs}` : src).filter((t) => t.type !== 'space' && t.type !== 'def');
    if (tokens.length === 1) return tokens[0]!;
    return { type: 'html', block: true, pre: false, raw: src, text: toHtml(src) } satisfies Tokens.HTML;
  };
  const ops: BlockOps<Token> = {
    text: (t) => t.raw.trim(),
    render: (ts) => md.parser(ts) as string,
    renderNotes: (ts) => ts.map((t, i) => (i === 0 ? toHtml(stripMarker(t.raw)) : (md.parser([t]) as string))).join(''),
    split: (t, at) => [tokenOf(t.raw.trim().slice(0, at).trimEnd()), tokenOf(t.raw.trim().slice(at).trim())],
  };
  return { ops, toHtml };
}

const plain = (inline: string): string => htmlToText(md.parseInline(inline) as string).replace(/\s+/g, ' ').trim();

/**
 * Reads a Markdown work. Chapters: when the document has two or more `#` headings, each `#`
 * starts a chapter; otherwise each `##` does, and a single `#` heading at the very top is the
 * work's title. Front matter and notes labels work as in plain text.
 */
export function parseMarkdown(text: string, fileName: string): ParsedWork {
  const fm = readFrontMatter(text, fileName);
  const meta: WorkMeta = { ...fm.meta };
  const all = md.lexer(fm.body);
  const defs = Object.entries(all.links).map(([label, l]) => `[${label}]: <${l.href}>${l.title ? ` "${l.title.replace(/"/g, '\\"')}"` : ''}`).join('\n');
  const { ops, toHtml } = opsFor(defs);
  for (const key of ['summary', 'notes', 'endNotes'] as const) if (meta[key] !== undefined) meta[key] = toHtml(meta[key]);
  const tokens = all.filter((t) => t.type !== 'space' && t.type !== 'def');
  const h1 = tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1);
  const depth = h1.length >= 2 ? 1 : 2;
  const top = h1[0];
  if (depth === 2 && top && tokens[0] === top && tokens.length > 1) {
    const title = plain(top.text);
    if (meta.title === undefined || foldName(meta.title) === foldName(title)) {
      meta.title ??= title;
      tokens.shift();
    }
  }
  const sections: Section<Token>[] = [{ blocks: [] }];
  for (const t of tokens) {
    if (t.type === 'heading' && (t as Tokens.Heading).depth === depth) sections.push({ heading: plain((t as Tokens.Heading).text), blocks: [] });
    else sections[sections.length - 1]!.blocks.push(t);
  }
  const assembled = assembleChapters(sections, ops);
  if (assembled.chapters.length === 0) throw new QuireError('import_failed', `${fileName}: there is no story text${fm.lineOffset ? ' after the front matter' : ''}`);
  mergeNotes(meta, assembled);
  return { meta, chapters: assembled.chapters, warnings: [] };
}

/** `.md` and `.markdown` files. */
export const markdownReader: FormatReader = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  read: (bytes, ctx) => parseMarkdown(decodeText(bytes, ctx.fileName).text, ctx.fileName),
};
