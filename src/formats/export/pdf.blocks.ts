import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { parseHtmlDocument } from '../html/dom.ts';

/**
 * Sanitized HTML → a flat list of blocks of styled text runs, the shape a PDF page is laid out
 * from: paragraphs, headings, list items (with their bullet), quotations (indented),
 * preformatted text, rules. Unknown elements contribute their text.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  mono?: boolean;
  underline?: boolean;
  strike?: boolean;
  link?: string;
}

export interface Block {
  runs: Run[];
  /** 0 for body text, 1–6 for headings. */
  heading: number;
  align: 'left' | 'center' | 'right' | 'justify';
  /** Nesting depth of quotations and lists. */
  indent: number;
  rule?: boolean;
  pre?: boolean;
  small?: boolean;
}

type Style = Omit<Run, 'text'>;
interface State {
  style: Style;
  align: Block['align'];
  indent: number;
  heading: number;
  pre: boolean;
}

const BLOCKS = new Set(['p', 'div', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'pre', 'address', 'figure', 'figcaption', 'details', 'summary', 'caption', 'hr']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

class Builder {
  readonly blocks: Block[] = [];
  private current: Block | undefined;

  /** Ends the current block (if it has text) so the next text starts a new one. */
  flush(): void {
    if (this.current && this.current.runs.some((r) => r.text.trim() !== '')) {
      const runs = this.current.runs;
      if (!this.current.pre) {
        runs[0]!.text = runs[0]!.text.replace(/^\s+/, '');
        runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(/\s+$/, '');
      }
      this.blocks.push(this.current);
    }
    this.current = undefined;
  }

  text(text: string, s: State, prefix = ''): void {
    if (!this.current) {
      if (!s.pre && text.trim() === '' && !prefix) return;
      this.current = { runs: [], heading: s.heading, align: s.align, indent: s.indent, pre: s.pre };
      if (prefix) this.current.runs.push({ text: prefix });
    }
    const last = this.current.runs[this.current.runs.length - 1];
    if (last && JSON.stringify({ ...last, text: '' }) === JSON.stringify({ ...s.style, text: '' })) last.text += text;
    else this.current.runs.push({ ...s.style, text });
  }

  rule(s: State): void {
    this.flush();
    this.blocks.push({ runs: [], heading: 0, align: 'center', indent: s.indent, rule: true });
  }
}

function alignOf(el: Element, s: State): Block['align'] {
  const a = (el.attribs.align ?? '').toLowerCase();
  if (el.name === 'center') return 'center';
  return a === 'center' || a === 'right' || a === 'justify' || a === 'left' ? a : s.align;
}

function walk(nodes: readonly ChildNode[], s: State, b: Builder): void {
  for (const n of nodes) {
    if (isText(n)) {
      const data = n.data.replace(CONTROL, '');
      b.text(s.pre ? data : data.replace(/\s+/g, ' '), s);
    } else if (isTag(n)) element(n, s, b);
  }
}

function element(el: Element, s: State, b: Builder): void {
  const style = { ...s.style };
  switch (el.name) {
    case 'br':
      return b.text('\n', s);
    case 'hr':
      return b.rule(s);
    case 'img':
      return b.text(el.attribs.alt ? `[Image: ${el.attribs.alt}]` : '[Image]', { ...s, style: { ...style, italic: true } });
    case 'b': case 'strong': case 'th': case 'dt':
      style.bold = true;
      break;
    case 'i': case 'em': case 'cite': case 'dfn': case 'var': case 'address':
      style.italic = true;
      break;
    case 'code': case 'kbd': case 'samp': case 'tt': case 'pre':
      style.mono = true;
      break;
    case 'u': case 'ins':
      style.underline = true;
      break;
    case 's': case 'strike': case 'del':
      style.strike = true;
      break;
    case 'a':
      if (el.attribs.href && /^(https?|mailto):/i.test(el.attribs.href)) (style.link = el.attribs.href), (style.underline = true);
      break;
  }
  const next: State = { ...s, style, align: alignOf(el, s) };
  if (/^h[1-6]$/.test(el.name)) next.heading = Number(el.name[1]);
  if (el.name === 'pre') next.pre = true;
  if (el.name === 'blockquote' || el.name === 'dd') next.indent = s.indent + 1;
  if (el.name === 'ul' || el.name === 'ol') {
    b.flush();
    let i = Number(el.attribs.start ?? 1) || 1;
    for (const li of el.children) {
      if (!isTag(li)) continue;
      b.flush();
      b.text('', { ...next, indent: s.indent + 1 }, el.name === 'ol' ? `${i++}. ` : '• ');
      walk(li.children, { ...next, indent: s.indent + 1 }, b);
      b.flush();
    }
    return;
  }
  if (el.name === 'td' || el.name === 'th') {
    walk(el.children, next, b);
    return b.text('    ', next);
  }
  const block = BLOCKS.has(el.name);
  if (block) b.flush();
  walk(el.children, next, b);
  if (block) b.flush();
}

/** The blocks of sanitized HTML. `small` marks notes and summaries, set in a smaller size. */
export function htmlBlocks(html: string, opts: { small?: boolean } = {}): Block[] {
  const b = new Builder();
  walk(parseHtmlDocument(html).children, { style: {}, align: 'left', indent: 0, heading: 0, pre: false }, b);
  b.flush();
  if (opts.small) for (const block of b.blocks) block.small = true;
  return b.blocks;
}
