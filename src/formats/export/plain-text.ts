import { isTag, isText, type ChildNode } from 'domhandler';
import { parseHtmlDocument } from '../html/dom.ts';

/**
 * Sanitized HTML → readable plain text: paragraphs separated by one blank line, line breaks
 * kept, list items bulleted or numbered, block quotes indented, rules as `* * *`, images as
 * `[Image: alt]`. Lines are not wrapped: readers and editors wrap to their own width, and hard
 * wrapping would break CJK text and re-flowing.
 */

const BLOCK = new Set([
  'p', 'div', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tr', 'pre', 'address', 'figure', 'figcaption', 'details', 'summary', 'caption', 'hr',
]);

const BREAK = '\u0000';
/** Spaces that must survive trimming (indentation, preformatted text); made spaces at the end. */
const HARD = '\u0001';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function walk(nodes: readonly ChildNode[], pre: boolean): string {
  let out = '';
  for (const n of nodes) {
    if (!isText(n)) {
      if (isTag(n)) out += element(n.name, n.attribs, n.children, pre);
      continue;
    }
    const data = n.data.replace(CONTROL, '');
    out += pre ? data.replace(/ /g, HARD) : data.replace(/\s+/g, ' ');
  }
  return out;
}

function element(name: string, attribs: Record<string, string>, children: readonly ChildNode[], pre: boolean): string {
  switch (name) {
    case 'br':
      return '\n';
    case 'hr':
      return `${BREAK}* * *${BREAK}`;
    case 'img':
      return attribs.alt ? `[Image: ${attribs.alt}]` : '[Image]';
    case 'pre':
      return `${BREAK}${walk(children, true)}${BREAK}`;
    case 'blockquote':
      return `${BREAK}${finish(walk(children, pre)).split('\n').map((l) => (l ? `${HARD.repeat(4)}${l}` : l)).join('\n')}${BREAK}`;
    case 'ul':
    case 'ol': {
      let i = Number(attribs.start ?? 1) || 1;
      const items = children.filter(isTag).map((li) => {
        const text = finish(walk(li.children, pre)).replace(/\n(?=.)/g, `\n${HARD.repeat(3)}`);
        return `${name === 'ol' ? `${i++}.` : '•'} ${text}`;
      });
      return `${BREAK}${items.join('\n')}${BREAK}`;
    }
    case 'td':
    case 'th':
      return `${walk(children, pre).trim()}\t`;
    case 'tr':
      return `${walk(children, pre).replace(/\t$/, '')}\n`;
    default: {
      const inner = walk(children, pre);
      return BLOCK.has(name) ? `${BREAK}${inner}${BREAK}` : inner;
    }
  }
}

/** Block breaks become one blank line; spaces at line ends go. */
function finish(text: string): string {
  return text
    .split(new RegExp(`(?:[ \\t]*${BREAK}[ \\t]*)+`))
    .map((block) => block.split('\n').map((l) => l.replace(/^ +| +$/g, '')).join('\n').replace(/^\n+|\n+$/g, ''))
    .filter((b) => b !== '')
    .join('\n\n');
}

/**
 * Plain text of sanitized HTML.
 *
 * @example htmlToPlainText('<p>One</p><p>Two<br>lines</p>') === 'One\n\nTwo\nlines'
 */
export function htmlToPlainText(html: string): string {
  return finish(walk(parseHtmlDocument(html).children, false)).replaceAll(HARD, ' ');
}
