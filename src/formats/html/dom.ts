import { DomHandler, isTag, isText, type AnyNode, type ChildNode, type Document, type Element } from 'domhandler';
import render from 'dom-serializer';
import { findAll, findOne, removeElement, textContent } from 'domutils';
import { Parser } from 'htmlparser2';

/** Small DOM helpers over htmlparser2 + domhandler, for the HTML readers. */

/** Parses HTML leniently (as browsers do: unclosed tags, stray text) into a document tree. */
export function parseHtmlDocument(html: string): Document {
  const handler = new DomHandler();
  new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return handler.root;
}

/** Nodes back to HTML, characters kept as UTF-8 (the sanitizer cleans it afterwards). */
export function serialize(nodes: AnyNode | AnyNode[]): string {
  return render(nodes, { encodeEntities: 'utf8' });
}

/** The HTML inside an element. */
export function innerHtml(el: Element): string {
  return serialize(el.children);
}

/** Visible text of a node with runs of white space collapsed. */
export function textOf(node: AnyNode | AnyNode[]): string {
  return textContent(node).replace(/\s+/g, ' ').trim();
}

export function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

export function byId(root: AnyNode[] | Document, id: string): Element | null {
  return findOne((el) => el.attribs.id === id, Array.isArray(root) ? root : root.children);
}

export function first(root: AnyNode[] | AnyNode, test: (el: Element) => boolean): Element | null {
  return findOne(test, Array.isArray(root) ? root : 'children' in root ? (root as Element).children : [root]);
}

export function all(root: AnyNode[] | AnyNode, test: (el: Element) => boolean): Element[] {
  return findAll(test, Array.isArray(root) ? root : 'children' in root ? (root as Element).children : [root]);
}

/** Removes elements whose content is never text (script, style…), so text and notes checks skip them. */
export function dropNonText(doc: Document): void {
  for (const el of all(doc, (e) => ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'].includes(e.name))) removeElement(el);
}

/** Element children and non-blank text, comments and other noise left out. */
export function contentChildren(el: Element | Document): ChildNode[] {
  return el.children.filter((c) => isTag(c) || (isText(c) && c.data.trim() !== ''));
}

/**
 * Removes the first `count` characters of text from a node (a notes label), across text nodes;
 * elements left empty (`<b></b>` that held "A/N:") go too.
 */
export function dropTextPrefix(node: AnyNode, count: number): void {
  let left = count;
  const visit = (n: AnyNode): void => {
    if (left <= 0) return;
    if (isText(n)) {
      const take = Math.min(left, n.data.length);
      n.data = n.data.slice(take);
      left -= take;
    } else if (isTag(n)) {
      for (const c of [...n.children]) visit(c);
      if (n !== node && textContent(n) === '' && !first(n, (e) => e.name === 'img')) removeElement(n);
    }
  };
  visit(node);
}
