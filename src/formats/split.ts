import { Element, isTag, isText, type AnyNode } from 'domhandler';
import { LIMITS } from '../works/limits.ts';
import type { ChapterInput } from '../works/work.types.ts';
import { parseHtmlDocument, serialize } from './html/dom.ts';
import { sanitize } from './sanitize.ts';
import { escapeHtml } from './text/paragraphs.ts';

/** Room left under the limit, since the sanitizer may re-encode a few characters of each piece. */
const MARGIN = 0.98;

/**
 * Splits every chapter whose (sanitized) HTML is over AO3's 510,000-character limit into
 * consecutive chapters: at block boundaries (paragraphs), else at sentence ends inside one huge
 * paragraph, else at a space. The first part keeps the title and notes; later parts are titled
 * "Part 2"…, or "Title (part 2)"…, and the last keeps the end notes. Linear in the text's length.
 */
export function splitLongChapters(chapters: ChapterInput[], max: number = LIMITS.chapterMax): { chapters: ChapterInput[]; warnings: string[]; added: number } {
  const out: ChapterInput[] = [];
  const warnings: string[] = [];
  let added = 0;
  chapters.forEach((ch, i) => {
    if (ch.html.length <= max) {
      out.push(ch);
      return;
    }
    const pieces = fit(ch.html, max, Math.floor(max * MARGIN));
    added += pieces.length - 1;
    const name = ch.title ? `chapter ${i + 1} ("${ch.title}")` : `chapter ${i + 1}`;
    warnings.push(`${name} has ${ch.html.length.toLocaleString('en')} characters, over the limit of ${max.toLocaleString('en')} per chapter; it was split into ${pieces.length} chapters`);
    pieces.forEach((html, k) => {
      const part: ChapterInput = { html };
      if (k === 0) Object.assign(part, ch, { html });
      else part.title = partTitle(ch.title, k + 1);
      if (k > 0 && ch.publishedOn) part.publishedOn = ch.publishedOn;
      if (k < pieces.length - 1) delete part.endNotes;
      else if (ch.endNotes) part.endNotes = ch.endNotes;
      out.push(part);
    });
  });
  return { chapters: out, warnings, added };
}

function partTitle(title: string | undefined, n: number): string {
  if (!title) return `Part ${n}`;
  const suffix = ` (part ${n})`;
  return title.slice(0, LIMITS.chapterTitleMax - suffix.length) + suffix;
}

/** Pieces of `html` whose sanitized length is at most `max`, cut with `budget` as the aim. */
function fit(html: string, max: number, budget: number): string[] {
  const doc = parseHtmlDocument(html);
  return pieces(doc.children, budget).flatMap((p) => {
    const clean = sanitize(p);
    if (clean.length === 0) return [];
    return clean.length <= max ? [clean] : fit(clean, max, Math.floor(budget / 2));
  });
}

/** Groups nodes into HTML strings of at most `budget` characters, cutting inside nodes that are too big. */
function pieces(nodes: AnyNode[], budget: number): string[] {
  const out: string[] = [];
  let cur = '';
  const add = (s: string) => {
    if (cur.length + s.length > budget && cur) {
      out.push(cur);
      cur = '';
    }
    cur += s;
  };
  for (const node of nodes) {
    const s = serialize(node);
    if (s.length <= budget) {
      add(s);
      continue;
    }
    let inner: string[];
    if (isText(node)) {
      inner = splitText(node.data, budget);
    } else if (isTag(node) && node.children.length > 0) {
      const close = `</${node.name}>`;
      const open = serialize(new Element(node.name, { ...node.attribs })).slice(0, -close.length);
      inner = pieces(node.children, Math.max(1000, budget - open.length - close.length)).map((p) => open + p + close);
    } else {
      inner = [s];
    }
    for (const p of inner) {
      if (cur) out.push(cur);
      cur = p;
    }
  }
  if (cur) out.push(cur);
  return out;
}

const SENTENCE_END = /[.!?…。！？]["”’')\]»」』]*\s*/g;

/** Escaped chunks of a text of at most `budget` characters each, cut at sentence ends where it can. */
export function splitText(text: string, budget: number): string[] {
  const chunks: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + budget);
    let chunk = escapeHtml(text.slice(pos, end));
    while (chunk.length > budget) {
      end = pos + Math.max(1, Math.floor((end - pos) * 0.9));
      chunk = escapeHtml(text.slice(pos, end));
    }
    if (end < text.length) {
      end = boundary(text, pos + Math.floor((end - pos) / 2), end);
      chunk = escapeHtml(text.slice(pos, end));
    }
    chunks.push(chunk);
    pos = end;
  }
  return chunks;
}

/** The last sentence end in `[from, to)`, else the last space, else `to` (never inside a surrogate pair). */
function boundary(text: string, from: number, to: number): number {
  const window = text.slice(from, to);
  let best = -1;
  SENTENCE_END.lastIndex = 0;
  for (const m of window.matchAll(SENTENCE_END)) if (m[0].length > 0 && m.index + m[0].length < window.length) best = m.index + m[0].length;
  if (best > 0) return from + best;
  const space = window.lastIndexOf(' ');
  if (space > 0) return from + space + 1;
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}
