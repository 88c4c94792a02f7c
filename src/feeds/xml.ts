/**
 * A very small XML writer for the feeds: elements are plain data, text and attribute values
 * are always escaped, and characters XML 1.0 forbids (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF) are dropped, so whatever a work's title holds, the feed stays well-formed.
 */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  children?: XmlNode[];
}

/** A child: an element, text (escaped), or nothing (skipped). */
export type XmlNode = XmlElement | string | undefined | null | false;

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text without the characters XML 1.0 cannot carry (lone surrogates are replaced with U+FFFD). */
export function xmlSafe(text: string): string {
  return text.toWellFormed().replace(FORBIDDEN, '');
}

/** Escapes text for an element or a double-quoted attribute value. */
export function xmlEscape(text: string): string {
  return xmlSafe(text).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** `el('link', { rel: 'self', href })`, `el('title', {}, ['A & B'])`. Undefined attributes are left out. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, children: XmlNode[] = []): XmlElement {
  return { name, attrs, children };
}

/** An element holding only text: `text('title', 'A & B')` → `<title>A &amp; B</title>`. */
export function text(name: string, value: string, attrs: XmlElement['attrs'] = {}): XmlElement {
  return { name, attrs, children: [value] };
}

function render(node: XmlNode, depth: number, out: string[]): void {
  if (node === undefined || node === null || node === false) return;
  if (typeof node === 'string') {
    out.push(xmlEscape(node));
    return;
  }
  const attrs = Object.entries(node.attrs ?? {})
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
  const children = (node.children ?? []).filter((c) => c !== undefined && c !== null && c !== false);
  const pad = '  '.repeat(depth);
  if (children.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>\n`);
    return;
  }
  if (children.every((c) => typeof c === 'string')) {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const c of children) render(c, 0, out);
    out.push(`</${node.name}>\n`);
    return;
  }
  out.push(`${pad}<${node.name}${attrs}>\n`);
  for (const c of children) {
    if (typeof c === 'string') out.push(`${'  '.repeat(depth + 1)}${xmlEscape(c)}\n`);
    else render(c, depth + 1, out);
  }
  out.push(`${pad}</${node.name}>\n`);
}

/** The document: an XML declaration and the root element, indented. */
export function xmlDocument(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  render(root, 0, out);
  return out.join('');
}
