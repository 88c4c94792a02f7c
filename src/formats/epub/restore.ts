import { isTag, type ChildNode, type Element } from 'domhandler';
import { serialize } from '../html/dom.ts';

/**
 * Undoes `toXhtml`: the XHTML of a Quire-made EPUB back to the HTML it was made from. Elements
 * named in `data-h` get their names back, added wrappers (`+`) are unwrapped, added elements
 * (`-`) removed, images rebuilt, and attributes set aside as `data-h-*` restored. Classes and
 * ids the EPUB added are dropped (stored HTML has none: the sanitizer allows neither).
 */

function restoreAttributes(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(el.attribs)) {
    if (name.startsWith('data-h-')) out[name.slice(7)] = value;
    else if (name === 'id' && el.name === 'a') out.name = value;
    else if (name !== 'class' && name !== 'id' && !name.startsWith('data-') && !name.includes(':')) out[name] = value;
  }
  return out;
}

function restoreNodes(nodes: readonly ChildNode[]): ChildNode[] {
  const out: ChildNode[] = [];
  for (const n of nodes) {
    if (!isTag(n)) {
      if (n.type === 'text') out.push(n);
      continue;
    }
    const marker = n.attribs['data-h'];
    if (marker === '-') continue;
    if (marker === '+') {
      out.push(...restoreNodes(n.children));
      continue;
    }
    if (marker === 'img') {
      n.attribs = Object.fromEntries(Object.entries(n.attribs).filter(([k]) => k.startsWith('data-h-')).map(([k, v]) => [k.slice(7), v]));
      n.name = 'img';
      n.children = [];
      out.push(n);
      continue;
    }
    if (marker) n.name = marker;
    n.attribs = restoreAttributes(n);
    n.children = restoreNodes(n.children);
    for (const c of n.children) c.parent = n;
    out.push(n);
  }
  return out;
}

/**
 * The original HTML of converted XHTML nodes (the children of a Quire EPUB's text block).
 * The result still goes through the sanitizer, as every imported HTML does.
 */
export function restoreHtml(nodes: readonly ChildNode[]): string {
  return serialize(restoreNodes(nodes));
}
