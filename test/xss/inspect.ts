import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * A structural check of a page for markup that could run: the page is parsed with htmlparser2
 * and walked, element by element (not matched with regular expressions). What Quire's own
 * layout legitimately has (its script file, its stylesheet links, its forms posting home, the
 * download's own `<style>` and `<meta>` in `<head>`) is allowed by shape; anything else of a
 * dangerous kind is a finding.
 */

/** Elements that never come from a person's text. */
const FORBIDDEN = new Set([
  'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'template',
  'noscript', 'xmp', 'plaintext', 'isindex', 'keygen', 'marquee', 'noembed', 'portal', 'video', 'audio', 'source',
]);
/** Attributes whose value is a URL (or code) the browser may follow or run. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'cite', 'codebase', 'dynsrc', 'lowsrc', 'ping', 'manifest', 'icon']);
/** Controls that can submit or take focus: only inside Quire's own forms (or naming one with `form=`). */
const FORM_CONTROLS = new Set(['input', 'textarea', 'select', 'button']);

export interface Finding {
  /** What was found: `<script> with inline code`, `onerror= on <img>`, `javascript: in href of <a>`. */
  what: string;
  /** Some of the markup around it, for the failure message. */
  near: string;
}

/**
 * A URL value's scheme as a browser reads it (WHATWG URL): entities already decoded by the
 * parser, leading and trailing C0 controls and spaces stripped, tabs and newlines removed anywhere.
 */
function scheme(value: string): string {
  // eslint-disable-next-line no-control-regex
  const squeezed = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(squeezed);
  return m ? m[1]! : '';
}

function describe(el: Element): string {
  const attrs = Object.entries(el.attribs).map(([k, v]) => `${k}="${v.slice(0, 60)}"`).join(' ');
  return `<${el.name}${attrs ? ` ${attrs}` : ''}>`.slice(0, 200);
}

function inHead(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.type === 'tag' && (p as Element).name === 'head') return true;
  return false;
}

function inOwnForm(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.type === 'tag' && (p as Element).name === 'form') return ownForm(p as Element);
  return false;
}

/** Quire's forms post (or get) to a path on the same site. */
function ownForm(form: Element): boolean {
  const action = form.attribs.action ?? '';
  return /^\/(?!\/)[^\s]*$/.test(action) && scheme(action) === '';
}

function textOf(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('');
}

/**
 * Every finding in an HTML page. `download`: the single-file HTML download, whose `<head>` has
 * its own `<style>` and `<meta>` elements.
 */
export function inspectHtml(body: string): Finding[] {
  const findings: Finding[] = [];
  const add = (what: string, el: Element) => findings.push({ what, near: describe(el) });
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (name === 'script') {
        const src = el.attribs.src ?? '';
        if (!src.startsWith('/static/') || textOf(el).trim() !== '') add('<script> that is not one of Quire\'s files', el);
      } else if (name === 'style') {
        if (!inHead(el)) add('<style> outside the head', el);
      } else if (name === 'meta') {
        if (!inHead(el) || 'http-equiv' in el.attribs) add('<meta> from the page body, or http-equiv', el);
      } else if (name === 'link') {
        const href = el.attribs.href ?? '';
        if (!inHead(el) || !/^\/(?!\/)/.test(href)) add('<link> that is not one of Quire\'s own', el);
      } else if (name === 'form') {
        if (!ownForm(el)) add('<form> posting somewhere else', el);
      } else if (FORM_CONTROLS.has(name)) {
        if (!inOwnForm(el) && !('form' in el.attribs)) add(`<${name}> outside Quire's forms`, el);
      } else if (FORBIDDEN.has(name)) {
        add(`<${name}>`, el);
      }
      for (const [rawName, value] of Object.entries(el.attribs)) {
        const attr = rawName.toLowerCase();
        if (attr.startsWith('on')) add(`${attr}= on <${name}>`, el);
        if (attr === 'style') add(`style= on <${name}>`, el);
        if (attr === 'srcdoc' || attr === 'formaction') add(`${attr}= on <${name}>`, el);
        if (URL_ATTRS.has(attr) && ['javascript', 'vbscript', 'data', 'livescript', 'mocha'].includes(scheme(value))) add(`${scheme(value)}: in ${attr} of <${name}>`, el);
      }
      visit(el.children);
    }
  };
  visit(parseDocument(body, { lowerCaseAttributeNames: true }).children);
  return findings;
}

/**
 * The HTML inside an Atom feed's `type="html"` elements (escaped text that feed readers render
 * as HTML), each checked as a page would be.
 */
export function inspectAtom(xml: string): Finding[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const out: Finding[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      const el = node as Element;
      if (el.attribs.type === 'html') out.push(...inspectHtml(textOf(el)));
      if (el.attribs.type === 'xhtml') out.push(...inspectHtml(el.children.map(String).join('')));
      visit(el.children);
    }
  };
  visit(doc.children);
  for (const f of findXmlScripts(doc.children)) out.push(f);
  return out;
}

function findXmlScripts(nodes: ChildNode[]): Finding[] {
  const out: Finding[] = [];
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (/(^|:)script$/i.test(el.name)) out.push({ what: '<script> in the feed', near: describe(el) });
    out.push(...findXmlScripts(el.children));
  }
  return out;
}
